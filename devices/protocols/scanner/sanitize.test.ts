import { describe, expect, it } from 'vitest';
import { sanitizeScanText } from './sanitize';
import { finishScan } from './outcome';
import { decodeScanBytes } from './text';
import { aimFor, splitAimPrefix, symbologyFromAim } from './symbology';

describe('scan text sanitising', () => {
  it('strips control characters and direction overrides, keeps Chinese', () => {
    expect(sanitizeScanText('\u0002办件\u001d编号\u202eTRK2026\u0007\r\n')).toEqual({ ok: true, text: '办件编号TRK2026' });
  });

  it('refuses empty and over-long text, counting code points', () => {
    expect(sanitizeScanText('\r\n\t')).toEqual({ ok: false, reason: 'empty' });
    expect(sanitizeScanText('𠮷'.repeat(5), 5)).toEqual({ ok: true, text: '𠮷'.repeat(5) });
    expect(sanitizeScanText('𠮷'.repeat(6), 5)).toEqual({ ok: false, reason: 'too-long' });
  });

  it('leaves markup as plain text (the UI renders it as text)', () => {
    expect(sanitizeScanText('<img src=x onerror=alert(1)>')).toEqual({ ok: true, text: '<img src=x onerror=alert(1)>' });
  });
});

describe('symbology', () => {
  it('names symbologies from AIM identifiers and splits a prefix', () => {
    expect(symbologyFromAim(']Q1')).toBe('qr');
    expect(symbologyFromAim(']C1')).toBe('gs1-128');
    expect(symbologyFromAim(']E4')).toBe('ean8');
    expect(symbologyFromAim(']E0')).toBe('ean13');
    expect(symbologyFromAim(']?0')).toBeUndefined();
    expect(symbologyFromAim('Q1')).toBeUndefined();
    expect(splitAimPrefix(']d2HELLO')).toEqual({ aim: ']d2', rest: 'HELLO' });
    expect(splitAimPrefix('HELLO')).toEqual({ aim: undefined, rest: 'HELLO' });
    for (const s of ['qr', 'code128', 'ean8', 'gs1-128', 'data-matrix'] as const) expect(symbologyFromAim(aimFor(s))).toBe(s);
  });

  it('finishes a prefixed scan into text + symbology', () => {
    expect(finishScan(']Q1https://example.gov.cn/q?id=1', undefined, { aimPrefix: true, maxLength: 100 })).toEqual({
      kind: 'scan',
      scan: { text: 'https://example.gov.cn/q?id=1', symbology: 'qr' },
    });
    expect(finishScan(']Q1abc', undefined, { aimPrefix: false, maxLength: 100 })).toEqual({ kind: 'scan', scan: { text: ']Q1abc' } });
  });
});

describe('scan byte decoding', () => {
  it('reads UTF-8, falls back to GB18030, never fails', () => {
    expect(decodeScanBytes(new TextEncoder().encode('受理编号'))).toBe('受理编号');
    expect(decodeScanBytes(Uint8Array.from([0xd6, 0xd0]))).toBe('中');
    expect(typeof decodeScanBytes(Uint8Array.from([0xff, 0xff, 0xff]))).toBe('string');
  });
});

describe('default limit', () => {
  it('is the contract maximum', () => {
    expect(sanitizeScanText('x'.repeat(4096)).ok).toBe(true);
    expect(sanitizeScanText('x'.repeat(4097))).toEqual({ ok: false, reason: 'too-long' });
  });
});
