// Deadlines around acceptance (《行政许可法》第三十二条, 第八十二条): the one-time notice must be issued within
// five working days of receipt or the application counts as accepted from the day of receipt; the promised
// completion date counts working days from acceptance, adding uncounted special-procedure days.
import type { DueDate, WorkCalendar } from '../calendar/working-days';
import type { TimeLimit } from '../catalog/schema';

export const NOTICE_WORKDAYS = 5;

export function noticeDeadline(calendar: WorkCalendar, receivedOn: string): DueDate {
  return calendar.addWorkingDays(receivedOn, NOTICE_WORKDAYS);
}

/** True once the notice deadline has passed without a supplement notice (视为受理). */
export function deemedAccepted(calendar: WorkCalendar, receivedOn: string, today: string): boolean {
  return today > noticeDeadline(calendar, receivedOn).date;
}

export function promisedDate(calendar: WorkCalendar, acceptedOn: string, limit: TimeLimit, pausedWorkdays = 0): DueDate | null {
  if (limit.value === null) return null;
  return limit.unit === 'workday'
    ? calendar.addWorkingDays(acceptedOn, limit.value + pausedWorkdays)
    : calendar.addCalendarDays(acceptedOn, limit.value + pausedWorkdays);
}
