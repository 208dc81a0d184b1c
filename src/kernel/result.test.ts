import { describe, expect, it } from 'vitest';
import { err, mapResult, ok, unwrapOr } from './result';
import type { Result } from './result';

const half = (n: number): Result<number, 'odd'> => (n % 2 === 0 ? ok(n / 2) : err('odd'));

describe('Result', () => {
  it('carries a value or a typed refusal', () => {
    expect(half(4)).toEqual({ ok: true, value: 2 });
    expect(half(3)).toEqual({ ok: false, error: 'odd' });
    expect(ok()).toEqual({ ok: true, value: undefined });
  });

  it('unwraps with a fallback and maps only values', () => {
    expect(unwrapOr(half(4), () => -1)).toBe(2);
    expect(unwrapOr(half(3), (e) => e)).toBe('odd');
    expect(mapResult(half(8), (n) => `${n}`)).toEqual({ ok: true, value: '4' });
    expect(mapResult(half(5), (n) => `${n}`)).toEqual({ ok: false, error: 'odd' });
  });
});
