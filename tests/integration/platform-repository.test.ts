// The repository suite, run against both engines: SQLite (in a temp file) and a throwaway PostgreSQL.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingOp, PlatformRepository } from '../../platform/store/repository';
import type { ApplicationStatus } from '../../src/wire/sync-protocol';
import { repositoryEngines } from '../support/engines';
import { application } from '../support/sync-fixtures';

const engines = repositoryEngines('repository tests');

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function enrolled(repo: PlatformRepository, hallId = 'hall-1') {
  const code = `code-${Math.random()}`;
  await repo.createEnrolmentCode(code, hallId, Date.now() + 60_000);
  const t = await repo.enrolTerminal(code, Date.now(), { id: `T-${Math.random().toString(36).slice(2, 10)}`, name: 'kiosk', secret: 'c2VjcmV0', version: '0.1.0' });
  if (!t) throw new Error('enrolment failed');
  return t;
}

const submit = (opId: number, id: string, blobs: { sha256: string; size: number }[] = []): IncomingOp => ({
  opId,
  idempotencyKey: `submit:${id}`,
  kind: 'application.submitted',
  payload: application(id, blobs),
});

describe.each(engines)('platform repository on $name', ({ skip, open }) => {
  let repo: PlatformRepository;
  beforeAll(async () => {
    if (!skip) repo = await open();
  });
  afterAll(async () => {
    if (!skip) await repo.close();
  });

  it.skipIf(skip)('consumes an enrolment code once, and not after it expires', async () => {
    await repo.createEnrolmentCode('h1', 'hall-1', Date.now() + 60_000);
    const first = await repo.enrolTerminal('h1', Date.now(), { id: 'T-first1', name: 'a', secret: 's', version: '1' });
    expect(first?.hallId).toBe('hall-1');
    expect(await repo.enrolTerminal('h1', Date.now(), { id: 'T-second', name: 'b', secret: 's', version: '1' })).toBeNull();
    await repo.createEnrolmentCode('h2', 'hall-1', Date.now() - 1);
    expect(await repo.enrolTerminal('h2', Date.now(), { id: 'T-third1', name: 'c', secret: 's', version: '1' })).toBeNull();
    expect(await repo.enrolTerminal('nope', Date.now(), { id: 'T-fourth', name: 'd', secret: 's', version: '1' })).toBeNull();
  });

  it.skipIf(skip)('applies each op once; a replay is a no-op; the last op id advances with the effect', async () => {
    const t = await enrolled(repo);
    const first = await repo.applyOps(t.id, [submit(1, 'A1'), submit(2, 'A2')], Date.now());
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(first.lastOpId).toBe(2);
    const replay = await repo.applyOps(t.id, [submit(2, 'A2'), submit(1, 'A1'), submit(3, 'A3')], Date.now());
    expect(replay.results.map((r) => `${r.opId}:${r.status}`)).toEqual(['1:duplicate', '2:duplicate', '3:applied']);
    expect((await repo.getTerminal(t.id))?.lastOpId).toBe(3);
    expect(await repo.getApplication('A3')).toMatchObject({ status: 'submitted', hallId: t.hallId });
  });

  it.skipIf(skip)('deduplicates by idempotency key across terminals of a hall', async () => {
    const a = await enrolled(repo, 'hall-idem');
    const b = await enrolled(repo, 'hall-idem');
    expect((await repo.applyOps(a.id, [submit(1, 'IDEM-1')], Date.now())).results[0]?.status).toBe('applied');
    expect((await repo.applyOps(b.id, [submit(7, 'IDEM-1')], Date.now())).results[0]?.status).toBe('duplicate');
    expect((await repo.getTerminal(b.id))?.lastOpId).toBe(7);
  });

  it.skipIf(skip)('rejects a bad op alone and carries on with the ones behind it', async () => {
    const t = await enrolled(repo);
    const bad: IncomingOp = { opId: 1, idempotencyKey: 'x', kind: 'application.submitted', payload: { applicationId: 'B1', applicant: { idNumber: '430102199003071234' } } };
    const unknownApp: IncomingOp = { opId: 2, idempotencyKey: 'y', kind: 'application.status', payload: { applicationId: 'nope', status: 'withdrawn', at: new Date().toISOString(), actor: { kind: 'citizen', id: 'kiosk' }, reason: '不办了' } };
    const { results } = await repo.applyOps(t.id, [bad, unknownApp, submit(3, 'B3')], Date.now());
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'applied']);
    expect(results[0]?.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(results)).not.toContain('430102199003071234');
    expect(results[1]?.code).toBe('NOT_FOUND');
  });

  it.skipIf(skip)('stores a blob chunk by chunk, resumes at the received offset and verifies the hash', async () => {
    const data = Buffer.alloc(300_000);
    for (let i = 0; i < data.length; i++) data[i] = (i * 31) & 0xff;
    const id = sha(data);
    expect(await repo.blobStatus(id)).toEqual({ sha256: id, received: 0, size: null, complete: false });
    expect((await repo.appendBlobChunk(id, data.length, 0, data.subarray(0, 100_000))).ok).toBe(true);
    const wrong = await repo.appendBlobChunk(id, data.length, 0, data.subarray(0, 100_000));
    expect(wrong).toMatchObject({ ok: false, code: 'OFFSET_MISMATCH', status: { received: 100_000 } });
    expect((await repo.appendBlobChunk(id, data.length, 100_000, data.subarray(100_000, 200_000))).ok).toBe(true);
    const last = await repo.appendBlobChunk(id, data.length, 200_000, data.subarray(200_000));
    expect(last).toMatchObject({ ok: true, status: { complete: true, received: 300_000 } });
    const parts: Uint8Array[] = [];
    for await (const c of repo.readBlob(id)) parts.push(c);
    expect(sha(Buffer.concat(parts))).toBe(id);
    // Completed blobs accept re-uploads as no-ops.
    expect((await repo.appendBlobChunk(id, data.length, 0, data.subarray(0, 10))).ok).toBe(true);
  });

  it.skipIf(skip)('throws away a blob whose bytes do not match its name', async () => {
    const data = Buffer.from('the real content');
    const id = sha(Buffer.from('something else'));
    const result = await repo.appendBlobChunk(id, data.length, 0, data);
    expect(result).toMatchObject({ ok: false, code: 'HASH_MISMATCH', status: { received: 0 } });
  });

  it.skipIf(skip)('marks an application complete only when every blob is', async () => {
    const t = await enrolled(repo);
    const one = Buffer.from('material one');
    const two = Buffer.from('material two');
    await repo.applyOps(t.id, [submit(1, 'C1', [{ sha256: sha(one), size: one.length }, { sha256: sha(two), size: two.length }])], Date.now());
    expect((await repo.getApplication('C1'))?.complete).toBe(false);
    await repo.appendBlobChunk(sha(one), one.length, 0, one);
    expect((await repo.getApplication('C1'))?.complete).toBe(false);
    await repo.appendBlobChunk(sha(two), two.length, 0, two);
    expect((await repo.getApplication('C1'))?.complete).toBe(true);
  });

  it.skipIf(skip)('remembers nonces per terminal', async () => {
    expect(await repo.rememberNonce('T-n1', 'abc', Date.now() + 1000)).toBe(true);
    expect(await repo.rememberNonce('T-n1', 'abc', Date.now() + 1000)).toBe(false);
    expect(await repo.rememberNonce('T-n2', 'abc', Date.now() + 1000)).toBe(true);
    expect(await repo.pruneNonces(Date.now() + 2000)).toBeGreaterThanOrEqual(2);
  });

  it.skipIf(skip)('serves the inbox per hall by cursor', async () => {
    const s1 = await repo.appendInbox(null, 'config', { idleSeconds: 90 }, Date.now());
    const s2 = await repo.appendInbox('hall-x', 'config', { a: 1 }, Date.now());
    const s3 = await repo.appendInbox('hall-y', 'config', { b: 2 }, Date.now());
    const forX = await repo.readInbox('hall-x', s1 - 1, 100);
    expect(forX.map((m) => m.seq)).toEqual([s1, s2]);
    expect((await repo.readInbox('hall-y', s1, 100)).map((m) => m.seq)).toEqual([s3]);
  });

  it.skipIf(skip)('moves applications through staff actions and tells the hall through the inbox', async () => {
    const t = await enrolled(repo, 'hall-staff');
    await repo.applyOps(t.id, [submit(1, 'S1')], Date.now());
    expect((await repo.hallQueue('hall-staff')).map((a) => a.applicationId)).toEqual(['S1']);
    const move = (id: string, to: ApplicationStatus, reason?: string) => repo.applyStaffTransition(id, { to, staffId: 'S007', ...(reason ? { reason } : {}) }, new Date().toISOString(), Date.now());
    expect(await move('S1', 'accepted')).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
    expect(await move('S1', 'received')).toEqual({ ok: true, status: 'received' });
    expect(await move('S1', 'supplementRequired')).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    expect(await move('S1', 'accepted')).toEqual({ ok: true, status: 'accepted' });
    expect(await move('missing', 'received')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    for (const to of ['inProgress', 'decided', 'resultReady'] as const) expect((await move('S1', to)).ok).toBe(true);
    expect((await repo.hallQueue('hall-staff')).map((a) => a.status)).toEqual(['resultReady']);
    expect(await move('S1', 'delivered', '窗口出件')).toEqual({ ok: true, status: 'delivered' });
    const app = await repo.getApplication('S1');
    expect(app?.events.map((e) => e.status)).toEqual(['submitted', 'received', 'accepted', 'inProgress', 'decided', 'resultReady', 'delivered']);
    expect(app?.events.at(-1)).toMatchObject({ note: '窗口出件', source: 'staff:S007@platform' });
    const inbox = await repo.readInbox('hall-staff', 0, 1000);
    expect(inbox.filter((m) => m.kind === 'application.status').map((m) => (m.payload as { status: string }).status)).toEqual(['received', 'accepted', 'inProgress', 'decided', 'resultReady', 'delivered']);
    expect(await repo.hallQueue('hall-staff')).toEqual([]);
  });

  it.skipIf(skip)('computes evaluation statistics per item, department and window', async () => {
    const t = await enrolled(repo, 'hall-eval');
    const evaluation = (opId: number, level: string, window: string): IncomingOp => ({
      opId,
      idempotencyKey: `eval-${opId}`,
      kind: 'evaluation',
      payload: { evaluationId: `E-${t.id}-${opId}`, applicationId: `A-${opId}`, itemCode: 'ITEM-1', department: 'DEPT-A', window, channel: 'windowPad', level, at: new Date().toISOString() },
    });
    await repo.applyOps(t.id, [evaluation(1, '非常满意', 'W1'), evaluation(2, '非常不满意', 'W1'), evaluation(3, '满意', 'W2')], Date.now());
    expect(await repo.evaluationStats('window', 'hall-eval')).toEqual([
      { key: 'W1', count: 2, average: 3, dissatisfied: 1 },
      { key: 'W2', count: 1, average: 4, dissatisfied: 0 },
    ]);
    expect(await repo.evaluationStats('department', 'hall-eval')).toEqual([{ key: 'DEPT-A', count: 3, average: 3.33, dissatisfied: 1 }]);
  });

  it.skipIf(skip)('applies concurrent duplicate pushes exactly once', async () => {
    const t = await enrolled(repo);
    const batch = Array.from({ length: 20 }, (_, i) => submit(i + 1, `P-${t.id}-${i}`));
    const outcomes = await Promise.all([repo.applyOps(t.id, batch, Date.now()), repo.applyOps(t.id, batch, Date.now()), repo.applyOps(t.id, batch, Date.now())]);
    const applied = outcomes.flatMap((o) => o.results).filter((r) => r.status === 'applied').length;
    expect(applied).toBe(20);
    expect((await repo.getTerminal(t.id))?.lastOpId).toBe(20);
  });
});
