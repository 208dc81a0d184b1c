// Working-day arithmetic (《行政许可法》第八十二条): Monday–Friday, minus announced days off, plus 调休
// weekend working days. Dates are ISO strings (YYYY-MM-DD) in the hall's local calendar; no clock, no time zone.
import type { HolidayYear } from './holidays';

export interface DueDate {
  readonly date: string;
  /** True when a year on the way had no holiday data and plain Monday–Friday was assumed. */
  readonly provisional: boolean;
  readonly assumedYears: readonly number[];
}

export interface LocalOverride {
  readonly date: string;
  readonly working: boolean;
  readonly name?: string;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(t).toISOString().slice(0, 10) !== iso) throw new RangeError(`not a real date: ${iso}`);
  return t;
}

export function addDays(iso: string, days: number): string {
  return new Date(parseIsoDate(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

export class WorkCalendar {
  private readonly off = new Set<string>();
  private readonly work = new Set<string>();
  private readonly years = new Set<number>();

  constructor(years: Readonly<Record<number | string, HolidayYear>>, overrides: readonly LocalOverride[] = []) {
    for (const [year, data] of Object.entries(years)) {
      this.years.add(Number(year));
      for (const d of data.offDays) this.off.add(d);
      for (const d of data.adjustedWorkdays) this.work.add(d);
    }
    // Hall-local days (e.g. a minority-nationality festival) win over the national schedule.
    for (const o of overrides) {
      (o.working ? this.work : this.off).add(o.date);
      (o.working ? this.off : this.work).delete(o.date);
    }
  }

  hasYear(year: number): boolean {
    return this.years.has(year);
  }

  knownYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  isWorkingDay(iso: string): boolean {
    if (this.work.has(iso)) return true;
    if (this.off.has(iso)) return false;
    const dow = new Date(parseIsoDate(iso)).getUTCDay();
    return dow !== 0 && dow !== 6;
  }

  /**
   * The date `n` working days after `start`; the start day itself is not counted. n = 0 is the start day
   * (即办件). A result that lands on a 调休 Saturday is correct and must be shown as such.
   */
  addWorkingDays(start: string, n: number): DueDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('working days must be a non-negative integer');
    const assumed = new Set<number>();
    const note = (iso: string) => {
      const year = Number(iso.slice(0, 4));
      if (!this.years.has(year)) assumed.add(year);
    };
    let date = start;
    note(date);
    let left = n;
    while (left > 0) {
      date = addDays(date, 1);
      note(date);
      if (this.isWorkingDay(date)) left -= 1;
    }
    return result(date, assumed);
  }

  /** A limit in calendar days (e.g. 身份证 60日): if the last day is not a working day, the next one is. */
  addCalendarDays(start: string, n: number): DueDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('days must be a non-negative integer');
    const assumed = new Set<number>();
    let date = addDays(start, n);
    for (;;) {
      const year = Number(date.slice(0, 4));
      if (!this.years.has(year)) assumed.add(year);
      if (this.isWorkingDay(date)) break;
      date = addDays(date, 1);
    }
    return result(date, assumed);
  }

  /** Working days strictly after `from` up to and including `to` (0 when `to` <= `from`). */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let d = addDays(from, 1); parseIsoDate(d) <= parseIsoDate(to); d = addDays(d, 1)) {
      if (this.isWorkingDay(d)) count += 1;
    }
    return count;
  }
}

function result(date: string, assumed: ReadonlySet<number>): DueDate {
  const assumedYears = [...assumed].sort((a, b) => a - b);
  return { date, provisional: assumedYears.length > 0, assumedYears };
}
