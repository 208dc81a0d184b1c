import { describe, expect, it } from 'vitest';
import { SHIPPED_HOLIDAYS } from '../calendar/holidays';
import { WorkCalendar } from '../calendar/working-days';
import { applicationDeadline, byUrgency, limitState, pausedWorkdays } from './time-limit';
import type { ClockInput, Deadline } from './time-limit';

const cal = new WorkCalendar(SHIPPED_HOLIDAYS);
const workdays = (value: number) => ({ value, unit: 'workday' as const });

describe('limitState across holidays', () => {
  it('counts working days, not calendar days: the day before a long holiday is a warning', () => {
    // Due Tue 2026-02-24; 02-14 is a 调休 Saturday, 02-15…02-23 are off: one working day from 02-14.
    expect(limitState(cal, '2026-02-13', '2026-02-24')).toBe('normal');
    expect(limitState(cal, '2026-02-14', '2026-02-24')).toBe('warning');
    expect(limitState(cal, '2026-02-20', '2026-02-24')).toBe('warning');
    expect(limitState(cal, '2026-02-24', '2026-02-24')).toBe('warning');
    expect(limitState(cal, '2026-02-25', '2026-02-24')).toBe('overdue');
  });

  it('a 调休 Sunday counts as a working day left', () => {
    // Due Tue 2025-09-30; 09-28 is a working Sunday.
    expect(limitState(cal, '2025-09-26', '2025-09-30')).toBe('normal'); // 09-28, 09-29, 09-30
    expect(limitState(cal, '2025-09-27', '2025-09-30')).toBe('normal'); // 09-28, 09-29, 09-30
    expect(limitState(cal, '2025-09-28', '2025-09-30')).toBe('normal'); // 09-29, 09-30
    expect(limitState(cal, '2025-09-29', '2025-09-30')).toBe('warning');
  });

  it('across the year boundary a due date on the 2026-01-04 调休 Sunday', () => {
    expect(limitState(cal, '2025-12-31', '2026-01-04')).toBe('warning'); // 01-01…01-03 off
    expect(limitState(cal, '2025-12-30', '2026-01-04')).toBe('normal'); // 12-31 and 01-04
    expect(limitState(cal, '2026-01-05', '2026-01-04')).toBe('overdue');
  });
});

describe('applicationDeadline', () => {
  const base: ClockInput = { status: 'submitted', submittedOn: '2025-09-30', events: [{ status: 'submitted', on: '2025-09-30' }], promisedLimit: workdays(3) };

  it('runs the five-day notice clock before acceptance, across National Day', () => {
    expect(applicationDeadline(cal, base, '2025-10-10')).toEqual({ clock: 'notice', due: '2025-10-14', provisional: false, state: 'normal', workingDaysLeft: 3 });
    expect(applicationDeadline(cal, base, '2025-10-13')).toMatchObject({ state: 'warning', workingDaysLeft: 1 });
    expect(applicationDeadline(cal, base, '2025-10-15')).toMatchObject({ state: 'overdue', workingDaysLeft: 0 });
  });

  it('counts the notice clock from receipt when the application was received later', () => {
    const received = { ...base, status: 'received' as const, events: [...base.events, { status: 'received' as const, on: '2026-02-12' }] };
    expect(applicationDeadline(cal, received, '2026-02-13').due).toBe('2026-02-26');
  });

  it('stops while the applicant supplements and after a final state', () => {
    expect(applicationDeadline(cal, { ...base, status: 'supplementRequired' }, '2025-10-20')).toMatchObject({ clock: 'none', due: null, state: null });
    expect(applicationDeadline(cal, { ...base, status: 'delivered' }, '2025-10-20').clock).toBe('none');
  });

  it('promised date from acceptance, landing on a 调休 Saturday', () => {
    const accepted: ClockInput = { ...base, status: 'accepted', events: [...base.events, { status: 'received', on: '2025-09-30' }, { status: 'accepted', on: '2025-09-30' }] };
    expect(applicationDeadline(cal, accepted, '2025-10-09')).toMatchObject({ clock: 'promise', due: '2025-10-11', state: 'normal' });
    expect(applicationDeadline(cal, accepted, '2025-10-10')).toMatchObject({ state: 'warning' });
    expect(applicationDeadline(cal, accepted, '2025-10-13')).toMatchObject({ state: 'overdue' });
  });

  it('flags a due date in an unpublished year as provisional', () => {
    const accepted: ClockInput = { status: 'inProgress', submittedOn: '2026-12-20', events: [{ status: 'accepted', on: '2026-12-28' }], promisedLimit: workdays(10) };
    expect(applicationDeadline(cal, accepted, '2026-12-28')).toMatchObject({ provisional: true, due: '2027-01-11' });
  });

  it('no promise when the item has no limit', () => {
    const accepted: ClockInput = { ...base, status: 'accepted', promisedLimit: { value: null, unit: 'workday' }, events: [{ status: 'accepted', on: '2025-09-30' }] };
    expect(applicationDeadline(cal, accepted, '2025-10-09')).toMatchObject({ clock: 'promise', due: null, state: null });
  });

  it('a special procedure runs its own limit, and uncounted days extend the promise', () => {
    const special: ClockInput = {
      status: 'specialProcedure',
      submittedOn: '2026-03-02',
      events: [{ status: 'accepted', on: '2026-03-02' }, { status: 'specialProcedure', on: '2026-09-18' }],
      promisedLimit: workdays(5),
      specialProcedures: [{ startedOn: '2026-09-18', limit: workdays(2), countedInLimit: false }],
    };
    expect(applicationDeadline(cal, special, '2026-09-20')).toMatchObject({ clock: 'special', due: '2026-09-21', state: 'warning' });

    const resumed: ClockInput = {
      status: 'inProgress',
      submittedOn: '2026-03-02',
      events: [{ status: 'accepted', on: '2026-03-02' }],
      promisedLimit: workdays(5),
      specialProcedures: [{ startedOn: '2026-03-03', endedOn: '2026-03-05', limit: workdays(5), countedInLimit: false }],
    };
    expect(pausedWorkdays(cal, resumed.specialProcedures ?? [], '2026-03-06')).toBe(2);
    expect(applicationDeadline(cal, resumed, '2026-03-06').due).toBe('2026-03-11'); // 03-09 + 2 working days
    const counted = { ...resumed, specialProcedures: [{ startedOn: '2026-03-03', endedOn: '2026-03-05', limit: workdays(5), countedInLimit: true }] };
    expect(applicationDeadline(cal, counted, '2026-03-06').due).toBe('2026-03-09');
  });

  it('ten working days to hand out a decided result, across National Day', () => {
    const ready: ClockInput = { ...base, status: 'resultReady', events: [{ status: 'decided', on: '2025-09-30' }, { status: 'resultReady', on: '2025-09-30' }] };
    expect(applicationDeadline(cal, ready, '2025-10-09')).toMatchObject({ clock: 'delivery', due: '2025-10-21', state: 'normal' });
  });
});

describe('byUrgency', () => {
  const d = (state: Deadline['state'], due: string | null): Deadline => ({ clock: due ? 'notice' : 'none', due, provisional: false, state, workingDaysLeft: null });
  it('overdue, then warning, then normal by due date, then no clock; ties by submission', () => {
    const rows = [
      { id: 'none', deadline: d(null, null), submittedAt: '2026-01-01T00:00:00Z' },
      { id: 'normal-late', deadline: d('normal', '2026-03-20'), submittedAt: '2026-01-01T00:00:00Z' },
      { id: 'normal-early', deadline: d('normal', '2026-03-10'), submittedAt: '2026-01-02T00:00:00Z' },
      { id: 'warning', deadline: d('warning', '2026-03-09'), submittedAt: '2026-01-03T00:00:00Z' },
      { id: 'overdue', deadline: d('overdue', '2026-03-01'), submittedAt: '2026-01-04T00:00:00Z' },
      { id: 'normal-early-older', deadline: d('normal', '2026-03-10'), submittedAt: '2026-01-01T00:00:00Z' },
    ];
    expect(rows.sort(byUrgency).map((r) => r.id)).toEqual(['overdue', 'warning', 'normal-early-older', 'normal-early', 'normal-late', 'none']);
  });
});
