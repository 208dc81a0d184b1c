import { describe, expect, it } from 'vitest';
import { afterFailure, attemptsLeft, isLocked, LOCK_MS, MAX_FAILURES } from './lockout';
import type { LockoutState } from './lockout';

describe('sign-in lockout', () => {
  it('locks for five minutes on the fifth wrong PIN', () => {
    let state: LockoutState = { failures: 0, lockedUntil: null };
    const t0 = 1_000_000;
    for (let i = 1; i < MAX_FAILURES; i += 1) {
      state = afterFailure(state, t0 + i);
      expect(isLocked(state, t0 + i)).toBe(false);
      expect(attemptsLeft(state)).toBe(MAX_FAILURES - i);
    }
    state = afterFailure(state, t0 + 10);
    expect(state).toEqual({ failures: 0, lockedUntil: t0 + 10 + LOCK_MS });
    expect(isLocked(state, t0 + 10 + LOCK_MS - 1)).toBe(true);
    expect(isLocked(state, t0 + 10 + LOCK_MS)).toBe(false);
  });

  it('after the lock expires the count starts again from one', () => {
    const expired: LockoutState = { failures: 0, lockedUntil: 5 };
    expect(afterFailure(expired, 10)).toEqual({ failures: 1, lockedUntil: null });
  });
});
