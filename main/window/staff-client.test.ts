import { describe, expect, it } from 'vitest';
import { StaffClient } from './staff-client';

const reply = (status: number, body: unknown, raw = false) => async () => new Response(raw ? String(body) : JSON.stringify(body), { status });
const client = (fetchImpl: () => Promise<Response>) => new StaffClient({ baseUrl: 'http://platform.test/', fetch: fetchImpl as unknown as typeof fetch, timeoutMs: 200 });

const queue = { applications: [], serverTime: '2026-03-02T01:00:00.000Z' };

describe('staff client answer classification', () => {
  it('ok: a valid body of the expected shape', async () => {
    expect(await client(reply(200, queue)).queue('sess_x')).toEqual({ kind: 'ok', value: queue });
  });

  it('offline: network errors, timeouts, 5xx, 429, malformed or unexpected bodies, foreign 4xx', async () => {
    const refused = async () => {
      throw new TypeError('fetch failed');
    };
    expect(await client(refused).queue('t')).toMatchObject({ kind: 'offline' });
    const hang = (_url: unknown, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    expect(await client(hang as unknown as () => Promise<Response>).queue('t')).toEqual({ kind: 'offline', reason: 'AbortError' });
    expect(await client(reply(503, { error: { code: 'INTERNAL', message: 'x' } })).queue('t')).toEqual({ kind: 'offline', reason: 'HTTP 503' });
    expect(await client(reply(429, {})).queue('t')).toMatchObject({ kind: 'offline' });
    expect(await client(reply(200, '{not json', true)).queue('t')).toEqual({ kind: 'offline', reason: 'malformed answer' });
    expect(await client(reply(200, { applications: 'nope' })).queue('t')).toEqual({ kind: 'offline', reason: 'unexpected answer shape' });
    expect(await client(reply(404, '<html>proxy</html>', true)).queue('t')).toMatchObject({ kind: 'offline', reason: 'HTTP 404 without a platform answer' });
  });

  it('session-ended: the platform no longer knows the session', async () => {
    expect(await client(reply(401, { error: { code: 'SESSION_EXPIRED', message: 'sign in again' } })).queue('t')).toEqual({ kind: 'session-ended' });
  });

  it('refused: wrong PIN with attempts left, locked until, conflict naming who acted', async () => {
    expect(await client(reply(401, { error: { code: 'WRONG_PIN', message: 'wrong', attemptsLeft: 3 } })).signIn({ hallId: 'h', windowId: 'W01', staffNumber: 'A1', pin: '1' })).toMatchObject({
      kind: 'refused',
      code: 'WRONG_PIN',
      error: { attemptsLeft: 3 },
    });
    expect(await client(reply(423, { error: { code: 'LOCKED', message: 'locked', lockedUntil: '2026-03-02T01:05:00.000Z' } })).signIn({ hallId: 'h', windowId: 'W01', staffNumber: 'A1', pin: '1' })).toMatchObject({
      kind: 'refused',
      code: 'LOCKED',
      error: { lockedUntil: '2026-03-02T01:05:00.000Z' },
    });
    const conflict = { error: { code: 'CONFLICT', message: 'already accepted', current: { status: 'accepted', at: '2026-03-02T01:00:00.000Z', by: 'staff:A2@window:W02' } } };
    expect(await client(reply(409, conflict)).act('t', 'APP-1', { action: 'accept', expectedStatus: 'submitted', requestId: 'request-1' })).toMatchObject({
      kind: 'refused',
      code: 'CONFLICT',
      error: { current: { status: 'accepted', by: 'staff:A2@window:W02' } },
    });
    expect(await client(reply(403, { error: { code: 'FORBIDDEN', message: 'not yours' } })).application('t', 'APP-1')).toMatchObject({ kind: 'refused', code: 'FORBIDDEN' });
  });

  it('returns blob bytes as they came', async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0x00]);
    const answer = await client(async () => new Response(bytes, { status: 200 })).blob('t', 'a'.repeat(64));
    expect(answer.kind === 'ok' && [...answer.value]).toEqual([0xff, 0xd8, 0xff, 0x00]);
  });
});
