// A 一件事 application is one bundle instance with one 办件 per included member (each with its own code,
// department, clock and state). The bundle's own state is derived, never stored (domain.md §5.3):
// any member needing a supplement → the bundle needs one; all members 办结 → the bundle is 办结.
import type { ApplicationState } from './state-machine';

export type BundleState =
  | 'submitted'
  | 'inProgress'
  | 'needsSupplement'
  | 'completed'
  | 'partlyCompleted'
  | 'notGranted'
  | 'delivered'
  | 'withdrawn';

const DONE_OK: ReadonlySet<ApplicationState> = new Set(['decided', 'resultReady', 'delivered']);
const DONE_NOT: ReadonlySet<ApplicationState> = new Set(['rejected', 'returned', 'terminated']);
const GONE: ReadonlySet<ApplicationState> = new Set(['withdrawn', 'abandoned']);
const WAITING: ReadonlySet<ApplicationState> = new Set(['draft', 'submitted', 'prechecked']);

export function deriveBundleState(members: readonly ApplicationState[]): BundleState {
  const live = members.filter((s) => !GONE.has(s));
  if (live.length === 0) return 'withdrawn';
  if (live.some((s) => s === 'supplementRequired' || s === 'precheckReturned')) return 'needsSupplement';
  if (live.every((s) => DONE_OK.has(s) || DONE_NOT.has(s))) {
    const ok = live.filter((s) => DONE_OK.has(s));
    if (ok.length === 0) return 'notGranted';
    if (ok.length < live.length) return 'partlyCompleted';
    return live.every((s) => s === 'delivered') ? 'delivered' : 'completed';
  }
  return live.every((s) => WAITING.has(s)) ? 'submitted' : 'inProgress';
}
