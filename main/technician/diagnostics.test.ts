import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDiagnostics, KEEP_BUNDLES, writeDiagnostics } from './diagnostics';

const identity = { hallCode: 'QX01', terminalNumber: 'T-0001' };
const sources = {
  versions: { terminal: '1' },
  system: {},
  identity,
  devices: [],
  configuration: {},
  statusHistory: [],
  health: [],
  logs: [{ message: 'slipped through: 430102199003071234 13812345678' }],
  technician: {},
  sync: () => {
    throw new Error('sync not ready');
  },
};

describe('diagnostics bundle', () => {
  it('masks ID and mobile numbers as a last guard and records a failing source instead of throwing', () => {
    const text = buildDiagnostics(sources, new Date('2026-03-02T09:00:00Z'));
    expect(text).not.toMatch(/430102199003071234|13812345678/);
    expect(JSON.parse(text)).toMatchObject({ kind: 'hall-terminal-diagnostics', sync: { error: 'sync not ready' } });
  });

  it('writes owner-only files named by hall, terminal and time, keeping the newest twenty', () => {
    const dir = mkdtempSync(join(tmpdir(), 'diag-'));
    let last = '';
    for (let i = 0; i < KEEP_BUNDLES + 3; i += 1) last = writeDiagnostics(dir, '{}', identity, new Date(Date.UTC(2026, 2, 2, 9, 0, i)));
    const files = readdirSync(join(dir, 'diagnostics')).sort();
    expect(files).toHaveLength(KEEP_BUNDLES);
    expect(files.at(-1)).toBe(last);
    expect(files[0]).toBe('diagnostics-QX01-T-0001-2026-03-02T09-00-03-000Z.json');
    expect(statSync(join(dir, 'diagnostics', last)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'diagnostics', last), 'utf8')).toBe('{}');
  });
});
