import { describe, expect, it } from 'vitest';
import { SHIPPED_HOLIDAYS } from '../calendar/holidays';
import { WorkCalendar } from '../calendar/working-days';
import { deemedAccepted, noticeDeadline, promisedDate } from './deadlines';

const cal = new WorkCalendar(SHIPPED_HOLIDAYS);

describe('deadlines', () => {
  it('five working days for the one-time notice, across National Day', () => {
    expect(noticeDeadline(cal, '2025-09-30').date).toBe('2025-10-14'); // 10-09, 10-10, 10-11 (调休 Sat), 10-13, 10-14
    expect(deemedAccepted(cal, '2025-09-30', '2025-10-14')).toBe(false);
    expect(deemedAccepted(cal, '2025-09-30', '2025-10-15')).toBe(true);
  });
  it('promised date in working days or calendar days, with pauses', () => {
    expect(promisedDate(cal, '2026-02-12', { value: 5, unit: 'workday' })?.date).toBe('2026-02-26');
    expect(promisedDate(cal, '2026-02-12', { value: 5, unit: 'workday' }, 1)?.date).toBe('2026-02-27');
    expect(promisedDate(cal, '2025-08-02', { value: 60, unit: 'day' })?.date).toBe('2025-10-09');
    expect(promisedDate(cal, '2025-08-02', { value: null, unit: 'day' })).toBeNull();
  });
});
