import { describe, expect, it } from 'vitest';
import { syncView } from './sync-view';

const state = (over: Partial<Parameters<typeof syncView>[0]> = {}) => ({
  phase: 'idle' as const,
  pending: 0,
  oldestPendingAgeMs: null,
  deadLetters: 0,
  lastSuccessAt: null,
  lastError: null,
  reauth: null,
  ...over,
});

describe('syncView', () => {
  it('says synced, waiting, syncing, offline, re-enrol or local-only', () => {
    expect(syncView(state())).toMatchObject({ tone: 'ok', phaseKey: 'synced' });
    expect(syncView(state({ pending: 3, oldestPendingAgeMs: 30_000 }))).toMatchObject({ tone: 'busy', phaseKey: 'waiting', pending: 3, waitingMinutes: null });
    expect(syncView(state({ phase: 'syncing', pending: 3 }))).toMatchObject({ tone: 'busy', phaseKey: 'syncing' });
    expect(syncView(state({ phase: 'backoff', pending: 7, oldestPendingAgeMs: 3_600_000 }))).toMatchObject({ tone: 'warn', phaseKey: 'offline', waitingMinutes: 60 });
    expect(syncView(state({ phase: 'reauth' }))).toMatchObject({ tone: 'error', phaseKey: 'reauth' });
    expect(syncView(state({ phase: 'off', pending: 2 }))).toMatchObject({ tone: 'off', phaseKey: 'local', pending: 2 });
    expect(syncView(state({ deadLetters: 1 }))).toMatchObject({ tone: 'warn', deadLetters: 1 });
  });
});
