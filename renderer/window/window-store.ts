import { create } from 'zustand';
import type {
  WindowActInput,
  WindowActResult,
  WindowApplicationView,
  WindowQueueEntry,
  WindowQueueResult,
  WindowState,
} from '../../src/contract';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';

export type Dialog = 'accept' | 'supplement' | 'reject' | 'special' | 'handout' | null;

/** What the last action said, for the banner (translated by the component). */
export type Outcome =
  | { kind: 'act'; action: WindowActInput['action'] | 'handout'; result: WindowActResult }
  | { kind: 'find'; reason: 'no-card' | 'bad-code' | 'none' }
  | { kind: 'info'; key: string; values?: Record<string, string | number> }
  | { kind: 'error'; message: string };

interface WindowStore {
  state: WindowState | null;
  queue: WindowQueueResult | null;
  /** Find results; null while the queue is shown. */
  found: WindowQueueEntry[] | null;
  /** The search behind `found`, run again after an action so the list shows the new state. */
  lastFind: { by: 'tracking'; text: string } | { by: 'card' } | null;
  cursor: number;
  view: WindowApplicationView | null;
  viewLoading: boolean;
  dialog: Dialog;
  busy: boolean;
  outcome: Outcome | null;
  setState(state: WindowState): void;
  refreshState(): Promise<void>;
  loadQueue(): Promise<void>;
  find(text: string): Promise<void>;
  findByCard(): Promise<void>;
  clearFind(): void;
  move(delta: number): void;
  open(applicationId: string): Promise<void>;
  reload(): Promise<void>;
  reveal(): Promise<void>;
  setDialog(dialog: Dialog): void;
  act(input: Omit<WindowActInput, 'applicationId' | 'expectedStatus'>): Promise<void>;
  handout(input: { method: 'collect' } | { method: 'mail'; mailTracking: string }): Promise<void>;
  setOutcome(outcome: Outcome | null): void;
  reset(): void;
}

export const useWindowStore = create<WindowStore>()((set, get) => {
  /** Runs a search; one hit opens at once. */
  const search = async (query: { by: 'tracking'; text: string } | { by: 'card' }) => {
    const answer = await api.call('window.find', query);
    if (answer.reason !== 'ok') return set({ outcome: { kind: 'find', reason: answer.reason } });
    set({
      found: answer.applications,
      lastFind: query,
      cursor: 0,
      outcome: answer.applications.length === 0 ? { kind: 'find', reason: 'none' } : null,
    });
    const only = answer.applications[0];
    if (answer.applications.length === 1 && only) await get().open(only.applicationId);
  };
  /** One action on the open application, at the status shown: the outcome for the banner, then the lists and the view again. */
  const perform = async (
    action: WindowActInput['action'] | 'handout',
    call: (target: {
      applicationId: string;
      expectedStatus: WindowApplicationView['status'];
    }) => Promise<WindowActResult>,
    closesDialog: (result: WindowActResult) => boolean,
  ) => {
    const view = get().view;
    if (!view || get().busy) return;
    set({ busy: true });
    try {
      const result = await call({ applicationId: view.applicationId, expectedStatus: view.status });
      set({ outcome: { kind: 'act', action, result }, ...(closesDialog(result) ? { dialog: null } : {}) });
      await get().reload();
    } catch (error) {
      set({ outcome: { kind: 'error', message: errorMessage(error) } });
    } finally {
      set({ busy: false });
    }
  };
  return {
    state: null,
    queue: null,
    found: null,
    lastFind: null,
    cursor: 0,
    view: null,
    viewLoading: false,
    dialog: null,
    busy: false,
    outcome: null,

    setState: (state) => {
      const was = get().state;
      set({ state });
      // Signed out or a different person: nothing of the previous view stays on screen.
      if (!state.session || state.session.staffNumber !== was?.session?.staffNumber) get().reset();
    },
    refreshState: async () => get().setState(await api.call('window.state')),

    loadQueue: async () => {
      try {
        const queue = await api.call('window.queue');
        set((s) => ({ queue, cursor: Math.min(s.cursor, Math.max(0, queue.applications.length - 1)) }));
      } catch (error) {
        set({ outcome: { kind: 'error', message: errorMessage(error) } });
      }
    },

    find: async (text) => {
      if (!text.trim()) return;
      await search({ by: 'tracking', text });
    },

    findByCard: () => search({ by: 'card' }),

    clearFind: () => set({ found: null, lastFind: null, cursor: 0 }),

    move: (delta) => {
      const list = get().found ?? get().queue?.applications ?? [];
      if (list.length === 0) return;
      set((s) => ({ cursor: Math.max(0, Math.min(list.length - 1, s.cursor + delta)) }));
    },

    open: async (applicationId) => {
      // Another application closes any dialog; reloading the same one (after a refusal) keeps it open.
      set((s) => ({
        viewLoading: true,
        ...(s.view?.applicationId === applicationId ? {} : { dialog: null }),
      }));
      try {
        const view = await api.call('window.application', { applicationId });
        set({ view, viewLoading: false });
      } catch (error) {
        set({ viewLoading: false, outcome: { kind: 'error', message: errorMessage(error) } });
      }
    },

    reload: async () => {
      const id = get().view?.applicationId;
      await get().loadQueue();
      const last = get().lastFind;
      if (last) {
        const again = await api.call('window.find', last).catch(() => null);
        if (again?.reason === 'ok') set({ found: again.applications });
      }
      if (id) await get().open(id);
    },

    reveal: async () => {
      const id = get().view?.applicationId;
      if (!id) return;
      try {
        set({ view: await api.call('window.reveal', { applicationId: id }) });
      } catch (error) {
        set({ outcome: { kind: 'error', message: errorMessage(error) } });
      }
    },

    setDialog: (dialog) => set({ dialog, ...(dialog ? { outcome: null } : {}) }),

    act: (input) =>
      perform(
        input.action,
        (target) => api.call('window.act', { ...input, ...target }),
        () => true,
      ),

    // A refused hand-out (wrong person) keeps the dialog open to try again.
    handout: (input) =>
      perform(
        'handout',
        (target) => api.call('window.handout', { ...input, ...target }),
        (result) => result.outcome === 'done',
      ),

    setOutcome: (outcome) => set({ outcome }),

    reset: () =>
      set({
        queue: null,
        found: null,
        lastFind: null,
        cursor: 0,
        view: null,
        dialog: null,
        outcome: null,
        busy: false,
      }),
  };
});
