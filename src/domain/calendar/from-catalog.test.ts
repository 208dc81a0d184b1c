import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WorkCalendarData } from '../catalog/schema';
import { SHIPPED_HOLIDAYS } from './holidays';
import { calendarFromCatalog } from './from-catalog';

const sample = JSON.parse(readFileSync(new URL('../../../assets/catalog/sample-catalog.json', import.meta.url), 'utf8')) as {
  workCalendar: unknown;
};

describe('calendarFromCatalog', () => {
  it('the shipped holiday data agrees with the sample catalogue, year by year', () => {
    const data = WorkCalendarData.parse(sample.workCalendar);
    for (const [year, y] of Object.entries(data.years)) {
      const shipped = SHIPPED_HOLIDAYS[Number(year)];
      expect(shipped, `year ${year}`).toBeDefined();
      expect([...(shipped?.offDays ?? [])].sort()).toEqual(y.offDays.map((d) => d.date).sort());
      expect([...(shipped?.adjustedWorkdays ?? [])].sort()).toEqual(y.adjustedWorkdays.map((d) => d.date).sort());
    }
  });
  it('synced years win over catalogue and shipped years; local overrides apply', () => {
    const cal = calendarFromCatalog(
      { years: {}, localOverrides: [{ date: '2026-03-03', working: false, name: '三月三' }] },
      { 2026: { offDays: ['2026-03-02'], adjustedWorkdays: [] } },
    );
    expect(cal.isWorkingDay('2026-03-02')).toBe(false);
    expect(cal.isWorkingDay('2026-03-03')).toBe(false);
    expect(cal.isWorkingDay('2026-02-16')).toBe(true); // the synced 2026 replaced the shipped one
  });
  it('a catalogue year is used when the app has none', () => {
    const cal = calendarFromCatalog({ years: { '2030': { offDays: [{ date: '2030-01-01', name: '元旦' }], adjustedWorkdays: [] } } });
    expect(cal.hasYear(2030)).toBe(true);
    expect(cal.isWorkingDay('2030-01-01')).toBe(false);
    expect(cal.hasYear(2025)).toBe(true);
  });
});
