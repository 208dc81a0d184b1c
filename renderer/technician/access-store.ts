import { create } from 'zustand';
import type { TechnicianStatus } from '../../src/contract';
import { api, pageRole } from '../api/client';
import { afterUnlock, noticeFor, ticketFromHash } from './access';
import type { PinNotice } from './access';

interface AccessState {
  /** The PIN pad (or, unlocked, the console) is showing over a kiosk or window page. */
  open: boolean;
  unlocked: boolean;
  status: TechnicianStatus | null;
  notice: PinNotice | null;
  busy: boolean;
  show(): void;
  hide(): void;
  refresh(): Promise<void>;
  enter(pin: string): Promise<void>;
  /** The /technician page: take over the unlock made on the kiosk page. */
  resume(): Promise<void>;
  exit(): Promise<void>;
  /** A privileged call was refused or the status says the session ended. */
  ended(): void;
}

const electron = () => typeof window !== 'undefined' && window.kiosk !== undefined;

/** Technician access of this page: PIN entry, unlock, exit, session end. */
export const useAccessStore = create<AccessState>()((set, get) => ({
  open: false,
  unlocked: false,
  status: null,
  notice: null,
  busy: false,
  show: () => {
    set({ open: true, notice: null });
    void get().refresh();
  },
  hide: () => set({ open: false, notice: null }),
  async refresh() {
    try {
      const status = await api.call('technician.status');
      const wasUnlocked = get().unlocked;
      set({ status, unlocked: status.unlocked });
      if (wasUnlocked && !status.unlocked) get().ended();
    } catch {
      // The connection is down; the next refresh tries again.
    }
  },
  async enter(pin) {
    set({ busy: true, notice: null });
    try {
      const result = await api.call('technician.unlock', { pin });
      const notice = noticeFor(result);
      if (result.status !== 'unlocked') {
        set({ busy: false, notice });
        void get().refresh();
        return;
      }
      const next = afterUnlock(pageRole(), electron(), result.ticket);
      if (next.kind === 'navigate') {
        window.location.assign(next.url);
        return;
      }
      set({ busy: false, unlocked: true, notice: null });
      void get().refresh();
    } catch {
      set({ busy: false, notice: { key: 'failed' } });
    }
  },
  async resume() {
    const ticket = ticketFromHash(window.location.hash);
    if (!ticket) return;
    // The ticket is single-use: take it out of the address at once.
    window.history.replaceState(null, '', window.location.pathname);
    try {
      const { unlocked } = await api.call('technician.resume', { ticket });
      set({ unlocked });
    } finally {
      void get().refresh();
    }
  },
  async exit() {
    try {
      await api.call('technician.lock');
    } finally {
      set({ unlocked: false, open: false, notice: null });
      if (pageRole() === 'technician' && !electron()) window.location.assign('/');
    }
  },
  ended: () => set({ unlocked: false, notice: { key: 'expired' } }),
}));

/** Runs a privileged call; an UNAUTHENTICATED answer (session expired) sends the page back to the PIN pad. */
export async function privileged<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'UNAUTHENTICATED') useAccessStore.getState().ended();
    throw error;
  }
}
