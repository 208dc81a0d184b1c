// The platform over real HTTP on 127.0.0.1, against SQLite and PostgreSQL: enrolment, signing and its
// rejections, hall isolation, heartbeat and silent terminals, inbox long-poll, staff APIs, masked logs.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol, type TerminalCredentials } from '../../src/sync/client';
import { signedHeaders } from '../../src/wire/signing';
import { platformRequest, startPlatform, type RunningPlatform } from '../support/platform';
import { repositoryEngines } from '../support/engines';
import { application, SAMPLE_ID_NUMBER } from '../support/sync-fixtures';

const engines = repositoryEngines('platform tests');

/** A raw signed request, so tests can tamper with any part of it. */
async function signedFetch(p: RunningPlatform, creds: TerminalCredentials, method: string, path: string, body: string | null, tweak: { timestamp?: number; nonce?: string; secret?: Uint8Array; bodySent?: string } = {}) {
  const bytes = Buffer.from(body ?? '');
  const headers = signedHeaders(tweak.secret ?? creds.secret, { method, path, body: bytes, terminalId: creds.terminalId, timestamp: tweak.timestamp ?? Date.now(), ...(tweak.nonce ? { nonce: tweak.nonce } : {}) });
  const response = await fetch(`${p.url}${path}`, { method, headers: { ...headers, ...(body === null ? {} : { 'content-type': 'application/json' }) }, ...(body === null ? {} : { body: tweak.bodySent ?? body }) });
  return { status: response.status, body: (await response.json()) as { error?: { code: string; serverTime?: string } } & Record<string, unknown> };
}

const pushBody = (opId: number, id: string) => JSON.stringify({ ops: [{ opId, idempotencyKey: `submit:${id}`, kind: 'application.submitted', payload: application(id) }] });

describe.each(engines)('platform API on $name', ({ skip, open }) => {
  let p: RunningPlatform;
  let platformOffset = 0;
  beforeAll(async () => {
    if (skip) return;
    p = await startPlatform(await open(), { now: () => Date.now() + platformOffset });
  });
  afterAll(async () => {
    if (skip) return;
    await p.close();
    await p.repo.close();
  });

  it.skipIf(skip)('enrols with a one-time code and accepts signed pushes', async () => {
    const creds = await p.enrolTerminal('hall-a');
    expect(creds.terminalId).toMatch(/^T-/);
    const client = p.client(creds);
    const outcome = await client.push([{ opId: 1, idempotencyKey: 'submit:API-1', kind: 'application.submitted', payload: application('API-1') }]);
    expect(outcome).toMatchObject({ kind: 'ok', value: { lastOpId: 1, results: [{ opId: 1, status: 'applied' }] } });
  });

  it.skipIf(skip)('refuses a used, unknown or malformed enrolment code', async () => {
    const code = (await p.admin('POST', '/admin/enrolment-codes', { hallId: 'hall-a' })).body as { code: string };
    expect((await enrol(p.url, { code: code.code, name: 'one', version: '1' })).kind).toBe('ok');
    expect(await enrol(p.url, { code: code.code, name: 'two', version: '1' })).toMatchObject({ kind: 'rejected', code: 'BAD_ENROLMENT_CODE' });
    expect(await enrol(p.url, { code: 'AAAA-BBBB-CCCC', name: 'x', version: '1' })).toMatchObject({ kind: 'rejected', code: 'BAD_ENROLMENT_CODE' });
    expect(await enrol(p.url, { code: 'nope', name: 'x', version: '1' })).toMatchObject({ kind: 'rejected', code: 'BAD_REQUEST' });
  });

  it.skipIf(skip)('rejects a bad signature, a tampered body, a stale timestamp and a replayed nonce', async () => {
    const creds = await p.enrolTerminal('hall-a');
    const body = pushBody(1, 'SEC-1');
    expect((await signedFetch(p, creds, 'POST', '/v1/ops', body, { secret: Buffer.alloc(32, 1) })).body.error?.code).toBe('BAD_SIGNATURE');
    expect((await signedFetch(p, creds, 'POST', '/v1/ops', body, { bodySent: pushBody(1, 'SEC-X') })).body.error?.code).toBe('BAD_SIGNATURE');
    const stale = await signedFetch(p, creds, 'POST', '/v1/ops', body, { timestamp: Date.now() - 6 * 60_000 });
    expect(stale.status).toBe(401);
    expect(stale.body.error?.code).toBe('STALE_TIMESTAMP');
    expect(stale.body.error?.serverTime).toBeDefined();
    expect((await signedFetch(p, creds, 'POST', '/v1/ops', body, { timestamp: Date.now() + 6 * 60_000 })).body.error?.code).toBe('STALE_TIMESTAMP');
    const nonce = 'abcdef0123456789abcdef0123456789';
    const timestamp = Date.now();
    expect((await signedFetch(p, creds, 'POST', '/v1/ops', body, { nonce, timestamp })).status).toBe(200);
    const replay = await signedFetch(p, creds, 'POST', '/v1/ops', body, { nonce, timestamp });
    expect(replay.status).toBe(401);
    expect(replay.body.error?.code).toBe('REPLAYED_NONCE');
    const unsigned = await fetch(`${p.url}/v1/ops`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect(unsigned.status).toBe(401);
    expect(await p.repo.getApplication('SEC-X')).toBeNull();
  });

  it.skipIf(skip)('stops a revoked terminal; the client is told to re-enrol', async () => {
    const creds = await p.enrolTerminal('hall-a');
    const client = p.client(creds);
    expect((await client.blobStatus('0'.repeat(64))).kind).toBe('ok');
    expect((await p.admin('POST', `/admin/terminals/${creds.terminalId}/revoke`)).status).toBe(200);
    expect(await client.push([{ opId: 1, idempotencyKey: 'k', kind: 'application.submitted', payload: application('REV-1') }])).toMatchObject({ kind: 'reauth', code: 'TERMINAL_REVOKED' });
    expect(await p.repo.getApplication('REV-1')).toBeNull();
    const ghost = { ...creds, terminalId: 'T-doesnotexist' };
    expect(await p.client(ghost).heartbeat({ version: '1', at: new Date().toISOString(), devices: [], backlog: 0, oldestPendingAgeMs: null, deadLetters: 0 })).toMatchObject({ kind: 'reauth', code: 'UNKNOWN_TERMINAL' });
  });

  it.skipIf(skip)('never lets a terminal read another hall’s application', async () => {
    const mine = await p.enrolTerminal('hall-iso-1');
    const other = await p.enrolTerminal('hall-iso-2');
    await p.client(mine).push([{ opId: 1, idempotencyKey: 'submit:ISO-1', kind: 'application.submitted', payload: application('ISO-1') }]);
    const own = await signedFetch(p, mine, 'GET', '/v1/applications/ISO-1', null);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ applicationId: 'ISO-1', applicantName: '张*', applicantIdNumber: '4301**********1234' });
    const foreign = await signedFetch(p, other, 'GET', '/v1/applications/ISO-1', null);
    expect(foreign.status).toBe(404);
    expect(JSON.stringify(foreign.body)).not.toContain('ISO-1');
    // Nor hijack it: the same application id from another hall is refused.
    const hijack = await p.client(other).push([{ opId: 1, idempotencyKey: 'submit:ISO-1b', kind: 'application.status', payload: { applicationId: 'ISO-1', status: 'withdrawn', at: new Date().toISOString(), actor: { kind: 'citizen', id: 'kiosk' }, reason: 'x' } }]);
    expect(hijack).toMatchObject({ kind: 'ok', value: { results: [{ status: 'rejected', code: 'NOT_FOUND' }] } });
    // Nor read its inbox messages.
    await p.admin('POST', '/staff/applications/ISO-1/transitions', { to: 'received', staffId: 'S001' });
    const inbox = await p.client(other).inbox(0, 0);
    expect(inbox.kind === 'ok' && inbox.value.messages.some((m) => m.kind === 'application.status')).toBe(false);
  });

  it.skipIf(skip)('refuses an unsupported protocol version and admin calls without the token', async () => {
    const creds = await p.enrolTerminal('hall-a');
    const headers = { ...signedHeaders(creds.secret, { method: 'GET', path: '/v1/inbox', body: Buffer.alloc(0), terminalId: creds.terminalId, timestamp: Date.now() }), 'x-protocol-version': '2' };
    const response = await fetch(`${p.url}/v1/inbox`, { headers });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNSUPPORTED_VERSION');
    expect((await fetch(`${p.url}/admin/terminals`)).status).toBe(401);
    expect((await fetch(`${p.url}/staff/halls/hall-a/queue`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
  });

  it.skipIf(skip)('records heartbeats and flags terminals silent for more than five minutes', async () => {
    const creds = await p.enrolTerminal('hall-hb');
    const beat = { version: '0.1.0', at: new Date().toISOString(), devices: [{ device: 'idcard', state: 'ok' as const }], backlog: 3, oldestPendingAgeMs: 1200, deadLetters: 0 };
    expect((await p.client(creds).heartbeat(beat)).kind).toBe('ok');
    const list = async () => ((await p.admin('GET', '/admin/terminals')).body as { terminals: { id: string; silent: boolean; backlog: number; secret?: string }[] }).terminals.find((t) => t.id === creds.terminalId);
    expect(await list()).toMatchObject({ silent: false, backlog: 3 });
    expect((await list())?.secret).toBeUndefined();
    platformOffset = 6 * 60_000;
    try {
      expect(await list()).toMatchObject({ silent: true });
    } finally {
      platformOffset = 0;
    }
  });

  it.skipIf(skip)('answers a long-poll as soon as a message for the hall arrives', async () => {
    const creds = await p.enrolTerminal('hall-lp');
    const client = p.client(creds);
    const start = await client.inbox(0, 0);
    if (start.kind !== 'ok') throw new Error('inbox failed');
    const waiting = client.inbox(start.value.cursor, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const published = await p.admin('POST', '/admin/inbox', { hallId: 'hall-lp', kind: 'config', payload: { idleSeconds: 90 } });
    expect(published.status).toBe(200);
    const outcome = await waiting;
    expect(outcome).toMatchObject({ kind: 'ok', value: { messages: [{ kind: 'config', payload: { idleSeconds: 90 } }] } });
    expect((await p.admin('POST', '/admin/inbox', { hallId: 'hall-lp', kind: 'calendar.update', payload: { bad: true } })).status).toBe(400);
  });

  it.skipIf(skip)('serves the staff window: queue, detail, actions and evaluation statistics', async () => {
    const creds = await p.enrolTerminal('hall-staff');
    const client = p.client(creds);
    await client.push([
      { opId: 1, idempotencyKey: 'submit:ST-1', kind: 'application.submitted', payload: application('ST-1') },
      { opId: 2, idempotencyKey: 'eval:1', kind: 'evaluation', payload: { evaluationId: `EV-${creds.terminalId}`, applicationId: 'ST-1', round: 1, itemCode: 'ITEM-1', department: 'DEPT-A', window: 'W3', channel: 'windowPad', level: '不满意', reasons: ['R01'], at: new Date().toISOString() } },
    ]);
    const queue = (await p.admin('GET', '/staff/halls/hall-staff/queue')).body as { applications: { applicationId: string }[] };
    expect(queue.applications.map((a) => a.applicationId)).toEqual(['ST-1']);
    expect(((await p.admin('GET', '/staff/applications/ST-1')).body as { applicantIdNumber: string }).applicantIdNumber).toBe(SAMPLE_ID_NUMBER);
    const move = (body: unknown) => p.admin('POST', '/staff/applications/ST-1/transitions', body);
    expect((await move({ to: 'received', staffId: 'S007' })).body).toEqual({ ok: true, status: 'received' });
    expect((await move({ to: 'supplementRequired', staffId: 'S007' })).status).toBe(400);
    expect((await move({ to: 'supplementRequired', staffId: 'S007', reason: '缺少户口簿' })).body).toEqual({ ok: true, status: 'supplementRequired' });
    expect((await move({ to: 'delivered', staffId: 'S007' })).status).toBe(409);
    expect((await move({ to: 'fly', staffId: 'S007' })).status).toBe(400);
    const stats = (await p.admin('GET', '/staff/stats/evaluations?by=window&hallId=hall-staff')).body as { stats: unknown[] };
    expect(stats.stats).toEqual([{ key: 'W3', count: 1, average: 2, dissatisfied: 1 }]);
    const inbox = await client.inbox(0, 0);
    const told = inbox.kind === 'ok' ? inbox.value.messages.flatMap((m) => (m.kind === 'application.status' ? [m.payload] : [])) : [];
    expect(told.map((m) => m.status)).toEqual(['received', 'supplementRequired']);
    expect(told[1]).toMatchObject({ applicationId: 'ST-1', reason: '缺少户口簿', actor: { kind: 'staff', id: 'S007' } });
  });

  it.skipIf(skip)('gives staff of one hall their hall only', async () => {
    const creds = await p.enrolTerminal('hall-s1');
    const blob = Buffer.from('scan of the household register');
    const sha = createHash('sha256').update(blob).digest('hex');
    const client = p.client(creds);
    expect((await client.putChunk(sha, blob.length, 0, blob)).kind).toBe('ok');
    await client.push([{ opId: 1, idempotencyKey: 'submit:SCOPE-1', kind: 'application.submitted', payload: application('SCOPE-1', [{ sha256: sha, size: blob.length }]) }]);
    const issue = async (hallId: string) => ((await p.admin('POST', '/admin/staff-tokens', { hallId, name: 'window 3' })).body as { token: string }).token;
    const own = await issue('hall-s1');
    const other = await issue('hall-s2');
    const as = async (token: string, method: string, path: string, body?: unknown) => {
      const response = await platformRequest(p.url, method, path, token, body);
      return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
    };
    expect((await as(own, 'GET', '/staff/halls/hall-s1/queue')).status).toBe(200);
    expect((await as(own, 'GET', '/staff/applications/SCOPE-1')).status).toBe(200);
    expect((await as(own, 'GET', `/staff/blobs/${sha}`)).bytes).toEqual(blob);
    expect((await as(other, 'GET', '/staff/halls/hall-s1/queue')).status).toBe(403);
    expect((await as(other, 'GET', '/staff/applications/SCOPE-1')).status).toBe(404);
    expect((await as(other, 'GET', `/staff/blobs/${sha}`)).status).toBe(404);
    expect((await as(other, 'POST', '/staff/applications/SCOPE-1/transitions', { to: 'received', staffId: 'S9' })).status).toBe(404);
    expect((await as(other, 'GET', '/staff/stats/evaluations?by=item&hallId=hall-s1')).status).toBe(403);
    expect((await as('staff_made-up', 'GET', '/staff/halls/hall-s1/queue')).status).toBe(401);
    expect((await as(own, 'GET', '/admin/terminals')).status).toBe(401);
    // A token without categories reads its hall only; acting needs categories (or a window session).
    expect((await as(own, 'POST', '/staff/applications/SCOPE-1/transitions', { to: 'received', staffId: 'S1' })).status).toBe(403);
    const acting = ((await p.admin('POST', '/admin/staff-tokens', { hallId: 'hall-s1', name: 'back office', categories: ['*'] })).body as { token: string }).token;
    expect((await as(acting, 'POST', '/staff/applications/SCOPE-1/transitions', { to: 'received', staffId: 'S1' })).status).toBe(200);
  });

  it.skipIf(skip)('never writes an ID number or mobile number to its logs', async () => {
    const creds = await p.enrolTerminal('hall-log');
    // A bad op echoes its content in the rejection message and the log: both must be masked.
    await signedFetch(p, creds, 'POST', `/v1/applications/${SAMPLE_ID_NUMBER}`, null);
    await p.client(creds).push([{ opId: 1, idempotencyKey: 'k', kind: 'application.submitted', payload: { ...application('LOG-1'), trackingNumber: '' } }]);
    expect(p.logs.length).toBeGreaterThan(5);
    const all = p.logs.join('\n');
    expect(all).not.toContain(SAMPLE_ID_NUMBER);
    expect(all).not.toContain('13812345678');
  });
});
