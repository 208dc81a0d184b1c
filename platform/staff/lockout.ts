// Sign-in lockout: five wrong PINs lock the staff number for five minutes. While locked, attempts are
// refused without looking at the PIN and are not counted (so a lock cannot be extended by an attacker).

export const MAX_FAILURES = 5;
export const LOCK_MS = 5 * 60_000;

export interface LockoutState {
  readonly failures: number;
  /** Epoch ms; null when not locked. */
  readonly lockedUntil: number | null;
}

export function isLocked(state: LockoutState, now: number): boolean {
  return state.lockedUntil !== null && state.lockedUntil > now;
}

/** The state after one more wrong PIN; the fifth locks and starts the count again. */
export function afterFailure(state: LockoutState, now: number): LockoutState {
  // A lock that has run out starts the count again (callers refuse attempts while it runs).
  const failures = (state.lockedUntil !== null ? 0 : state.failures) + 1;
  return failures >= MAX_FAILURES ? { failures: 0, lockedUntil: now + LOCK_MS } : { failures, lockedUntil: null };
}

/** Attempts left before the lock, for the sign-in screen. */
export function attemptsLeft(state: LockoutState): number {
  return Math.max(0, MAX_FAILURES - state.failures);
}
