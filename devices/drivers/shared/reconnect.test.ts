import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryPair } from '../../transports/memory-pair';
import { TransportError } from '../../transports/transport';
import { Backoff, Reconnector, linkFailure, openLink } from './reconnect';

describe('Backoff', () => {
  it('doubles from the first delay up to the cap, and starts over after a reset', () => {
    const backoff = new Backoff({ initialMs: 100, maxMs: 700 });
    expect([backoff.take(), backoff.take(), backoff.take(), backoff.take(), backoff.take()]).toEqual([100, 200, 400, 700, 700]);
    backoff.reset();
    expect(backoff.take()).toBe(100);
  });

  it('refuses a schedule whose cap is below its first delay', () => {
    expect(() => new Backoff({ initialMs: 500, maxMs: 100 })).toThrow(RangeError);
    expect(() => new Backoff({ initialMs: -1, maxMs: 100 })).toThrow(RangeError);
  });
});

describe('linkFailure and openLink', () => {
  it('reads every transport error kind as a device result code', () => {
    const code = (kind: ConstructorParameters<typeof TransportError>[0]) => linkFailure(new TransportError(kind, kind)).code;
    expect(code('not-found')).toBe('no-hardware');
    expect(code('busy')).toBe('busy');
    expect(code('timeout')).toBe('timeout');
    expect(code('io')).toBe('offline');
    expect(code('closed')).toBe('offline');
    expect(code('config')).toBe('offline');
    expect(linkFailure(new Error('driver bug'))).toEqual({ code: 'failure', detail: 'driver bug' });
    expect(linkFailure('odd')).toEqual({ code: 'failure', detail: 'odd' });
  });

  it('opens a transport or answers with the result, never a throw', async () => {
    const pair = createMemoryPair('link');
    expect(await openLink(pair.host)).toEqual({ code: 'ok', value: undefined });
    await pair.host.close();
    pair.host.unplug();
    expect(await openLink(pair.host)).toMatchObject({ code: 'no-hardware', detail: expect.stringContaining('link') });
  });
});

describe('Reconnector', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** An attempt that fails `failures` times, recording when (in fake time) it ran. */
  function scripted(failures: number) {
    const at: number[] = [];
    let left = failures;
    const attempt = async () => {
      at.push(Date.now());
      if (left > 0) {
        left -= 1;
        return false;
      }
      return true;
    };
    return { at, attempt };
  }

  it('waits the backoff between attempts and stops after the first success', async () => {
    const start = Date.now();
    const { at, attempt } = scripted(3);
    const reconnector = new Reconnector({ initialMs: 100, maxMs: 300 }, attempt);
    reconnector.start();
    reconnector.start(); // already trying: no second loop
    expect(reconnector.active).toBe(true);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(at.map((t) => t - start)).toEqual([100, 300, 600, 900]);
    expect(reconnector.active).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('starts again from the first delay after a success', async () => {
    const start = Date.now();
    const { at, attempt } = scripted(1);
    const reconnector = new Reconnector({ initialMs: 50, maxMs: 1_000 }, attempt);
    reconnector.start();
    await vi.advanceTimersByTimeAsync(150); // fails at 50, succeeds at 150
    reconnector.start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(at.map((t) => t - start)).toEqual([50, 150, 200]);
  });

  it('stop() ends the loop, also when an attempt was running at that moment', async () => {
    let release: (ok: boolean) => void = () => undefined;
    let calls = 0;
    const reconnector = new Reconnector({ initialMs: 10, maxMs: 10 }, () => {
      calls += 1;
      return new Promise<boolean>((resolve) => (release = resolve));
    });
    reconnector.start();
    await vi.advanceTimersByTimeAsync(10);
    expect(calls).toBe(1);
    reconnector.stop();
    release(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toBe(1);
    expect(reconnector.active).toBe(false);
  });

  it('now() tries at once and keeps the schedule when that fails; a throwing attempt counts as a failure', async () => {
    const start = Date.now();
    const at: number[] = [];
    const reconnector = new Reconnector({ initialMs: 1_000, maxMs: 1_000 }, async () => {
      at.push(Date.now() - start);
      throw new Error('port vanished again');
    });
    reconnector.now(); // not trying: nothing happens
    reconnector.start();
    await vi.advanceTimersByTimeAsync(200);
    reconnector.now();
    await vi.advanceTimersByTimeAsync(1_000);
    reconnector.stop();
    expect(at).toEqual([200, 1_200]);
  });
});
