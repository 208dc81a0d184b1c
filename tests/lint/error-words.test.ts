// Errors are codes, words live in the renderer (issue #13 item 6): no handler invents a reason outside the
// registry, and no "中文 (English)" sentence sits in the contract, the privileged side or the platform.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isErrorReason } from '../../src/contract';

const root = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

const rel = (file: string) => relative(root, file);

describe('error words', () => {
  it('every literal reason thrown anywhere is in the registry', () => {
    const thrown: string[] = [];
    for (const file of ['src', 'main', 'devices', 'platform'].flatMap(sources)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/new ContractError\(\s*'[A-Z_]+'\s*,\s*'([^']+)'/g)) thrown.push(`${rel(file)}: ${m[1]}`);
      for (const m of text.matchAll(/\?\s*'([a-z]+\.[A-Za-z0-9]+)'\s*:\s*'([a-z]+\.[A-Za-z0-9]+)'/g)) thrown.push(`${rel(file)}: ${m[1]}`, `${rel(file)}: ${m[2]}`);
    }
    expect(thrown.length).toBeGreaterThan(50);
    expect(thrown.filter((t) => !isErrorReason(t.split(': ')[1]))).toEqual([]);
  });

  it('no "中文 (English)" sentence in src/contract, main or platform', () => {
    const mixed = /['`][^'`]*\p{Script=Han}[^'`]*\([A-Za-z][^'`)]*\)['`]/u;
    const found = ['src/contract', 'main', 'platform'].flatMap(sources).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (mixed.test(line) ? [`${rel(file)}:${i + 1}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
