import { describe, expect, it } from 'vitest';
import { canonicalString, parseSignatureHeaders, signature, signatureMatches, signedHeaders, timestampFresh } from './signing';

const secret = Buffer.alloc(32, 7);
const base = { method: 'POST', path: '/v1/ops', body: Buffer.from('{"ops":[]}'), terminalId: 'T-abcdef', timestamp: 1_700_000_000_000, nonce: '00112233445566778899aabbccddeeff' };

describe('request signing', () => {
  it('binds method, path, body hash, timestamp, nonce and terminal', () => {
    const lines = canonicalString(base).split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe('POST');
    expect(lines[2]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies its own signature and nothing altered', () => {
    const sig = signature(secret, base);
    expect(signatureMatches(secret, base, sig)).toBe(true);
    for (const changed of [
      { ...base, method: 'PUT' },
      { ...base, path: '/v1/ops?x=1' },
      { ...base, body: Buffer.from('{"ops":[1]}') },
      { ...base, timestamp: base.timestamp + 1 },
      { ...base, nonce: 'ff112233445566778899aabbccddeeff' },
      { ...base, terminalId: 'T-abcdeg' },
    ]) {
      expect(signatureMatches(secret, changed, sig)).toBe(false);
    }
    expect(signatureMatches(Buffer.alloc(32, 8), base, sig)).toBe(false);
    expect(signatureMatches(secret, base, 'abcd')).toBe(false);
  });

  it('produces headers the parser reads back', () => {
    const headers = signedHeaders(secret, { ...base, nonce: undefined });
    const parsed = parseSignatureHeaders(headers);
    expect(parsed?.terminalId).toBe('T-abcdef');
    expect(parsed && signatureMatches(secret, { ...base, nonce: parsed.nonce }, parsed.signature)).toBe(true);
  });

  it('rejects malformed headers', () => {
    expect(parseSignatureHeaders({})).toBeNull();
    const good = signedHeaders(secret, base);
    expect(parseSignatureHeaders({ ...good, 'x-timestamp': 'yesterday' })).toBeNull();
    expect(parseSignatureHeaders({ ...good, 'x-signature': 'zz' })).toBeNull();
    expect(parseSignatureHeaders({ ...good, 'x-nonce': ['a', 'b'] })).toBeNull();
  });

  it('accepts timestamps within five minutes only', () => {
    const now = 1_700_000_000_000;
    expect(timestampFresh(now - 299_000, now)).toBe(true);
    expect(timestampFresh(now + 299_000, now)).toBe(true);
    expect(timestampFresh(now - 301_000, now)).toBe(false);
    expect(timestampFresh(now + 3_600_000, now)).toBe(false);
  });
});
