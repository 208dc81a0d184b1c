import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_IDLE, useIdleStore } from '../stores/idle-store';
import { useFlowStore } from './flow-store';

describe('citizen flow step machine', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    useFlowStore.getState().finish();
    vi.useRealTimers();
  });

  it('starts at the attract screen and ignores navigation until a session begins', () => {
    const flow = useFlowStore.getState();
    expect(flow.step).toBe('attract');
    flow.openGuide({ kind: 'item', id: 'x' });
    flow.openSearch();
    expect(useFlowStore.getState().step).toBe('attract');
  });

  it('begins a session on touch and arms the idle watchdog', () => {
    useFlowStore.getState().begin();
    expect(useFlowStore.getState().step).toBe('home');
    expect(useIdleStore.getState().phase).toBe('active');
  });

  it('goes home → search → guide and back again', () => {
    const flow = useFlowStore.getState();
    flow.begin();
    flow.openSearch();
    flow.openGuide({ kind: 'bundle', id: 'b1' });
    expect(useFlowStore.getState()).toMatchObject({ step: 'guide', selection: { kind: 'bundle', id: 'b1' }, history: ['home', 'search'] });
    flow.back();
    expect(useFlowStore.getState().step).toBe('search');
    flow.back();
    expect(useFlowStore.getState().step).toBe('home');
    flow.back();
    expect(useFlowStore.getState().step).toBe('home');
  });

  it('home clears the selection and the history', () => {
    const flow = useFlowStore.getState();
    flow.begin();
    flow.openGuide({ kind: 'item', id: 'i1' });
    flow.goHome();
    expect(useFlowStore.getState()).toMatchObject({ step: 'home', history: [], selection: null });
  });

  it('an idle timeout wipes the session back to the attract screen', () => {
    const flow = useFlowStore.getState();
    flow.begin();
    flow.openGuide({ kind: 'item', id: 'i1' });
    vi.advanceTimersByTime(DEFAULT_IDLE.idleMs + DEFAULT_IDLE.warningMs);
    expect(useFlowStore.getState()).toMatchObject({ step: 'attract', selection: null, history: [] });
    expect(useIdleStore.getState().phase).toBe('off');
  });

  it('finishing wipes the session and stops the watchdog', () => {
    const flow = useFlowStore.getState();
    flow.begin();
    flow.finish();
    expect(useFlowStore.getState().step).toBe('attract');
    expect(useIdleStore.getState().phase).toBe('off');
  });
});
