// Sync benchmark. The platform runs in a child process (this same bundle, SYNC_BENCH_ROLE=platform) so the
// terminal's memory is measured alone.
//  - drain: the offline-week backlog (1,000 applications × 3 materials) over loopback to SQLite:
//    applications/s, MB/s of blobs, peak RSS of the terminal while draining (blobs are read from files
//    chunk by chunk, so RSS must stay flat however large the backlog is).
//  - drainTerminalStore: the same backlog recorded and drained through the terminal's SQLite store (encrypted
//    outbox rows, chunk-encrypted blobs), as the kiosk runs it.
//  - ingest: 50 simulated terminals pushing at once; applications/s on SQLite and PostgreSQL.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { buildPlatform } from '../platform/server';
import { openRepository } from '../platform/store/open';
import { enrol, SyncClient } from '../src/sync/client';
import { openStore, recordSubmission } from '../src/store';
import { SyncEngine } from '../src/sync/engine';
import { MemoryOutbox } from '../src/sync/memory-outbox';
import type { BlobSource } from '../src/sync/outbox';
import { sha256Hex } from '../src/wire/signing';
import { postgresUnavailable, startPostgres } from '../tests/support/postgres';
import { application } from '../tests/support/sync-fixtures';
import { material } from '../tests/support/sync-workload';
import { round, summarize } from './stats';

const ADMIN = 'bench-admin-token-0123456789abcdef';

/** Materials as files, read in slices — what a terminal does. */
class FileBlobs implements BlobSource {
  constructor(private readonly dir: string) {}
  put(data: Buffer): string {
    const id = sha256Hex(data);
    writeFileSync(join(this.dir, id), data);
    return id;
  }
  size(sha256: string): number | null {
    try {
      return statSync(join(this.dir, sha256)).size;
    } catch {
      return null;
    }
  }
  read(sha256: string, offset: number, length: number): Uint8Array {
    const fd = openSync(join(this.dir, sha256), 'r');
    try {
      const buffer = Buffer.alloc(length);
      const n = readSync(fd, buffer, 0, length, offset);
      return buffer.subarray(0, n);
    } finally {
      closeSync(fd);
    }
  }
}

async function startPlatformProcess(store: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [process.argv[1] ?? ''], { env: { ...process.env, SYNC_BENCH_ROLE: 'platform', SYNC_BENCH_STORE: store }, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const url = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`platform exited ${code}`)));
  });
  return { url, child };
}

async function stopPlatformProcess(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.stdin?.end();
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  child.kill('SIGKILL');
}

async function enrolAt(url: string, hallId: string) {
  const response = await fetch(`${url}/admin/enrolment-codes`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: JSON.stringify({ hallId }) });
  const { code } = (await response.json()) as { code: string };
  const outcome = await enrol(url, { code, name: 'bench', version: '0.1.0' });
  if (outcome.kind !== 'ok') throw new Error(`enrol failed: ${JSON.stringify(outcome)}`);
  return { terminalId: outcome.value.terminalId, hallId: outcome.value.hallId, secret: Buffer.from(outcome.value.secret, 'base64') };
}

/** Enrols with the platform at `url` and drains `outbox` into it: seconds, RSS before (bytes) and RSS samples (MB) while draining. */
async function timedDrain(url: string, outbox: ConstructorParameters<typeof SyncEngine>[0]['outbox']) {
  const credentials = await enrolAt(url, 'hall-bench');
  const engine = new SyncEngine({ outbox, client: new SyncClient({ baseUrl: url, credentials }), version: 'bench', batchSize: 100, idlePollMs: 1000 });
  globalThis.gc?.();
  const baseline = process.memoryUsage().rss;
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(process.memoryUsage().rss), 25);
  const started = performance.now();
  engine.start();
  await engine.drained(5);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  await engine.stop();
  return { seconds, baseline, rss: summarize(samples.map((x) => x / 1024 / 1024)) };
}

async function drainBench(tmp: string, applications: number) {
  const materialBytes = Number(process.env.SYNC_BENCH_MATERIAL_KB ?? 64) * 1024;
  const blobDir = join(tmp, `blobs-${applications}`);
  mkdirSync(blobDir);
  const blobs = new FileBlobs(blobDir);
  const outbox = new MemoryOutbox(blobs);
  for (let i = 0; i < applications; i++) {
    const refs = [0, 1, 2].map((m) => {
      const data = material(`drain-${i}-${m}`, materialBytes);
      return { sha256: blobs.put(data), size: data.length };
    });
    outbox.append({ kind: 'application.submitted', payload: application(`DR-${i}`, refs), idempotencyKey: `submit:DR-${i}`, orderingKey: `DR-${i}` }, Date.now());
  }
  const { url, child } = await startPlatformProcess(join(tmp, `drain-${applications}.db`));
  try {
    const { seconds, baseline, rss } = await timedDrain(url, outbox);
    globalThis.gc?.();
    const afterGc = process.memoryUsage().rss;
    const mb = (applications * 3 * materialBytes) / 1024 / 1024;
    return {
      applications,
      materials: applications * 3,
      materialKiB: materialBytes / 1024,
      blobMB: round(mb, 1),
      seconds: round(seconds, 2),
      applicationsPerSecond: round(applications / seconds, 1),
      blobMBPerSecond: round(mb / seconds, 2),
      rssBaselineMB: round(baseline / 1024 / 1024, 1),
      rssPeakMB: round(rss.max, 1),
      rssP50MB: round(rss.p50, 1),
      rssGrowthMB: round(rss.max - baseline / 1024 / 1024, 1),
      rssAfterDrainAndGcMB: round(afterGc / 1024 / 1024, 1),
    };
  } finally {
    await stopPlatformProcess(child);
  }
}

/**
 * The same backlog through the terminal's real store: recorded with recordSubmission (application row +
 * encrypted outbox row in one transaction, materials in the chunk-encrypted blob store), then drained.
 */
async function drainStoreBench(tmp: string, applications: number) {
  const materialBytes = Number(process.env.SYNC_BENCH_MATERIAL_KB ?? 64) * 1024;
  const store = openStore({ path: join(tmp, `terminal-${applications}.sqlite`), key: randomBytes(32) });
  const recordStarted = performance.now();
  for (let i = 0; i < applications; i++) {
    const materials = [0, 1, 2].map((m) => {
      const stored = store.blobs.put(material(`store-${i}-${m}`, materialBytes), 'image/jpeg');
      return { key: `SM-${m}`, pages: 1, trust: 'C' as const, sha256: stored.sha256, bytes: stored.bytes };
    });
    recordSubmission(
      store,
      {
        kind: 'item',
        subjectId: 'ITEM-1',
        catalogVersion: 'bench',
        hallCode: 'BN01',
        terminal: 'BN01-K01',
        at: new Date(Date.UTC(2026, 10, 23, 9, 0, i % 60)).toISOString(),
        actor: { kind: 'citizen', id: 'kiosk' },
        personal: { applicant: { name: '张三', idNumber: '430102199003071234' }, values: { n: i } },
        materials,
      },
      Date.now(),
    );
  }
  const recordSeconds = (performance.now() - recordStarted) / 1000;
  const { url, child } = await startPlatformProcess(join(tmp, `drain-store-${applications}.db`));
  try {
    const { seconds, baseline, rss } = await timedDrain(url, store.outbox);
    const mb = (applications * 3 * materialBytes) / 1024 / 1024;
    const synced = (store.db.prepare('SELECT COUNT(*) AS n FROM applications WHERE synced_at IS NOT NULL').get() as { n: number }).n;
    return {
      applications,
      synced,
      recordedPerSecond: round(applications / recordSeconds, 1),
      seconds: round(seconds, 2),
      applicationsPerSecond: round(applications / seconds, 1),
      blobMBPerSecond: round(mb / seconds, 2),
      rssGrowthMB: round(rss.max - baseline / 1024 / 1024, 1),
    };
  } finally {
    store.close();
    await stopPlatformProcess(child);
  }
}

async function ingestBench(store: string) {
  const terminals = 50;
  const perTerminal = Number(process.env.SYNC_BENCH_INGEST_APPS ?? 20);
  const { url, child } = await startPlatformProcess(store);
  try {
    const engines: SyncEngine[] = [];
    for (let t = 0; t < terminals; t++) {
      const credentials = await enrolAt(url, `hall-${t % 5}`);
      const blobs = new Map<string, Buffer>();
      const source: BlobSource = { size: (s) => blobs.get(s)?.length ?? null, read: (s, o, l) => (blobs.get(s) ?? Buffer.alloc(0)).subarray(o, o + l) };
      const outbox = new MemoryOutbox(source);
      for (let i = 0; i < perTerminal; i++) {
        const id = `IN-${t}-${i}`;
        const data = material(id, 8 * 1024);
        const sha = sha256Hex(data);
        blobs.set(sha, data);
        outbox.append({ kind: 'application.submitted', payload: application(id, [{ sha256: sha, size: data.length }]), idempotencyKey: `submit:${id}`, orderingKey: id }, Date.now());
        outbox.append({ kind: 'application.status', payload: { applicationId: id, status: 'withdrawn', at: new Date().toISOString(), actor: { kind: 'citizen', id: 'kiosk' }, reason: '申请人撤回' }, idempotencyKey: `status:${id}`, orderingKey: id }, Date.now());
      }
      engines.push(new SyncEngine({ outbox, client: new SyncClient({ baseUrl: url, credentials, timeoutMs: 60_000 }), version: 'bench', batchSize: 20, idlePollMs: 1000, heartbeatMs: 3_600_000 }));
    }
    const started = performance.now();
    for (const engine of engines) engine.start();
    await Promise.all(engines.map((engine) => engine.drained(5)));
    const seconds = (performance.now() - started) / 1000;
    await Promise.all(engines.map((engine) => engine.stop()));
    const apps = terminals * perTerminal;
    return { terminals, applications: apps, operations: apps * 2, seconds: round(seconds, 2), applicationsPerSecond: round(apps / seconds, 1), operationsPerSecond: round((apps * 2) / seconds, 1) };
  } finally {
    await stopPlatformProcess(child);
  }
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'sync-bench-'));
  try {
    const applications = Number(process.env.SYNC_BENCH_APPS ?? 1000);
    // A quarter-size backlog first: if blobs were held in memory, RSS growth would scale with the backlog.
    const quarter = await drainBench(tmp, Math.ceil(applications / 4));
    const drain = { ...(await drainBench(tmp, applications)), rssGrowthQuarterBacklogMB: quarter.rssGrowthMB };
    const storeQuarter = await drainStoreBench(tmp, Math.ceil(applications / 4));
    const drainTerminalStore = { ...(await drainStoreBench(tmp, applications)), rssGrowthQuarterBacklogMB: storeQuarter.rssGrowthMB };
    const sqlite = await ingestBench(join(tmp, 'ingest.db'));
    let postgres: Record<string, unknown>;
    const why = postgresUnavailable();
    if (why) {
      postgres = { skipped: why };
    } else {
      const pg = await startPostgres();
      try {
        postgres = await ingestBench(await pg.createDatabase('ingest'));
      } finally {
        await pg.stop();
      }
    }
    console.log(JSON.stringify({ drain, drainTerminalStore, ingest: { sqlite, postgres } }));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// Last, so every class and function above is initialised before it runs.
if (process.env.SYNC_BENCH_ROLE === 'platform') {
  const spec = process.env.SYNC_BENCH_STORE ?? '';
  const repo = await openRepository(spec.startsWith('postgres') ? { engine: 'postgres', url: spec, poolSize: 20 } : { engine: 'sqlite', file: spec }, randomBytes(32));
  const { app } = buildPlatform({ repo, adminToken: ADMIN });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  process.stdout.write(`${address}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void app.close().then(() => repo.close()).then(() => process.exit(0)));
} else {
  await main();
}
