// The terminal's sync engine against the real platform over loopback, through a proxy that misbehaves.
// Invariant throughout: every queued record reaches the platform exactly once, none lost, none reordered
// within one application, every blob intact. (The SIGKILL crash harness needs the terminal's SQLite
// outbox and lives with it.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRepository } from '../../platform/store/open';
import { SyncEngine, type EngineOptions, type SyncState } from '../../src/sync/engine';
import { MemoryInbox } from '../../src/sync/memory-outbox';
import { startFaultProxy, type Fault, type FaultProxy } from '../support/fault-proxy';
import { startPlatform, type RunningPlatform } from '../support/platform';
import { rng, verifyOnPlatform, Workload } from '../support/sync-workload';
import { nextDbName, TEST_DATA_KEY } from '../support/sync-fixtures';

let tmp = '';
let platform: RunningPlatform;
let proxy: FaultProxy;
const engines: SyncEngine[] = [];

beforeEach(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'hall-sync-'));
  platform = await startPlatform(await openRepository({ engine: 'sqlite', file: join(tmp, `${nextDbName()}.db`) }, TEST_DATA_KEY));
  proxy = await startFaultProxy(platform.url);
});

afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.stop();
  await proxy.close();
  await platform.close();
  await platform.repo.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function terminal(workload: Workload, options: Partial<EngineOptions> & { clock?: () => number } = {}) {
  const credentials = await platform.enrolTerminal('hall-1');
  const client = platform.client(credentials, { baseUrl: proxy.url, timeoutMs: 400, ...(options.clock ? { now: options.clock } : {}) });
  const states: SyncState[] = [];
  const engine = new SyncEngine({
    outbox: workload.outbox,
    client,
    version: '0.1.0',
    backoff: { baseMs: 5, capMs: 60 },
    idlePollMs: 50,
    heartbeatMs: 60_000,
    longPollMs: 200,
    batchSize: 10,
    chunkBytes: 64 * 1024,
    onState: (s) => states.push(s),
    ...options,
  });
  engines.push(engine);
  return { engine, client, credentials, states };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('sync under network faults', () => {
  it('backs off through 500s, 429s, hangs, drops mid-body, malformed and wrong bodies, keeps everything and drains', async () => {
    const workload = new Workload();
    for (let i = 0; i < 20; i++) workload.add(`NF-${i}`, 2, 150_000, 2);
    const faults: Fault[] = ['status500', 'status503', 'status429', 'hang', 'drop', 'dropMidBody', 'malformedJson', 'wrongBody', 'lostResponse', 'duplicate', 'delayed'];
    // Every third request misbehaves for the first 150 requests, cycling through every fault.
    proxy.setPlan((i) => (i < 150 && i % 3 === 0 ? (faults[(i / 3) % faults.length] ?? 'pass') : 'pass'));
    const { engine, states } = await terminal(workload);
    engine.start();
    await engine.drained();
    await proxy.settle();
    for (const fault of faults) expect(proxy.counts.get(fault) ?? 0, fault).toBeGreaterThan(0);
    expect(states.some((s) => s.phase === 'backoff')).toBe(true);
    expect(engine.state()).toMatchObject({ pending: 0, deadLetters: 0 });
    expect(engine.state().lastSuccessAt).not.toBeNull();
    // Each submission came back with the platform's reference for the application.
    expect(new Set(workload.outbox.refs.values())).toEqual(new Set(workload.queued.map((q) => q.id)));
    expect(await verifyOnPlatform(platform.repo, workload.queued)).toEqual([]);
  });

  it('keeps the backlog while the platform is unreachable and drains when it is back', async () => {
    const workload = new Workload();
    for (let i = 0; i < 10; i++) workload.add(`DOWN-${i}`, 1, 10_000, 1);
    proxy.setPlan(() => 'status500');
    const { engine } = await terminal(workload);
    engine.start();
    await until(() => (proxy.counts.get('status500') ?? 0) >= 10);
    expect(engine.state()).toMatchObject({ pending: 20, lastSuccessAt: null });
    expect(engine.state().lastError?.message).toMatch(/500/);
    expect(engine.state().oldestPendingAgeMs).toBeGreaterThanOrEqual(0);
    expect(await platform.repo.countApplications()).toBe(0);
    proxy.setPlan(() => 'pass');
    await engine.drained();
    expect(await verifyOnPlatform(platform.repo, workload.queued)).toEqual([]);
  });

  it('survives drops, duplicates and reordering while the terminal clock jumps ±1 h', async () => {
    const workload = new Workload();
    const random = rng(8);
    let jump = 0;
    const clock = () => Date.now() + jump;
    proxy.setPlan(() => {
      const r = random();
      if (r < 0.1) return 'drop';
      if (r < 0.2) return 'duplicate';
      if (r < 0.3) return 'delayed';
      if (r < 0.4) return 'lostResponse';
      return 'pass';
    });
    const { engine, client } = await terminal(workload, { clock });
    engine.start();
    for (let round = 0; round < 6; round++) {
      jump = [3_600_000, -3_600_000, 0][round % 3] ?? 0;
      for (let i = 0; i < 8; i++) workload.add(`PD-${round}-${i}`, 1, 20_000, 2);
      engine.kick();
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    await engine.drained();
    await proxy.settle();
    expect(Math.abs(client.clockOffset - -jump)).toBeLessThan(60_000);
    expect(await verifyOnPlatform(platform.repo, workload.queued)).toEqual([]);
  });

  it('sets a refused record aside without blocking the ones behind it, and can queue it again', async () => {
    const workload = new Workload();
    workload.add('DL-0', 1, 1000, 0);
    workload.outbox.append({ kind: 'application.status', payload: { applicationId: 'never-submitted', status: 'withdrawn', at: new Date().toISOString(), actor: { kind: 'citizen', id: 'kiosk' }, reason: '不办了' }, idempotencyKey: 'dl-1', orderingKey: 'never-submitted' }, Date.now());
    workload.outbox.append({ kind: 'evaluation', payload: { score: 11 }, idempotencyKey: 'dl-2', orderingKey: null }, Date.now());
    workload.add('DL-3', 1, 1000, 1);
    const { engine } = await terminal(workload);
    engine.start();
    await engine.drained();
    const dead = workload.outbox.deadLetters();
    expect(dead.map((d) => d.code).sort()).toEqual(['INVALID_LOCAL_RECORD', 'NOT_FOUND']);
    expect(engine.state()).toMatchObject({ pending: 0, deadLetters: 2 });
    expect(await verifyOnPlatform(platform.repo, workload.queued)).toEqual([]);
    const requeued = workload.outbox.requeueDeadLetter(dead.find((d) => d.code === 'NOT_FOUND')?.opId ?? 0, Date.now());
    expect(requeued).toBeGreaterThan(5);
    engine.kick();
    await engine.drained();
    expect(workload.outbox.deadLetters()).toHaveLength(2);
  });

  it('a whole-request refusal is narrowed down to the one bad record', async () => {
    const workload = new Workload();
    workload.add('NR-0', 0, 0, 0);
    // Oversized batch member: valid locally, but the platform refuses the request as a whole.
    workload.outbox.append({ kind: 'audit', payload: { eventId: 'big', kind: 'x', at: new Date().toISOString(), detail: { blob: 'x'.repeat(9 * 1024 * 1024) } }, idempotencyKey: 'big', orderingKey: null }, Date.now());
    workload.add('NR-2', 0, 0, 1);
    const { engine } = await terminal(workload, { batchSize: 50 });
    engine.start();
    await engine.drained();
    expect(workload.outbox.deadLetters().map((d) => d.idempotencyKey)).toEqual(['big']);
    expect(await verifyOnPlatform(platform.repo, workload.queued)).toEqual([]);
  });

  it('pauses on revocation without deleting anything, and resumes after re-enrolment', async () => {
    const workload = new Workload();
    workload.add('RV-0', 1, 1000, 0);
    const { engine, client, credentials } = await terminal(workload);
    engine.start();
    await engine.drained();
    await platform.admin('POST', `/admin/terminals/${credentials.terminalId}/revoke`);
    workload.add('RV-1', 1, 1000, 1);
    engine.kick();
    await until(() => engine.state().phase === 'reauth');
    expect(engine.state()).toMatchObject({ pending: 2, reauthReason: expect.stringContaining('TERMINAL_REVOKED') });
    client.setCredentials(await platform.enrolTerminal('hall-1'));
    engine.resume();
    await engine.drained();
    expect(await verifyOnPlatform(platform.repo, workload.queued)).toEqual([]);
  });

  it('pulls the inbox through faults and applies each message once, in order', async () => {
    const workload = new Workload();
    const inbox = new MemoryInbox();
    const random = rng(3);
    proxy.setPlan((_i, _m, url) => (url.startsWith('/v1/inbox') && random() < 0.4 ? (['drop', 'duplicate', 'malformedJson', 'status500'] as const)[Math.floor(random() * 4)] ?? 'pass' : 'pass'));
    const { engine } = await terminal(workload, { inbox });
    engine.start();
    for (let n = 1; n <= 15; n++) await platform.admin('POST', '/admin/inbox', { hallId: n % 2 ? 'hall-1' : null, kind: 'config', payload: { n } });
    await platform.admin('POST', '/admin/inbox', { hallId: 'hall-other', kind: 'config', payload: { n: 99 } });
    await until(() => inbox.applied.length >= 15);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(inbox.applied.map((m) => (m.payload as { n: number }).n)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  it('picks up records appended without a kick through its always-armed timer', async () => {
    const workload = new Workload();
    const { engine } = await terminal(workload, { idlePollMs: 100 });
    engine.start();
    await until(() => engine.state().phase === 'idle');
    workload.add('TM-1', 1, 1000, 1);
    await until(() => engine.state().pending === 0, 5_000);
    expect(await verifyOnPlatform(platform.repo, workload.queued)).toEqual([]);
  });

  it('reports version, backlog and devices in its heartbeat', async () => {
    const workload = new Workload();
    proxy.setPlan((_i, _m, url) => (url.startsWith('/v1/heartbeat') ? 'pass' : 'status500'));
    workload.add('HB-1', 1, 1000, 2);
    const { engine, credentials } = await terminal(workload, { heartbeatMs: 50, devices: () => [{ device: 'printer', state: 'degraded' }] });
    engine.start();
    const listed = async () =>
      ((await platform.admin('GET', '/admin/terminals')).body as { terminals: { id: string; backlog: number | null; version: string | null; silent: boolean }[] }).terminals.find((t) => t.id === credentials.terminalId);
    await until(async () => (await listed())?.backlog === 3);
    expect(await listed()).toMatchObject({ version: '0.1.0', silent: false });
  });
});
