import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_IDLE, useIdleStore } from '../stores/idle-store';
import { usePreferencesStore } from '../stores/preferences-store';
import { onApplicationAbandoned, useFlowStore } from './flow-store';

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

describe('citizen flow: the application journey', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    useFlowStore.getState().reset();
    vi.useRealTimers();
  });

  const toGuide = () => {
    const flow = useFlowStore.getState();
    flow.begin();
    flow.openGuide({ kind: 'item', id: 'GA-03' });
    flow.startApplication();
  };

  it('walks guide → identify → form → materials → pre-check → review → submitted → rate → goodbye', () => {
    toGuide();
    const flow = useFlowStore.getState();
    expect(useFlowStore.getState().step).toBe('identify');
    for (const step of ['form', 'materials', 'precheck', 'review', 'submitted', 'rate', 'goodbye'] as const) {
      expect(flow.go(step)).toBe(true);
      expect(useFlowStore.getState().step).toBe(step);
    }
  });

  it('refuses moves the journey does not have (no submit before review, no way back after submitting)', () => {
    toGuide();
    const flow = useFlowStore.getState();
    expect(flow.go('submitted')).toBe(false);
    expect(flow.go('review')).toBe(false);
    expect(useFlowStore.getState().step).toBe('identify');
    flow.go('form');
    flow.go('materials');
    flow.go('precheck');
    flow.go('review');
    flow.go('submitted');
    expect(flow.go('review')).toBe(false);
    flow.back();
    expect(useFlowStore.getState().step).toBe('submitted');
  });

  it('pre-check can send the citizen back to fix the form or the materials, and review can change answers', () => {
    toGuide();
    const flow = useFlowStore.getState();
    flow.go('form');
    flow.go('materials');
    flow.go('precheck');
    expect(flow.go('form')).toBe(true);
    expect(flow.go('review')).toBe(true);
    expect(flow.go('materials')).toBe(true);
    flow.back();
    expect(useFlowStore.getState().step).toBe('form');
  });

  it('asks before home, back out of the application or finish would lose what was entered', () => {
    const abandoned = vi.fn();
    const off = onApplicationAbandoned(abandoned);
    toGuide();
    const flow = useFlowStore.getState();
    flow.go('form');
    flow.goHome();
    expect(useFlowStore.getState()).toMatchObject({ step: 'form', leaving: 'home' });
    flow.stayHere();
    expect(useFlowStore.getState()).toMatchObject({ step: 'form', leaving: null });
    expect(abandoned).not.toHaveBeenCalled();
    flow.finish();
    expect(useFlowStore.getState().leaving).toBe('finish');
    flow.stayHere();
    flow.back();
    flow.back();
    expect(useFlowStore.getState()).toMatchObject({ step: 'identify', leaving: 'guide' });
    flow.confirmLeave();
    expect(useFlowStore.getState()).toMatchObject({ step: 'guide', leaving: null });
    expect(abandoned).toHaveBeenCalledTimes(1);
    flow.startApplication();
    flow.goHome();
    flow.confirmLeave();
    expect(useFlowStore.getState()).toMatchObject({ step: 'home', selection: null });
    expect(abandoned).toHaveBeenCalledTimes(2);
    off();
  });

  it('finishing after submission says goodbye first; finishing there wipes the session', () => {
    toGuide();
    const flow = useFlowStore.getState();
    flow.go('form');
    flow.go('materials');
    flow.go('precheck');
    flow.go('review');
    flow.go('submitted');
    flow.finish();
    expect(useFlowStore.getState().step).toBe('goodbye');
    flow.finish();
    expect(useFlowStore.getState()).toMatchObject({ step: 'attract', selection: null });
  });

  it('opens the progress query from home only', () => {
    const flow = useFlowStore.getState();
    flow.openProgress();
    expect(useFlowStore.getState().step).toBe('attract');
    flow.begin();
    flow.openProgress();
    expect(useFlowStore.getState().step).toBe('progress');
    flow.back();
    expect(useFlowStore.getState().step).toBe('home');
  });

  it('uses the configured idle timings, longer in elderly mode, also when it is switched on mid-session', () => {
    const flow = useFlowStore.getState();
    flow.setIdleTimings({ idleMs: 1_000, warningMs: 500 });
    flow.begin();
    expect(useIdleStore.getState().timings).toEqual({ idleMs: 1_000, warningMs: 500 });
    usePreferencesStore.getState().toggleElderly();
    expect(useIdleStore.getState().timings).toEqual({ idleMs: 2_000, warningMs: 750 });
    vi.advanceTimersByTime(2_750);
    expect(useFlowStore.getState().step).toBe('attract');
    expect(usePreferencesStore.getState().elderly).toBe(false);
    flow.setIdleTimings(null);
  });
});
