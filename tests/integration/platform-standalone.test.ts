// `npm run platform` as a separate process, configured by environment variables; and the embedded
// platform plus the technician's enrolment flow.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPlatform } from '../../platform/embedded';
import { keyFileCipher, loadCredentials } from '../../src/sync/credentials';
import { enrolTerminal } from '../../src/sync/enrolment';

let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'hall-standalone-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('standalone platform', () => {
  it('starts from environment variables, logs JSON lines and serves /healthz', async () => {
    const child = spawn(process.execPath, ['scripts/platform.mjs'], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: { ...process.env, PLATFORM_PORT: '0', PLATFORM_SQLITE_FILE: join(tmp, 'standalone', 'p.db'), PLATFORM_ADMIN_TOKEN: 'standalone-admin-token-123456789' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const lines = createInterface({ input: child.stdout });
      const address = await new Promise<string>((resolve, reject) => {
        lines.on('line', (line) => {
          const record = JSON.parse(line) as { msg?: string; address?: string };
          if (record.msg === 'platform listening' && record.address) resolve(record.address);
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      expect(await (await fetch(`${address}/healthz`)).json()).toEqual({ ok: true, engine: 'sqlite' });
      expect((await fetch(`${address}/admin/terminals`, { headers: { authorization: 'Bearer standalone-admin-token-123456789' } })).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('refuses bad configuration with a message and exit code 1', async () => {
    const child = spawn(process.execPath, ['scripts/platform.mjs'], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: { ...process.env, PLATFORM_PORT: 'eighty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('port');
  });
});

describe('embedded platform and enrolment', () => {
  it('enrols a terminal with the code it was started with, storing the secret encrypted', async () => {
    const platform = await startEmbeddedPlatform({ dataDir: join(tmp, 'embedded') });
    try {
      const cipher = keyFileCipher(join(tmp, 'term', 'sync.key'));
      const file = join(tmp, 'term', 'sync.json');
      const wrong = await enrolTerminal({ platformUrl: platform.url, code: 'AAAA-BBBB-CCCC', name: 'kiosk', version: '0.1.0', credentialsFile: file, cipher });
      expect(wrong).toMatchObject({ ok: false, error: { reason: 'bad-code' } });
      const done = await enrolTerminal({ platformUrl: platform.url, code: platform.enrolmentCode.toLowerCase(), name: 'kiosk', version: '0.1.0', credentialsFile: file, cipher });
      expect(done).toMatchObject({ ok: true, value: { hallId: 'local-hall' } });
      expect(loadCredentials(file, cipher)?.terminalId).toBe(done.ok ? done.value.terminalId : '');
      const offline = await enrolTerminal({ platformUrl: 'http://127.0.0.1:9', code: platform.enrolmentCode, name: 'kiosk', version: '0.1.0', credentialsFile: file, cipher });
      expect(offline).toMatchObject({ ok: false, error: { reason: 'unreachable' } });
    } finally {
      await platform.close();
    }
  });
});
