import { create } from 'zustand';
import { useIdleStore } from '../stores/idle-store';
import type { IdleTimings } from '../stores/idle-store';
import { idleTimingsFor, usePreferencesStore } from '../stores/preferences-store';
import { registerSessionReset, wipeSession } from '../stores/session-reset';

export type Step =
  | 'attract'
  | 'home'
  | 'search'
  | 'guide'
  | 'progress'
  | 'identify'
  | 'form'
  | 'materials'
  | 'precheck'
  | 'review'
  | 'submitted'
  | 'rate'
  | 'goodbye';

/** Steps of an application in progress: leaving them loses what was entered, so it is confirmed first. */
export const APPLICATION_STEPS: readonly Step[] = ['identify', 'form', 'materials', 'precheck', 'review'];

/**
 * Every move inside an application, and nothing else: the journey guide → identify → form → materials →
 * pre-check → review → submitted → rate → goodbye, plus the ways back to fix something.
 */
export const TRANSITIONS: Readonly<Partial<Record<Step, readonly Step[]>>> = {
  guide: ['identify'],
  identify: ['form'],
  form: ['identify', 'materials', 'review'],
  materials: ['form', 'precheck'],
  precheck: ['form', 'materials', 'review', 'goodbye'],
  review: ['form', 'materials', 'precheck', 'submitted'],
  submitted: ['rate', 'goodbye'],
  rate: ['goodbye'],
};

/** Where the back button of a step goes (the form's own pages are handled by the application store). */
const BACK: Readonly<Partial<Record<Step, Step>>> = { identify: 'guide', form: 'identify', materials: 'form', precheck: 'materials', review: 'precheck' };

export interface Selection {
  kind: 'item' | 'bundle';
  id: string;
}

export type LeaveTarget = 'home' | 'finish' | 'guide';

interface FlowState {
  step: Step;
  /** Where "back" goes outside an application; the attract screen is never on it. */
  history: Step[];
  selection: Selection | null;
  /** Set while "you will lose what you entered" is asked. */
  leaving: LeaveTarget | null;
  /** Idle timings from the terminal's configuration (tests use short ones); elderly mode doubles them. */
  idle: IdleTimings | null;
  /** A citizen touched the attract screen: a session begins. */
  begin(): void;
  openSearch(): void;
  openGuide(selection: Selection): void;
  openProgress(): void;
  /** The big "start" of a guide. */
  startApplication(): void;
  /** One move of the application journey; false (and no move) when TRANSITIONS does not allow it. */
  go(to: Step): boolean;
  back(): void;
  goHome(): void;
  /** The person is done (or walked away): wipe everything and return to the attract screen. */
  finish(): void;
  confirmLeave(): void;
  stayHere(): void;
  setIdleTimings(timings: IdleTimings | null): void;
  reset(): void;
}

const abandonListeners = new Set<() => void>();

/** Told when the citizen confirms leaving an application in progress (its data must go). */
export function onApplicationAbandoned(listener: () => void): () => void {
  abandonListeners.add(listener);
  return () => abandonListeners.delete(listener);
}

function timingsFor(idle: IdleTimings | null, elderly: boolean): IdleTimings {
  if (!idle) return idleTimingsFor(elderly);
  return elderly ? { idleMs: idle.idleMs * 2, warningMs: Math.round(idle.warningMs * 1.5) } : idle;
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
  const inApplication = () => APPLICATION_STEPS.includes(get().step);
  const abandon = () => abandonListeners.forEach((l) => l());
  const leave = (target: LeaveTarget) => {
    set({ leaving: null });
    if (target === 'finish') {
      wipeSession();
      return;
    }
    if (APPLICATION_STEPS.includes(get().step)) abandon();
    if (target === 'guide') set({ step: 'guide', history: ['home'] });
    else set({ step: 'home', history: [], selection: null });
  };
  const ask = (target: LeaveTarget) => (inApplication() ? set({ leaving: target }) : leave(target));
  return {
    step: 'attract',
    history: [],
    selection: null,
    leaving: null,
    idle: null,
    begin() {
      if (get().step !== 'attract') return;
      set({ step: 'home', history: [] });
      useIdleStore.getState().start(timingsFor(get().idle, usePreferencesStore.getState().elderly));
    },
    openSearch() {
      if (get().step === 'attract') return;
      go('search');
    },
    openGuide(selection) {
      if (get().step === 'attract') return;
      go('guide', { selection });
    },
    openProgress() {
      if (get().step !== 'home') return;
      go('progress');
    },
    startApplication() {
      if (get().step !== 'guide' || !get().selection) return;
      set({ step: 'identify', history: ['home', 'guide'] });
    },
    go(to) {
      const from = get().step;
      if (!TRANSITIONS[from]?.includes(to)) return false;
      set({ step: to });
      return true;
    },
    back() {
      const { step } = get();
      const previous = BACK[step];
      if (previous === 'guide') return ask('guide');
      if (previous) return void set({ step: previous });
      if (step === 'submitted' || step === 'rate' || step === 'goodbye') return;
      const history = [...get().history];
      set({ step: history.pop() ?? 'home', history });
    },
    goHome() {
      if (get().step === 'attract') return;
      ask('home');
    },
    finish() {
      const { step } = get();
      if (step === 'submitted' || step === 'rate') return void set({ step: 'goodbye' });
      ask('finish');
    },
    confirmLeave() {
      const target = get().leaving;
      if (target) leave(target);
    },
    stayHere() {
      set({ leaving: null });
    },
    setIdleTimings(idle) {
      set({ idle });
    },
    reset() {
      useIdleStore.getState().stop();
      set({ step: 'attract', history: [], selection: null, leaving: null });
    },
  };
});

registerSessionReset(() => useFlowStore.getState().reset());

/** Elderly mode toggled mid-session: the watchdog takes the longer (or standard) timings at once. */
usePreferencesStore.subscribe((prefs, previous) => {
  if (prefs.elderly === previous.elderly || useIdleStore.getState().phase === 'off') return;
  useIdleStore.getState().start(timingsFor(useFlowStore.getState().idle, prefs.elderly));
});
