import { describe, expect, it } from 'vitest';
import { DEFAULT_IDLE, ELDERLY_IDLE } from './idle-store';
import { idleTimingsFor, usePreferencesStore } from './preferences-store';
import { wipeSession } from './session-reset';

describe('preferences', () => {
  it('toggles elderly mode and speech, and a wiped session starts from the defaults', () => {
    usePreferencesStore.getState().toggleElderly();
    usePreferencesStore.getState().toggleSpeech();
    expect(usePreferencesStore.getState()).toMatchObject({ elderly: true, speech: true });
    wipeSession();
    expect(usePreferencesStore.getState()).toMatchObject({ elderly: false, speech: false });
  });

  it('gives elderly mode longer timeouts', () => {
    expect(idleTimingsFor(true)).toBe(ELDERLY_IDLE);
    expect(idleTimingsFor(false)).toBe(DEFAULT_IDLE);
    expect(ELDERLY_IDLE.idleMs).toBeGreaterThan(DEFAULT_IDLE.idleMs);
  });
});
