// What the sync badge says, as a pure function of the sync state (unit-tested without a DOM).
import type { SyncState } from '../../src/contract';

export type SyncTone = 'ok' | 'busy' | 'warn' | 'error' | 'off';

export interface SyncView {
  tone: SyncTone;
  /** i18n key under `sync.phase`. */
  phaseKey: string;
  pending: number;
  /** Whole minutes the oldest pending record has waited, when it is worth saying (≥ 1). */
  waitingMinutes: number | null;
  deadLetters: number;
}

export function syncView(state: SyncState): SyncView {
  const waitingMinutes = state.oldestPendingAgeMs === null ? null : Math.floor(state.oldestPendingAgeMs / 60_000);
  const base = { pending: state.pending, waitingMinutes: waitingMinutes !== null && waitingMinutes >= 1 ? waitingMinutes : null, deadLetters: state.deadLetters };
  switch (state.phase) {
    case 'idle':
      return { ...base, tone: state.deadLetters > 0 ? 'warn' : state.pending > 0 ? 'busy' : 'ok', phaseKey: state.pending > 0 ? 'waiting' : 'synced' };
    case 'syncing':
      return { ...base, tone: 'busy', phaseKey: 'syncing' };
    case 'backoff':
      return { ...base, tone: 'warn', phaseKey: 'offline' };
    case 'reauth':
      return { ...base, tone: 'error', phaseKey: 'reauth' };
    case 'unenrolled':
      return { ...base, tone: 'warn', phaseKey: 'unenrolled' };
    case 'off':
    case 'stopped':
      return { ...base, tone: 'off', phaseKey: 'local' };
  }
}
