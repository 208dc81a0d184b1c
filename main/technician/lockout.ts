// Lockout after wrong technician PINs, as pure functions of a small persisted state: five failures lock
// the console for five minutes; the lock outlives a restart because the state is stored.
import { z } from 'zod';

export const MAX_FAILURES = 5;
export const LOCK_MS = 5 * 60_000;

export const LockoutState = z.object({ failures: z.number().int().min(0), lockedUntil: z.string().nullable() });
export type LockoutState = z.infer<typeof LockoutState>;

export const UNLOCKED: LockoutState = { failures: 0, lockedUntil: null };

/** A lock whose time has passed is gone; failures start again from zero. */
export function current(state: LockoutState, now: Date): LockoutState {
  if (state.lockedUntil !== null && Date.parse(state.lockedUntil) <= now.getTime()) return UNLOCKED;
  return state;
}

export function lockedUntil(state: LockoutState, now: Date): string | null {
  return current(state, now).lockedUntil;
}

export function attemptsLeft(state: LockoutState, now: Date): number {
  const s = current(state, now);
  return s.lockedUntil !== null ? 0 : Math.max(0, MAX_FAILURES - s.failures);
}

export function afterFailure(state: LockoutState, now: Date): LockoutState {
  const s = current(state, now);
  if (s.lockedUntil !== null) return s;
  const failures = s.failures + 1;
  return failures >= MAX_FAILURES ? { failures, lockedUntil: new Date(now.getTime() + LOCK_MS).toISOString() } : { failures, lockedUntil: null };
}

/** Reads a stored state; anything unreadable counts as locked for the full time, never as unlocked. */
export function parseLockout(json: string | null, now: Date): LockoutState {
  if (json === null) return UNLOCKED;
  try {
    const parsed = LockoutState.safeParse(JSON.parse(json));
    if (parsed.success && (parsed.data.lockedUntil === null || Number.isFinite(Date.parse(parsed.data.lockedUntil)))) return parsed.data;
  } catch {
    // fall through
  }
  return { failures: MAX_FAILURES, lockedUntil: new Date(now.getTime() + LOCK_MS).toISOString() };
}
