// Offline week: 1,000 applications with 3 materials each queued while the platform is unreachable, then
// drained once it is back — on SQLite and on PostgreSQL. Soak-sized variants live in bench/sync.bench.ts.
import { describe, expect, it } from 'vitest';
import { SyncEngine } from '../../src/sync/engine';
import { startFaultProxy } from '../support/fault-proxy';
import { startPlatform } from '../support/platform';
import { repositoryEngines } from '../support/engines';
import { verifyOnPlatform, Workload } from '../support/sync-workload';

const engines = repositoryEngines('offline-week test');

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
