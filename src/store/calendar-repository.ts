// Holiday years delivered by sync (or entered by an operator), independent of catalogue versions: the
// State Council publishes next year's schedule in Oct–Nov, and terminals must not wait for a new catalogue.
import type Database from 'better-sqlite3';
import { checkHolidayYear } from '../domain/calendar/holiday-year';
import type { HolidayYear } from '../domain/calendar/holidays';

interface Row {
  year: number;
  off_days: string;
  adjusted_workdays: string;
}

export class CalendarRepository {
  constructor(private readonly db: Database.Database) {}

  /** Stores (or replaces) one year after checking it; returns the problems instead when it is bad. */
  upsertYear(year: number, data: HolidayYear, source: string, at: string): { ok: true } | { ok: false; problems: string[] } {
    const problems = checkHolidayYear(year, data);
    if (problems.length > 0) return { ok: false, problems };
    this.db
      .prepare(
        `INSERT INTO calendar_years (year, off_days, adjusted_workdays, source, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (year) DO UPDATE SET off_days = excluded.off_days, adjusted_workdays = excluded.adjusted_workdays,
           source = excluded.source, updated_at = excluded.updated_at`,
      )
      .run(year, JSON.stringify([...data.offDays].sort()), JSON.stringify([...data.adjustedWorkdays].sort()), source, at);
    return { ok: true };
  }

  years(): Record<number, HolidayYear> {
    const out: Record<number, HolidayYear> = {};
    for (const r of this.db.prepare<[], Row>('SELECT year, off_days, adjusted_workdays FROM calendar_years ORDER BY year').all()) {
      out[r.year] = { offDays: JSON.parse(r.off_days) as string[], adjustedWorkdays: JSON.parse(r.adjusted_workdays) as string[] };
    }
    return out;
  }
}
