import { create } from 'zustand';
import { useIdleStore } from '../stores/idle-store';
import { idleTimingsFor, usePreferencesStore } from '../stores/preferences-store';
import { registerSessionReset, wipeSession } from '../stores/session-reset';

export type Step = 'attract' | 'home' | 'search' | 'guide';

export interface Selection {
  kind: 'item' | 'bundle';
  id: string;
}

interface FlowState {
  step: Step;
  /** Where "back" goes; the attract screen is never on it. */
  history: Step[];
  selection: Selection | null;
  /** A citizen touched the attract screen: a session begins. */
  begin(): void;
  openSearch(): void;
  openGuide(selection: Selection): void;
  back(): void;
  goHome(): void;
  /** The person is done (or walked away): wipe everything and return to the attract screen. */
  finish(): void;
  reset(): void;
}

/**
 * The citizen journey as an explicit step machine. Components render `step`; only these actions move it,
 * so every transition is unit-tested without the DOM.
 */
export const useFlowStore = create<FlowState>()((set, get) => {
  const go = (step: Step, patch: Partial<FlowState> = {}) => {
    const { step: from, history } = get();
    set({ step, history: from === 'attract' ? [] : [...history, from], ...patch });
  };
  return {
    step: 'attract',
    history: [],
    selection: null,
    begin() {
      if (get().step !== 'attract') return;
      set({ step: 'home', history: [] });
      useIdleStore.getState().start(idleTimingsFor(usePreferencesStore.getState().elderly));
    },
    openSearch() {
      if (get().step === 'attract') return;
      go('search');
    },
    openGuide(selection) {
      if (get().step === 'attract') return;
      go('guide', { selection });
    },
    back() {
      const history = [...get().history];
      const previous = history.pop();
      set({ step: previous ?? 'home', history });
    },
    goHome() {
      if (get().step === 'attract') return;
      set({ step: 'home', history: [], selection: null });
    },
    finish() {
      wipeSession();
    },
    reset() {
      useIdleStore.getState().stop();
      set({ step: 'attract', history: [], selection: null });
    },
  };
});

registerSessionReset(() => useFlowStore.getState().reset());
