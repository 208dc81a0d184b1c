import { describe, expect, it } from 'vitest';
import { formatTrackingNumber, parseTrackingNumber } from './tracking-number';

describe('tracking numbers', () => {
  const number = formatTrackingNumber({ hallCode: 'QX01', date: '2026-11-23', sequence: 42 });

  it('has hall code, date, sequence and a check character', () => {
    expect(number).toMatch(/^QX012026112300042[0-9A-Z]$/);
    expect(parseTrackingNumber(number)).toEqual({ hallCode: 'QX01', date: '2026-11-23', sequence: 42 });
    expect(parseTrackingNumber(` ${number.toLowerCase()} `)).not.toBeNull();
  });

  it('detects every single-character substitution', () => {
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (let i = 0; i < number.length; i += 1) {
      for (const c of alphabet) {
        if (c === number[i]) continue;
        const typo = number.slice(0, i) + c + number.slice(i + 1);
        expect(parseTrackingNumber(typo), typo).toBeNull();
      }
    }
  });

  it('detects swaps of adjacent characters', () => {
    for (let i = 0; i < number.length - 1; i += 1) {
      if (number[i] === number[i + 1]) continue;
      const swapped = number.slice(0, i) + number[i + 1] + number[i] + number.slice(i + 2);
      expect(parseTrackingNumber(swapped), swapped).toBeNull();
    }
  });

  it('refuses bad parts', () => {
    expect(() => formatTrackingNumber({ hallCode: 'qx', date: '2026-11-23', sequence: 1 })).toThrow(RangeError);
    expect(() => formatTrackingNumber({ hallCode: 'QX01', date: '2026-11-23', sequence: 100_000 })).toThrow(RangeError);
    expect(parseTrackingNumber('')).toBeNull();
    expect(parseTrackingNumber('QX01-2026')).toBeNull();
  });
});
