// Pure layers read no environment (eslint no-restricted-properties; an import rule cannot see process.env).
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });
const code = 'export const printer = process.env.HALL_PRINTER;\n';

async function envErrors(path: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-properties').length;
}

describe('pure layers read no environment', () => {
  it.each([
    'devices/protocols/escpos/Bad.ts',
    'src/kernel/Bad.ts',
    'src/contract/Bad.ts',
    'src/domain/Bad.ts',
    'src/wire/Bad.ts',
    'src/documents/Bad.ts',
    'renderer/Bad.tsx',
  ])('%s: reading process.env fails lint', async (path) => {
    expect(await envErrors(path)).toBe(1);
  });

  it.each(['main/config.ts', 'devices/preview/Good.ts', 'src/domain/Good.test.ts'])(
    '%s: not a pure layer (or a test), so it passes',
    async (path) => {
      expect(await envErrors(path)).toBe(0);
    },
  );
});
