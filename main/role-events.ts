// What each page may hear of an event. Ratings are the citizen's: the level chosen on the customer-facing
// screen (or preset by the hardware pad) reaches only the customer page; the window workstation — staff —
// and every other page hear that a rating request ended, never how it was rated (issue 9: staff cannot see
// a rating before it is synced). Both shells (main/web/server.ts, main/electron/ipc.ts) deliver events
// through this function; a page of unknown role gets the most restricted payload.
import type { EventName, WindowRole } from '../src/contract';

/** Roles that may see a rating level in events and answers. */
const RATING_ROLES: ReadonlySet<WindowRole> = new Set(['customer']);

export function seesRatingLevel(role: WindowRole | null): boolean {
  return role !== null && RATING_ROLES.has(role);
}

function without<T extends object>(payload: T, key: string): T {
  if (!(key in payload)) return payload;
  return Object.fromEntries(Object.entries(payload).filter(([k]) => k !== key)) as T;
}

/** The payload of `name` as a page of `role` receives it. */
export function eventForRole(role: WindowRole | null, name: EventName, payload: unknown): unknown {
  if (typeof payload !== 'object' || payload === null || seesRatingLevel(role)) return payload;
  if (name === 'evaluation.finished') return without(payload, 'level');
  if (name === 'evaluation.requested') return without(payload, 'presetLevel');
  return payload;
}

/** A pending rating request as a page of `role` may see it (the pad's preset level is the citizen's). */
export function requestForRole<T extends object>(role: WindowRole | null, request: T | null): T | null {
  if (request === null || seesRatingLevel(role)) return request;
  return without(request, 'presetLevel');
}
