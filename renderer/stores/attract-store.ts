import { create } from 'zustand';
import type { IdCardSummary } from '../../src/contract';

export const DEFAULT_CARD_DISPLAY_MS = 10_000;

interface AttractState {
  /** The masked summary of the last card read, shown until it is cleared. */
  card: IdCardSummary | null;
  showCard(card: IdCardSummary, displayMs?: number): void;
  clear(): void;
}

let clearTimer: ReturnType<typeof setTimeout> | null = null;

function cancelTimer(): void {
  if (clearTimer !== null) clearTimeout(clearTimer);
  clearTimer = null;
}

/** The attract screen's state: a read card is shown (masked) and wiped after `displayMs`. */
export const useAttractStore = create<AttractState>()((set) => ({
  card: null,
  showCard(card, displayMs = DEFAULT_CARD_DISPLAY_MS) {
    cancelTimer();
    set({ card });
    clearTimer = setTimeout(() => {
      clearTimer = null;
      set({ card: null });
    }, displayMs);
  },
  clear() {
    cancelTimer();
    set({ card: null });
  },
}));
