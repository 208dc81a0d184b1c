import { describe, expect, it } from 'vitest';
import { checkCardNumber, checkDigitOf, checkIdNumber, idNumberIssue } from './id-number';

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
      // A code, never text: nothing of the number can leak into a message.
      expect(JSON.stringify(result)).not.toContain(value);
    }
  });
});

describe('card-number rules per card type', () => {
  it.each([
    ['resident', '110101199003071233', true],
    ['resident', '34052419800101001X', true],
    ['resident', '340524198001010013', false],
    ['resident', '810000199202150034', false],
    ['resident', '110101199002301233', false],
    ['resident', '110101900307123', false],
    ['hmt-residence', '810000199202150034', true],
    ['hmt-residence', '810000199003071237', true],
    ['hmt-residence', '110101199003071233', false],
    ['foreign-2023', '93172419850520002X', true],
    ['foreign-2023', '911011199003071230', true],
    ['foreign-2023', '110101199003071233', false],
    ['foreign-2023', '931724198505200021', false],
    ['foreign-2017', 'USA110880808011', true],
    ['foreign-2017', 'US1110880808011', false],
  ] as const)('%s %s → valid %s', (kind, number, valid) => {
    const result = checkCardNumber(kind, number, today);
    expect(result.valid).toBe(valid);
    if (!result.valid) expect(JSON.stringify(result)).not.toContain(number);
  });

  it('rejects 15-digit legacy numbers from a card with their own issue reason', () => {
    const result = checkCardNumber('resident', '110105491231002', today);
    expect(result).toMatchObject({ valid: false, problem: 'legacy-15-digit' });
    expect(!result.valid && idNumberIssue(result.problem)).toBe('idNumberLegacy');
  });

  it('names the problem kinds', () => {
    expect(checkCardNumber('foreign-2023', '99172419850520002X', today)).toMatchObject({ problem: 'region' });
    expect(checkCardNumber('foreign-2023', '93172420850520002X', today)).toMatchObject({ problem: 'birth-date' });
    expect(checkCardNumber('hmt-residence', '110101199003071233', today)).toMatchObject({ problem: 'card-type' });
  });
});
