// Robustness: whatever arrives as a catalogue file, validation answers with problems and never throws.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateCatalog } from './validate';

const sample = JSON.parse(readFileSync(new URL('../../../assets/catalog/sample-catalog.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/** Deletes or replaces the value at a random path of a deep copy. */
function mutate(root: unknown, choices: readonly number[], replacement: unknown): unknown {
  const copy = structuredClone(root);
  let node: unknown = copy;
  for (let depth = 0; depth < choices.length; depth += 1) {
    if (node === null || typeof node !== 'object') break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[(choices[depth] ?? 0) % keys.length] ?? '';
    const child = (node as Record<string, unknown>)[key];
    const last = depth === choices.length - 1 || child === null || typeof child !== 'object';
    if (last) {
      if (replacement === undefined) delete (node as Record<string, unknown>)[key];
      else (node as Record<string, unknown>)[key] = replacement;
      break;
    }
    node = child;
  }
  return copy;
}

describe('validateCatalog never throws', () => {
  it('on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = validateCatalog(value);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('on the sample with one value deleted or replaced anywhere', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 })),
        (path, replacement) => {
          const result = validateCatalog(mutate(sample, path, replacement));
          if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
