// Checks a year of holiday data before it is stored (from sync or an operator): dates real and inside the
// year, no day both off and working, 调休 working days only on weekends.
import type { HolidayYear } from './holidays';
import { parseIsoDate } from './working-days';

export function checkHolidayYear(year: number, data: HolidayYear): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(year) || year < 2000 || year > 2100) problems.push(`year ${year} is out of range`);
  const off = new Set<string>();
  const check = (date: string, kind: string): boolean => {
    try {
      parseIsoDate(date);
    } catch {
      problems.push(`${kind} ${date} is not a real date`);
      return false;
    }
    if (!date.startsWith(`${year}-`)) {
      problems.push(`${kind} ${date} is not in ${year}`);
      return false;
    }
    return true;
  };
  for (const d of data.offDays) if (check(d, 'day off')) off.add(d);
  for (const d of data.adjustedWorkdays) {
    if (!check(d, 'working day')) continue;
    const dow = new Date(parseIsoDate(d)).getUTCDay();
    if (dow !== 0 && dow !== 6) problems.push(`adjusted working day ${d} is not a Saturday or Sunday`);
    if (off.has(d)) problems.push(`${d} is both a day off and a working day`);
  }
  return problems;
}
