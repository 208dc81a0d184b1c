import type { WorkCalendarData } from '../catalog/schema';
import { SHIPPED_HOLIDAYS } from './holidays';
import type { HolidayYear } from './holidays';
import { WorkCalendar } from './working-days';

/**
 * The calendar in force: years shipped with the app, overridden by the catalogue's years, overridden by
 * years synced on their own (newest source wins per year), plus the catalogue's hall-local days.
 */
export function calendarFromCatalog(
  data: WorkCalendarData | undefined,
  syncedYears: Readonly<Record<number, HolidayYear>> = {},
): WorkCalendar {
  const years: Record<number, HolidayYear> = { ...SHIPPED_HOLIDAYS };
  for (const [year, y] of Object.entries(data?.years ?? {})) {
    years[Number(year)] = { offDays: y.offDays.map((d) => d.date), adjustedWorkdays: y.adjustedWorkdays.map((d) => d.date) };
  }
  for (const [year, y] of Object.entries(syncedYears)) years[Number(year)] = y;
  return new WorkCalendar(years, data?.localOverrides ?? []);
}
