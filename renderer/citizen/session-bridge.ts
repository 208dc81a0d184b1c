// Wires the citizen flow to the terminal: a touch on the attract screen opens a privileged-side session,
// every wipe (goodbye, idle, finish) ends it; card and scanner events go to the step that is waiting for them.
import { api } from '../api/client';
import { useAttractStore } from '../stores/attract-store';
import { DEFAULT_IDLE } from '../stores/idle-store';
import { registerSessionReset } from '../stores/session-reset';
import { useSystemStore } from '../stores/system-store';
import { useApplicationStore, useProgressStore } from './application';
import { APPLICATION_STEPS, useFlowStore } from './flow-store';

declare global {
  interface Window {
    /** Simulated profile only: the citizen stores as JSON, for the end-to-end wipe checks. */
    __citizenState?: () => string;
  }
}

let wired = false;

function exposeStateForSimulation(): void {
  if (useSystemStore.getState().info?.devices !== 'simulated' || window.__citizenState) return;
  window.__citizenState = () =>
    JSON.stringify({ flow: useFlowStore.getState(), application: useApplicationStore.getState(), progress: useProgressStore.getState(), attract: useAttractStore.getState() });
}

export function connectCitizenSession(): void {
  if (wired) return;
  wired = true;
  // Idle timings: the start option (tests use short ones) wins; otherwise the technician's setting.
  const fromIdentity = (seconds: number) => ({ idleMs: seconds * 1000, warningMs: DEFAULT_IDLE.warningMs });
  const applyTimings = () => {
    const info = useSystemStore.getState().info;
    if (!info) return;
    if (info.idle) return useFlowStore.getState().setIdleTimings(info.idle);
    void api.call('terminal.identity').then(
      (identity) => useFlowStore.getState().setIdleTimings(fromIdentity(identity.idleTimeoutSeconds)),
      () => undefined,
    );
  };
  applyTimings();
  exposeStateForSimulation();
  useSystemStore.subscribe((s, prev) => {
    if (s.info === prev.info) return;
    applyTimings();
    exposeStateForSimulation();
  });
  api.on('terminal.identity', (identity) => {
    if (!useSystemStore.getState().info?.idle) useFlowStore.getState().setIdleTimings(fromIdentity(identity.idleTimeoutSeconds));
  });
  useFlowStore.subscribe((s, prev) => {
    if (prev.step === 'attract' && s.step !== 'attract') void api.call('session.begin').catch(() => undefined);
    if (s.step === 'identify' && prev.step !== 'identify') void useApplicationStore.getState().cardPlaced();
    if (s.step === 'progress' && prev.step !== 'progress') void useProgressStore.getState().byCard(true);
  });
  registerSessionReset(() => {
    void api.call('session.end').catch(() => undefined);
  });
  api.on('idcard.inserted', () => {
    const { step } = useFlowStore.getState();
    if (step === 'identify') void useApplicationStore.getState().cardPlaced();
    else if (step === 'progress') void useProgressStore.getState().byCard(false);
    if (APPLICATION_STEPS.includes(step)) useApplicationStore.getState().setCardRemoved(false);
  });
  api.on('idcard.removed', () => {
    if (APPLICATION_STEPS.includes(useFlowStore.getState().step)) useApplicationStore.getState().setCardRemoved(true);
  });
  api.on('scan', ({ text }) => {
    const flow = useFlowStore.getState();
    if (flow.step === 'home') flow.openProgress();
    if (useFlowStore.getState().step === 'progress') void useProgressStore.getState().byCode(text);
  });
}
