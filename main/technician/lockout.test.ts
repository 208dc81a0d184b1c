import { describe, expect, it } from 'vitest';
import { afterFailure, attemptsLeft, current, LOCK_MS, lockedUntil, parseLockout, UNLOCKED } from './lockout';

const t0 = new Date('2026-03-02T09:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('technician lockout', () => {
  it('five failures lock for five minutes, then it is unlocked with five attempts again', () => {
    let state = UNLOCKED;
    for (let i = 1; i <= 4; i += 1) {
      state = afterFailure(state, at(i * 1000));
      expect(lockedUntil(state, at(i * 1000))).toBeNull();
      expect(attemptsLeft(state, at(i * 1000))).toBe(5 - i);
    }
    state = afterFailure(state, at(5000));
    expect(lockedUntil(state, at(5000))).toBe(at(5000 + LOCK_MS).toISOString());
    expect(attemptsLeft(state, at(5000))).toBe(0);
    // Still locked one millisecond before the end; failures while locked do not extend it.
    expect(afterFailure(state, at(5000 + LOCK_MS - 1))).toEqual(state);
    expect(lockedUntil(state, at(5000 + LOCK_MS - 1))).not.toBeNull();
    expect(lockedUntil(state, at(5000 + LOCK_MS))).toBeNull();
    expect(current(state, at(5000 + LOCK_MS))).toEqual(UNLOCKED);
    expect(attemptsLeft(state, at(5000 + LOCK_MS))).toBe(5);
  });

  it('reads a stored state; an unreadable one counts as locked, never as unlocked', () => {
    const stored = JSON.stringify({ failures: 2, lockedUntil: null });
    expect(parseLockout(stored, t0)).toEqual({ failures: 2, lockedUntil: null });
    expect(parseLockout(null, t0)).toEqual(UNLOCKED);
    for (const bad of ['{', '{"failures":-1,"lockedUntil":null}', '{"failures":1,"lockedUntil":"soon"}']) {
      expect(lockedUntil(parseLockout(bad, t0), t0)).toBe(at(LOCK_MS).toISOString());
    }
  });
});
