// The reference platform embedded in the terminal process for `npm start` on a fresh machine and for
// demos: SQLite in the data directory, loopback only, a random admin token, and a fresh enrolment code
// so the technician console can enrol against it without any setup.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { hashEnrolmentCode } from './routes/terminal';
import { newEnrolmentCode } from './routes/admin';
import { buildPlatform } from './server';
import { loadOrCreateDataKeyFile } from './store/data-cipher';
import { openRepository } from './store/open';

export interface EmbeddedPlatform {
  url: string;
  adminToken: string;
  /** Where the admin token is kept (mode 0600), for the log line and for tools; never log the token. */
  adminTokenFile: string;
  /** Valid for 24 h, for the hall `hallId`. */
  enrolmentCode: string;
  close(): Promise<void>;
}

export async function startEmbeddedPlatform(options: { dataDir: string; hallId?: string; port?: number; log?: (line: string) => void }): Promise<EmbeddedPlatform> {
  const dir = join(options.dataDir, 'platform');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const repo = await openRepository({ engine: 'sqlite', file: join(dir, 'platform.db') }, loadOrCreateDataKeyFile(join(dir, 'data.key')));
  const adminTokenFile = join(dir, 'admin-token');
  const adminToken = loadOrCreateToken(adminTokenFile);
  const { app } = buildPlatform({ repo, adminToken, ...(options.log ? { log: { level: 'info' as const, write: options.log } } : {}) });
  try {
    await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  } catch (error) {
    await repo.close();
    throw error;
  }
  const enrolmentCode = newEnrolmentCode();
  await repo.createEnrolmentCode(hashEnrolmentCode(enrolmentCode), options.hallId ?? 'local-hall', Date.now() + 24 * 3_600_000);
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    adminToken,
    adminTokenFile,
    enrolmentCode,
    async close() {
      await app.close();
      await repo.close();
    },
  };
}

/** The same administrator token across restarts, so tools and the technician can keep using it. */
function loadOrCreateToken(file: string): string {
  try {
    const token = readFileSync(file, 'utf8').trim();
    if (/^[A-Za-z0-9_-]{32,}$/.test(token)) return token;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}
