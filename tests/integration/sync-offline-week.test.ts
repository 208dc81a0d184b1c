// Offline week: 1,000 applications with 3 materials each queued while the platform is unreachable, then
// drained once it is back — on SQLite and on PostgreSQL. Soak-sized variants live in bench/sync.bench.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRepository } from '../../platform/store/open';
import { SyncEngine } from '../../src/sync/engine';
import { startFaultProxy } from '../support/fault-proxy';
import { startPlatform } from '../support/platform';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../support/postgres';
import { nextDbName } from '../support/sync-fixtures';
import { verifyOnPlatform, Workload } from '../support/sync-workload';

const skipPg = postgresUnavailable();
if (skipPg) console.warn(`PostgreSQL offline-week test skipped: ${skipPg}`);
let pg: TestPostgres | null = null;
let tmp = '';

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'hall-week-'));
  if (!skipPg) pg = await startPostgres();
}, 90_000);
afterAll(async () => {
  await pg?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

const engines = [
  { name: 'sqlite', skip: false, open: () => openRepository({ engine: 'sqlite', file: join(tmp, `${nextDbName()}.db`) }) },
  {
    name: 'postgres',
    skip: skipPg !== null,
    open: async () => {
      if (!pg) throw new Error('PostgreSQL not started');
      return openRepository({ engine: 'postgres', url: await pg.createDatabase(nextDbName()) });
    },
  },
];

describe.each(engines)('offline week on $name', ({ skip, open }) => {
  it.skipIf(skip)('queues 1,000 applications × 3 materials offline and drains them all exactly once', { timeout: 120_000 }, async () => {
    const platform = await startPlatform(await open());
    const proxy = await startFaultProxy(platform.url, () => 'drop');
    const workload = new Workload();
    const credentials = await platform.enrolTerminal('hall-week');
    const engine = new SyncEngine({
      outbox: workload.outbox,
      client: platform.client(credentials, { baseUrl: proxy.url }),
      version: '0.1.0',
      backoff: { baseMs: 10, capMs: 100 },
      idlePollMs: 100,
      batchSize: 100,
    });
    try {
      engine.start();
      for (let i = 0; i < 1000; i++) workload.add(`WK-${i}`, 3, 4096, 1);
      engine.kick();
      while ((proxy.counts.get('drop') ?? 0) < 3) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(engine.state()).toMatchObject({ pending: 2000, lastSuccessAt: null });
      expect(await platform.repo.countApplications()).toBe(0);
      const started = Date.now();
      proxy.setPlan(() => 'pass');
      await engine.drained();
      console.log(`offline week drained in ${Date.now() - started} ms`);
      expect(engine.state()).toMatchObject({ pending: 0, deadLetters: 0 });
      expect(await platform.repo.countApplications()).toBe(1000);
      expect(await verifyOnPlatform(platform.repo, workload.queued, false)).toEqual([]);
    } finally {
      await engine.stop();
      await proxy.close();
      await platform.close();
      await platform.repo.close();
    }
  });
});
