import type { WorkCalendarData } from '../catalog/schema';
import { SHIPPED_HOLIDAYS } from './holidays';
import type { HolidayYear } from './holidays';
import { WorkCalendar } from './working-days';

/** Holiday data from a catalogue (synced, newer) over the years shipped with the app. */
export function calendarFromCatalog(data: WorkCalendarData | undefined): WorkCalendar {
  const years: Record<number, HolidayYear> = { ...SHIPPED_HOLIDAYS };
  for (const [year, y] of Object.entries(data?.years ?? {})) {
    years[Number(year)] = { offDays: y.offDays.map((d) => d.date), adjustedWorkdays: y.adjustedWorkdays.map((d) => d.date) };
  }
  return new WorkCalendar(years);
}
