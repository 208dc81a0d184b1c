import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_IDLE, ELDERLY_IDLE, useIdleStore } from './idle-store';
import { registerSessionReset, wipeSession } from './session-reset';

describe('idle watchdog', () => {
  const wiped = vi.fn();
  let unregister: () => void;
  beforeEach(() => {
    vi.useFakeTimers();
    wiped.mockReset();
    unregister = registerSessionReset(wiped);
  });
  afterEach(() => {
    useIdleStore.getState().stop();
    unregister();
    vi.useRealTimers();
  });

  it('warns after the idle time and wipes the session when the countdown ends', () => {
    useIdleStore.getState().start(DEFAULT_IDLE);
    vi.advanceTimersByTime(DEFAULT_IDLE.idleMs - 1);
    expect(useIdleStore.getState().phase).toBe('active');
    vi.advanceTimersByTime(1);
    expect(useIdleStore.getState().phase).toBe('warning');
    expect(wiped).not.toHaveBeenCalled();
    vi.advanceTimersByTime(DEFAULT_IDLE.warningMs);
    expect(useIdleStore.getState().phase).toBe('off');
    expect(wiped).toHaveBeenCalledOnce();
  });

  it('activity restarts the idle time', () => {
    useIdleStore.getState().start(DEFAULT_IDLE);
    vi.advanceTimersByTime(50_000);
    useIdleStore.getState().activity();
    vi.advanceTimersByTime(50_000);
    expect(useIdleStore.getState().phase).toBe('active');
  });

  it('"I need more time" cancels the countdown; a stray touch does not', () => {
    useIdleStore.getState().start(DEFAULT_IDLE);
    vi.advanceTimersByTime(DEFAULT_IDLE.idleMs);
    useIdleStore.getState().activity();
    expect(useIdleStore.getState().phase).toBe('warning');
    useIdleStore.getState().extend();
    expect(useIdleStore.getState().phase).toBe('active');
    vi.advanceTimersByTime(DEFAULT_IDLE.warningMs + 1);
    expect(wiped).not.toHaveBeenCalled();
  });

  it('elderly timings are longer, and stop() ends the watch', () => {
    useIdleStore.getState().start(ELDERLY_IDLE);
    vi.advanceTimersByTime(DEFAULT_IDLE.idleMs + DEFAULT_IDLE.warningMs);
    expect(useIdleStore.getState().phase).toBe('active');
    useIdleStore.getState().stop();
    vi.advanceTimersByTime(ELDERLY_IDLE.idleMs + ELDERLY_IDLE.warningMs);
    expect(wiped).not.toHaveBeenCalled();
  });

  it('wipes every registered store even if one fails', () => {
    const other = vi.fn();
    const offBad = registerSessionReset(() => {
      throw new Error('boom');
    });
    const offOther = registerSessionReset(other);
    wipeSession();
    expect(wiped).toHaveBeenCalled();
    expect(other).toHaveBeenCalled();
    offBad();
    offOther();
  });
});
