// The time-limit (电子监察) view of an application: which clock runs in its current state, when it is due
// and whether that is normal, a warning (at most one working day left) or overdue. Remaining time is
// derived from the dated events and the holiday calendar, never stored as truth (domain.md §8.3).
import type { TimeLimit } from '../catalog/schema';
import type { WorkCalendar } from '../calendar/working-days';
import { noticeDeadline, promisedDate } from './deadlines';
import type { ApplicationState } from './state-machine';

export type TimeLimitState = 'normal' | 'warning' | 'overdue';

/**
 * notice: the five-working-day clock to issue a one-time notice (else 视为受理);
 * promise: the promised completion date counted from acceptance;
 * special: a special procedure's own limit; delivery: ten working days to hand out a decided result;
 * none: no clock runs (waiting for the applicant, or finished).
 */
export type ClockKind = 'notice' | 'promise' | 'special' | 'delivery' | 'none';

/** 许可法第四十四条: a decided result is issued or delivered within ten (working) days. */
export const DELIVERY_WORKDAYS = 10;

export interface Deadline {
  readonly clock: ClockKind;
  /** ISO date; null when no clock runs or the item has no limit. */
  readonly due: string | null;
  /** True when a year on the way had no holiday data (Monday–Friday assumed). */
  readonly provisional: boolean;
  readonly state: TimeLimitState | null;
  /** Working days after today up to and including the due date (0 on the day, negative never). */
  readonly workingDaysLeft: number | null;
}

/** A state change on a local (hall) date. */
export interface DatedEvent {
  readonly status: ApplicationState;
  readonly on: string;
}

export interface SpecialProcedureClock {
  readonly startedOn: string;
  readonly limit: TimeLimit;
  /** False: the days are not counted in the promise (许可法第四十五条), so they extend it. */
  readonly countedInLimit: boolean;
  /** ISO date the procedure ended; absent while it runs. */
  readonly endedOn?: string;
}

export interface ClockInput {
  readonly status: ApplicationState;
  readonly submittedOn: string;
  readonly events: readonly DatedEvent[];
  /** The item's promised limit (承诺时限); null when unknown. */
  readonly promisedLimit: TimeLimit | null;
  readonly specialProcedures?: readonly SpecialProcedureClock[];
}

const NOTICE_STATES: ReadonlySet<ApplicationState> = new Set(['submitted', 'prechecked', 'received']);
const PROMISE_STATES: ReadonlySet<ApplicationState> = new Set(['accepted', 'inProgress', 'suspended']);
const DELIVERY_STATES: ReadonlySet<ApplicationState> = new Set(['decided', 'resultReady']);

/** normal / warning (≤ 1 working day left, including the due day itself) / overdue (past the due date). */
export function limitState(calendar: WorkCalendar, today: string, due: string): TimeLimitState {
  if (today > due) return 'overdue';
  return calendar.workingDaysBetween(today, due) <= 1 ? 'warning' : 'normal';
}

function lastOn(events: readonly DatedEvent[], status: ApplicationState): string | undefined {
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const e = events[i];
    if (e?.status === status) return e.on;
  }
  return undefined;
}

/** Working days spent in finished special procedures that do not count towards the promise. */
export function pausedWorkdays(calendar: WorkCalendar, procedures: readonly SpecialProcedureClock[], today: string): number {
  let days = 0;
  for (const p of procedures) {
    if (p.countedInLimit) continue;
    days += calendar.workingDaysBetween(p.startedOn, p.endedOn ?? today);
  }
  return days;
}

export function applicationDeadline(calendar: WorkCalendar, input: ClockInput, today: string): Deadline {
  const none: Deadline = { clock: 'none', due: null, provisional: false, state: null, workingDaysLeft: null };
  const dated = (clock: ClockKind, due: { date: string; provisional: boolean } | null): Deadline => {
    if (!due) return { ...none, clock };
    return {
      clock,
      due: due.date,
      provisional: due.provisional,
      state: limitState(calendar, today, due.date),
      workingDaysLeft: today > due.date ? 0 : calendar.workingDaysBetween(today, due.date),
    };
  };
  const procedures = input.specialProcedures ?? [];
  if (NOTICE_STATES.has(input.status)) {
    return dated('notice', noticeDeadline(calendar, lastOn(input.events, 'received') ?? input.submittedOn));
  }
  if (PROMISE_STATES.has(input.status)) {
    const acceptedOn = lastOn(input.events, 'accepted');
    if (!acceptedOn || !input.promisedLimit) return { ...none, clock: 'promise' };
    return dated('promise', promisedDate(calendar, acceptedOn, input.promisedLimit, pausedWorkdays(calendar, procedures, today)));
  }
  if (input.status === 'specialProcedure') {
    const running = procedures.find((p) => p.endedOn === undefined);
    if (!running) return { ...none, clock: 'special' };
    return dated('special', promisedDate(calendar, running.startedOn, running.limit));
  }
  if (DELIVERY_STATES.has(input.status)) {
    const decidedOn = lastOn(input.events, 'decided') ?? lastOn(input.events, 'resultReady');
    if (!decidedOn) return { ...none, clock: 'delivery' };
    return dated('delivery', calendar.addWorkingDays(decidedOn, DELIVERY_WORKDAYS));
  }
  return none;
}

const STATE_RANK: Record<TimeLimitState, number> = { overdue: 0, warning: 1, normal: 2 };

/** Most urgent first: overdue, then warning, then by due date; no clock last; ties by submission. */
export function byUrgency<T extends { deadline: Deadline; submittedAt: string }>(a: T, b: T): number {
  const rank = (d: Deadline) => (d.state === null ? 3 : STATE_RANK[d.state]);
  const r = rank(a.deadline) - rank(b.deadline);
  if (r !== 0) return r;
  const ad = a.deadline.due ?? '9999-12-31';
  const bd = b.deadline.due ?? '9999-12-31';
  if (ad !== bd) return ad < bd ? -1 : 1;
  return a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0;
}
