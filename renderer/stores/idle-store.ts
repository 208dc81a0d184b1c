import { create } from 'zustand';
import { wipeSession } from './session-reset';

export interface IdleTimings {
  /** Quiet time before the "are you still there?" countdown. */
  idleMs: number;
  /** Length of the countdown before the session is wiped (WCAG 2.2.1 asks for at least 20 s to respond). */
  warningMs: number;
}

export const DEFAULT_IDLE: IdleTimings = { idleMs: 60_000, warningMs: 20_000 };
/** Elderly mode doubles the time to act. */
export const ELDERLY_IDLE: IdleTimings = { idleMs: 120_000, warningMs: 30_000 };

type Phase = 'off' | 'active' | 'warning';

interface IdleState {
  phase: Phase;
  /** When the countdown ends (epoch ms), during `warning`. */
  deadline: number | null;
  timings: IdleTimings;
  /** A citizen session started: watch for inactivity. */
  start(timings?: IdleTimings): void;
  /** Any touch, key or card event. */
  activity(): void;
  /** "I need more time". */
  extend(): void;
  /** The session ended normally; stop watching. */
  stop(): void;
}

let timer: ReturnType<typeof setTimeout> | null = null;

function clearTimer(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
}

/** Idle watchdog of a citizen session: active → warning (countdown) → wipe, as an explicit step machine. */
export const useIdleStore = create<IdleState>()((set, get) => {
  const arm = () => {
    clearTimer();
    const { timings } = get();
    set({ phase: 'active', deadline: null });
    timer = setTimeout(() => {
      set({ phase: 'warning', deadline: Date.now() + timings.warningMs });
      timer = setTimeout(() => {
        timer = null;
        set({ phase: 'off', deadline: null });
        wipeSession();
      }, timings.warningMs);
    }, timings.idleMs);
  };
  return {
    phase: 'off',
    deadline: null,
    timings: DEFAULT_IDLE,
    start(timings = get().timings) {
      set({ timings });
      arm();
    },
    activity() {
      // Touches during the countdown do not dismiss it: the person must answer the question.
      if (get().phase === 'active') arm();
    },
    extend() {
      if (get().phase !== 'off') arm();
    },
    stop() {
      clearTimer();
      set({ phase: 'off', deadline: null });
    },
  };
});
