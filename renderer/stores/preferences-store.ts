import { create } from 'zustand';
import { DEFAULT_IDLE, ELDERLY_IDLE } from './idle-store';
import type { IdleTimings } from './idle-store';
import { registerSessionReset } from './session-reset';

interface PreferencesState {
  /** 适老化: larger text, higher contrast, longer timeouts. */
  elderly: boolean;
  /** Spoken prompts (off by default; a hall is a shared space). */
  speech: boolean;
  toggleElderly(): void;
  toggleSpeech(): void;
  reset(): void;
}

/** Per-session display preferences; the next person starts from the defaults. */
export const usePreferencesStore = create<PreferencesState>()((set) => ({
  elderly: false,
  speech: false,
  toggleElderly: () => set((s) => ({ elderly: !s.elderly })),
  toggleSpeech: () => set((s) => ({ speech: !s.speech })),
  reset: () => set({ elderly: false, speech: false }),
}));

registerSessionReset(() => usePreferencesStore.getState().reset());

export function idleTimingsFor(elderly: boolean): IdleTimings {
  return elderly ? ELDERLY_IDLE : DEFAULT_IDLE;
}

/** Mirrors the preferences onto <html> so CSS can scale type and raise contrast. */
export function applyPreferencesToDocument(root: HTMLElement = document.documentElement): () => void {
  const apply = ({ elderly }: { elderly: boolean }) => {
    if (elderly) root.dataset.elderly = 'true';
    else delete root.dataset.elderly;
  };
  apply(usePreferencesStore.getState());
  return usePreferencesStore.subscribe(apply);
}
