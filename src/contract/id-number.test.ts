import { describe, expect, it } from 'vitest';
import { checkDigitOf, checkIdNumber } from './id-number';

const today = new Date('2026-11-23T00:00:00Z');

describe('GB 11643 identity numbers', () => {
  it('accepts the standard example and derives birth date and gender', () => {
    expect(checkIdNumber('11010519491231002X', today)).toEqual({ valid: true, birthDate: '1949-12-31', gender: 'female' });
  });

  it('computes check digits', () => {
    expect(checkDigitOf('11010519491231002')).toBe('X');
    const first17 = '43010219900307123';
    expect(checkIdNumber(first17 + checkDigitOf(first17), today)).toMatchObject({ valid: true, gender: 'male' });
  });

  it.each([
    ['11010519491231002', 'format'],
    ['110105194912310021', 'check-digit'],
    ['110105194902300023', 'birth-date'],
    ['110105203001010010', 'birth-date'],
    ['990105194912310021', 'region'],
    ['110105491231002', 'legacy-15-digit'],
    ['1101051949123100ZX', 'format'],
  ])('rejects %s as %s', (value, problem) => {
    const result = checkIdNumber(value, today);
    expect(result.valid).toBe(false);
    if (!result.valid) {
      expect(result.problem).toBe(problem);
      expect(result.message).not.toContain(value);
    }
  });
});
