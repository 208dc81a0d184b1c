import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it lived at `path` and returns the boundary messages. */
async function boundaryErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('dependency boundaries (DESIGN.md) are enforced by lint', () => {
  it.each([
    ['renderer/citizen/Bad.tsx', "import { SimulatedIdCardReader } from '../../devices/simulators/idcard/simulated-reader';\nexport const x = SimulatedIdCardReader;\n"],
    ['renderer/Bad.tsx', "import Database from 'better-sqlite3';\nexport const x = Database;\n"],
    ['renderer/Bad.tsx', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['renderer/Bad.tsx', "import { createApp } from '../main/app';\nexport const x = createApp;\n"],
    ['renderer/Bad.tsx', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['devices/drivers/Bad.ts', "import { createApp } from '../../main/app';\nexport const x = createApp;\n"],
    ['src/domain/Bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['src/contract/Bad.ts', "import { createApp } from '../../main/app';\nexport const x = createApp;\n"],
    ['main/web/Bad.ts', "import { app } from 'electron';\nexport const x = app;\n"],
  ])('%s: a forbidden import fails lint', async (path, code) => {
    expect(await boundaryErrors(path, code)).not.toEqual([]);
  });

  it.each([
    ['renderer/Good.tsx', "import { maskName } from '../src/contract';\nexport const x = maskName;\n"],
    ['devices/drivers/Good.ts', "import { maskName } from '../../src/contract';\nexport const x = maskName;\n"],
    ['main/electron/Good.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['main/Good.ts', "import { TypedEmitter } from '../devices/model/emitter';\nexport const x = TypedEmitter;\n"],
  ])('%s: an allowed import passes', async (path, code) => {
    expect(await boundaryErrors(path, code)).toEqual([]);
  });
});
