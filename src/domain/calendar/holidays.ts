// Statutory holidays and 调休 working days announced by the State Council General Office each year.
//
// Honesty about provenance:
// - 2024 (国办发明电〔2023〕7号) and 2025 (国办发明电〔2024〕12号): these lists agree with my own knowledge of
//   the published notices and with the research notes (domain.md §8.2, holiday-cn snapshot).
// - 2026: taken from the research notes (holiday-cn snapshot of 2026-08, notice
//   gov.cn/zhengce/zhengceku/202511/content_7047091.htm); I could not check it against the notice text myself.
// - 2027 and later: not published when this was written. Dates in a missing year fall back to Monday–Friday
//   and every result says `provisional: true`. Sync (and the catalogue's workCalendar) can add years.

export interface HolidayYear {
  /** Days off that would otherwise be working days (weekdays), and holiday weekends, ISO dates. */
  readonly offDays: readonly string[];
  /** Saturdays/Sundays that are working days (调休上班). */
  readonly adjustedWorkdays: readonly string[];
}

function range(from: string, to: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

export const SHIPPED_HOLIDAYS: Readonly<Record<number, HolidayYear>> = {
  2024: {
    offDays: [
      '2024-01-01',
      ...range('2024-02-10', '2024-02-17'),
      ...range('2024-04-04', '2024-04-06'),
      ...range('2024-05-01', '2024-05-05'),
      '2024-06-10',
      ...range('2024-09-15', '2024-09-17'),
      ...range('2024-10-01', '2024-10-07'),
    ],
    adjustedWorkdays: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  2025: {
    offDays: [
      '2025-01-01',
      ...range('2025-01-28', '2025-02-04'),
      ...range('2025-04-04', '2025-04-06'),
      ...range('2025-05-01', '2025-05-05'),
      ...range('2025-05-31', '2025-06-02'),
      ...range('2025-10-01', '2025-10-08'),
    ],
    adjustedWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    offDays: [
      ...range('2026-01-01', '2026-01-03'),
      ...range('2026-02-15', '2026-02-23'),
      ...range('2026-04-04', '2026-04-06'),
      ...range('2026-05-01', '2026-05-05'),
      ...range('2026-06-19', '2026-06-21'),
      ...range('2026-09-25', '2026-09-27'),
      ...range('2026-10-01', '2026-10-07'),
    ],
    adjustedWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};
