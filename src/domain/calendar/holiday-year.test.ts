import { describe, expect, it } from 'vitest';
import { checkHolidayYear } from './holiday-year';
import { SHIPPED_HOLIDAYS } from './holidays';

describe('checkHolidayYear', () => {
  it('accepts every shipped year', () => {
    for (const [year, data] of Object.entries(SHIPPED_HOLIDAYS)) expect(checkHolidayYear(Number(year), data)).toEqual([]);
  });
  it('reports every problem', () => {
    const problems = checkHolidayYear(2027, { offDays: ['2027-02-30', '2026-10-01', '2027-10-01'], adjustedWorkdays: ['2027-10-01', '2027-09-26'] });
    expect(problems).toEqual([
      'day off 2027-02-30 is not a real date',
      'day off 2026-10-01 is not in 2027',
      'adjusted working day 2027-10-01 is not a Saturday or Sunday',
      '2027-10-01 is both a day off and a working day',
    ]);
  });
});
