// 查询进度 on screen: the answer for the card on the reader or the receipt code scanned. The terminal
// decides whose applications these are; the store only keeps the latest answer and forgets it on a wipe.
import { create } from 'zustand';
import { errorMessage } from '../api/error-message';
import type { ContractClient, ProgressEntry } from '../../src/contract';
import { registerSessionReset } from '../stores/session-reset';

export interface ProgressState {
  by: 'card' | 'code' | null;
  entries: ProgressEntry[] | null;
  problem: string | null;
  busy: boolean;
  byCard(silent: boolean): Promise<void>;
  byCode(text: string): Promise<void>;
  reset(): void;
}

export function createProgressStore({ call }: { call: ContractClient['call'] }) {
  let request = 0;
  const store = create<ProgressState>()((set) => {
    const ask = async (by: 'card' | 'code', input: { by: 'card' } | { by: 'code'; text: string }, silent: boolean) => {
      const mine = ++request;
      set({ busy: true, ...(silent ? {} : { problem: null }) });
      try {
        const { applications } = await call('application.progress', input);
        if (mine === request) set({ by, entries: applications, problem: null });
      } catch (error) {
        if (mine === request && !silent) set({ problem: errorMessage(error), entries: null, by: null });
      } finally {
        if (mine === request) set({ busy: false });
      }
    };
    return {
      by: null,
      entries: null,
      problem: null,
      busy: false,
      byCard: (silent) => ask('card', { by: 'card' }, silent),
      byCode: (text) => ask('code', { by: 'code', text }, false),
      reset() {
        request += 1;
        set({ by: null, entries: null, problem: null, busy: false });
      },
    };
  });
  registerSessionReset(() => store.getState().reset());
  return store;
}
