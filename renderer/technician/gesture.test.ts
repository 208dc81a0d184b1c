import { describe, expect, it } from 'vitest';
import { createTapCounter } from './gesture';

const run = (times: number[]) => {
  const counter = createTapCounter();
  return times.map((t) => counter.tap(t));
};

describe('technician gesture (5 taps in 3 s)', () => {
  it('opens on the fifth tap within three seconds', () => {
    expect(run([0, 300, 600, 900, 1200])).toEqual([false, false, false, false, true]);
    expect(run([0, 700, 1400, 2100, 2999]).at(-1)).toBe(true);
  });

  it('slow taps do not count', () => {
    expect(run([0, 800, 1600, 2400, 3200, 4000, 4800]).some(Boolean)).toBe(false);
    expect(run([0, 100, 200, 300, 3400]).some(Boolean)).toBe(false);
  });

  it('a tap that falls out of the window is forgotten; the newest five within 3 s still open it', () => {
    expect(run([0, 3100, 3200, 3300, 3400, 3500])).toEqual([false, false, false, false, false, true]);
  });

  it('starts counting again after opening, and after reset', () => {
    const counter = createTapCounter();
    for (const t of [0, 1, 2, 3]) counter.tap(t);
    expect(counter.tap(4)).toBe(true);
    expect(counter.tap(5)).toBe(false);
    counter.reset();
    for (const t of [6, 7, 8]) counter.tap(t);
    expect(counter.tap(9)).toBe(false);
  });
});
