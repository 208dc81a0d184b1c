import { useEffect } from 'react';
import { api } from '../api/client';
import { SignInScreen, LockScreen } from './SignInScreen';
import { Workstation } from './Workstation';
import { useWindowStore } from './window-store';
import './window.css';
import './window-detail.css';

const ACTIVITY_EVERY_MS = 10_000;

/** The staff window workstation (profile `window`): sign-in, then the queue, the application and the actions. */
export function WindowApp() {
  const state = useWindowStore((s) => s.state);

  useEffect(() => {
    const store = useWindowStore.getState();
    void store.refreshState().catch(() => undefined);
    let lastPing = 0;
    const ping = () => {
      const now = Date.now();
      const s = useWindowStore.getState().state;
      if (now - lastPing < ACTIVITY_EVERY_MS || !s?.session || s.locked) return;
      lastPing = now;
      void api.call('window.activity').catch(() => undefined);
    };
    window.addEventListener('keydown', ping, true);
    window.addEventListener('pointerdown', ping, true);
    const offs = [
      api.on('window.state', (next) => useWindowStore.getState().setState(next)),
      api.on('window.queueChanged', () => {
        const s = useWindowStore.getState();
        if (s.state?.session && !s.state.locked) void s.loadQueue();
      }),
      // A receipt QR scanned at the window opens that application.
      api.on('scan', ({ text }) => {
        const s = useWindowStore.getState();
        if (s.state?.session && !s.state.locked) void s.find(text);
      }),
    ];
    return () => {
      window.removeEventListener('keydown', ping, true);
      window.removeEventListener('pointerdown', ping, true);
      for (const off of offs) off();
    };
  }, []);

  if (!state) return <main className="window-app window-loading" />;
  if (!state.session) return <SignInScreen state={state} />;
  if (state.locked) return <LockScreen state={state} />;
  return <Workstation state={state} />;
}
