import { describe, expect, it } from 'vitest';
import { SyncClient, type Outcome } from './client';
import { parseSignatureHeaders, signatureMatches } from '../wire/signing';

const credentials = { terminalId: 'T-abcdef12', hallId: 'hall-1', secret: Buffer.alloc(32, 3) };
const blob = { sha256: 'a'.repeat(64), received: 10, size: 10, complete: true };

function answering(status: number, body: string, headers: Record<string, string> = {}): typeof fetch {
  return (async () => new Response(body, { status, headers })) as typeof fetch;
}

async function classify(status: number, body: unknown, headers: Record<string, string> = {}): Promise<Outcome<unknown>> {
  const client = new SyncClient({ baseUrl: 'http://platform.test', credentials, fetch: answering(status, typeof body === 'string' ? body : JSON.stringify(body), headers) });
  return client.blobStatus('a'.repeat(64));
}

const error = (code: string, extra: Record<string, unknown> = {}) => ({ error: { code, message: 'm', ...extra } });

describe('sync client classification', () => {
  it('accepts a 200 whose body matches the schema', async () => {
    expect(await classify(200, blob)).toEqual({ kind: 'ok', value: blob });
  });

  it('retries malformed or wrongly shaped 200s', async () => {
    expect((await classify(200, '{"received": ')).kind).toBe('retryable');
    expect((await classify(200, { ok: true })).kind).toBe('retryable');
  });

  it('retries 5xx, 429 and 408, honouring Retry-After', async () => {
    expect(await classify(503, 'down', { 'retry-after': '7' })).toMatchObject({ kind: 'retryable', retryAfterMs: 7000 });
    expect((await classify(500, error('INTERNAL'))).kind).toBe('retryable');
    expect((await classify(429, error('RATE_LIMITED'))).kind).toBe('retryable');
    expect((await classify(408, '')).kind).toBe('retryable');
  });

  it('asks for re-enrolment only on credential errors', async () => {
    expect(await classify(401, error('TERMINAL_REVOKED'))).toMatchObject({ kind: 'reauth', code: 'TERMINAL_REVOKED' });
    expect(await classify(401, error('BAD_SIGNATURE'))).toMatchObject({ kind: 'reauth' });
    expect((await classify(401, error('REPLAYED_NONCE'))).kind).toBe('retryable');
    expect((await classify(401, 'Unauthorized')).kind).toBe('retryable');
  });

  it('passes on refusals that carry the platform error body, retries those that do not', async () => {
    expect(await classify(422, error('HASH_MISMATCH'))).toEqual({ kind: 'rejected', code: 'HASH_MISMATCH', message: 'm' });
    expect((await classify(404, '<html>not found</html>')).kind).toBe('retryable');
  });

  it('retries network failures and bodies cut short', async () => {
    const refused = new SyncClient({ baseUrl: 'http://platform.test', credentials, fetch: (async () => Promise.reject(new TypeError('fetch failed'))) as typeof fetch });
    expect(await refused.blobStatus('a'.repeat(64))).toMatchObject({ kind: 'retryable', reason: expect.stringContaining('network') });
    const cut = new SyncClient({
      baseUrl: 'http://platform.test',
      credentials,
      fetch: (async () => new Response(new ReadableStream({ start: (c) => c.error(new Error('socket hang up')) }), { status: 200 })) as typeof fetch,
    });
    expect((await cut.blobStatus('a'.repeat(64))).kind).toBe('retryable');
  });

  it('times out a request that never answers', async () => {
    const hang = (async (_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)))) as unknown as typeof fetch;
    const client = new SyncClient({ baseUrl: 'http://platform.test', credentials, fetch: hang, timeoutMs: 20 });
    expect(await client.blobStatus('a'.repeat(64))).toMatchObject({ kind: 'retryable', reason: expect.stringContaining('timed out') });
  });

  it('learns the platform clock from a stale-timestamp answer and signs with it', async () => {
    let seen: Record<string, string> = {};
    let calls = 0;
    const serverTime = new Date(Date.now() + 3_600_000).toISOString();
    const fetchImpl = (async (_url: string, init: RequestInit) => {
      calls++;
      seen = init.headers as Record<string, string>;
      return calls === 1 ? new Response(JSON.stringify(error('STALE_TIMESTAMP', { serverTime })), { status: 401 }) : new Response(JSON.stringify(blob), { status: 200 });
    }) as unknown as typeof fetch;
    const client = new SyncClient({ baseUrl: 'http://platform.test/', credentials, fetch: fetchImpl });
    expect((await client.blobStatus('a'.repeat(64))).kind).toBe('retryable');
    expect(client.clockOffset).toBeGreaterThan(3_590_000);
    expect((await client.blobStatus('a'.repeat(64))).kind).toBe('ok');
    const headers = parseSignatureHeaders(seen);
    expect(headers && Math.abs(headers.timestamp - Date.parse(serverTime))).toBeLessThan(60_000);
    const path = `/v1/blobs/${'a'.repeat(64)}`;
    expect(headers && signatureMatches(credentials.secret, { method: 'GET', path, body: Buffer.alloc(0), terminalId: credentials.terminalId, timestamp: headers.timestamp, nonce: headers.nonce }, headers.signature)).toBe(true);
  });

  it('turns an offset mismatch into where to continue', async () => {
    const client = new SyncClient({ baseUrl: 'http://platform.test', credentials, fetch: answering(409, JSON.stringify(error('OFFSET_MISMATCH', { received: 4096 }))) });
    expect(await client.putChunk('b'.repeat(64), 10_000, 0, Buffer.alloc(10))).toEqual({ kind: 'ok', value: { sha256: 'b'.repeat(64), received: 4096, size: 10_000, complete: false } });
  });
});
