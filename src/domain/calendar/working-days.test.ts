import { describe, expect, it } from 'vitest';
import { SHIPPED_HOLIDAYS } from './holidays';
import { WorkCalendar } from './working-days';

const cal = new WorkCalendar(SHIPPED_HOLIDAYS);

describe('working days with statutory holidays and 调休 (domain.md §8.2 cases)', () => {
  it.each([
    ['2026-02-12', 5, '2026-02-26', 'Spring Festival 2026: 02-14 Sat works, 02-15…02-23 off'],
    ['2025-09-26', 3, '2025-09-30', '09-28 Sun is a working day'],
    ['2025-09-30', 3, '2025-10-11', 'National Day 2025: lands on the 调休 Saturday'],
    ['2024-04-30', 1, '2024-05-06', 'Labour Day 2024 is 05-01…05-05'],
    ['2025-12-31', 1, '2026-01-04', 'year boundary onto a 调休 Sunday'],
    ['2026-09-18', 2, '2026-09-21', '09-20 Sun is a working day'],
  ])('%s + %i working days = %s (%s)', (start, n, due) => {
    expect(cal.addWorkingDays(start, n)).toEqual({ date: due, provisional: false, assumedYears: [] });
  });

  it('Spring Festival 2025 (除夕 01-28 is off since the 2025 rules), 01-26 Sun and 02-08 Sat work', () => {
    expect(cal.isWorkingDay('2025-01-26')).toBe(true);
    expect(cal.isWorkingDay('2025-01-28')).toBe(false);
    expect(cal.addWorkingDays('2025-01-27', 1).date).toBe('2025-02-05');
    expect(cal.addWorkingDays('2025-02-07', 1).date).toBe('2025-02-08');
  });

  it('National Day 2024: 09-29 Sun and 10-12 Sat are working days', () => {
    expect(cal.addWorkingDays('2024-09-27', 1).date).toBe('2024-09-29');
    expect(cal.addWorkingDays('2024-09-30', 1).date).toBe('2024-10-08');
    expect(cal.workingDaysBetween('2024-10-07', '2024-10-12')).toBe(5);
  });

  it('zero working days is the same day (即办件)', () => {
    expect(cal.addWorkingDays('2026-02-16', 0).date).toBe('2026-02-16');
  });

  it('falls back to Monday–Friday for a year without data and says so', () => {
    const due = cal.addWorkingDays('2026-12-30', 3);
    expect(due).toEqual({ date: '2027-01-04', provisional: true, assumedYears: [2027] });
  });

  it('calendar-day limits roll forward to the next working day', () => {
    // 60 days from 2025-08-02 is 2025-10-01 (National Day) → next working day 2025-10-09
    expect(cal.addCalendarDays('2025-08-02', 60).date).toBe('2025-10-09');
  });

  it('local overrides win over the national schedule', () => {
    const local = new WorkCalendar(SHIPPED_HOLIDAYS, [{ date: '2026-03-03', working: false, name: '三月三' }]);
    expect(local.isWorkingDay('2026-03-03')).toBe(false);
    expect(local.addWorkingDays('2026-03-02', 1).date).toBe('2026-03-04');
  });

  it('rejects impossible dates and negative counts', () => {
    expect(() => cal.addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-02-10', -1)).toThrow(RangeError);
  });
});
