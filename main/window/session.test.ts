import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_UNLOCK_FAILURES, WindowSession } from './session';

const answer = (expiresInMs = 3_600_000) => ({
  token: 'sess_abcdefghijklmnopqrstuvwxyz',
  expiresAt: new Date(Date.now() + expiresInMs).toISOString(),
  staff: { staffNumber: 'A0317', name: '张工' },
  window: { windowId: 'W01', name: '综合窗口 1', categories: ['DEP-GA'] },
  hallId: 'QX01',
});

describe('window session', () => {
  afterEach(() => vi.useRealTimers());

  it('locks after idle; activity postpones it; the PIN unlocks without the platform', async () => {
    const changes: boolean[] = [];
    const session = new WindowSession(1000, () => changes.push(session.locked));
    await session.begin(answer(), '246810');
    vi.useFakeTimers();
    session.activity();
    vi.advanceTimersByTime(900);
    session.activity();
    vi.advanceTimersByTime(900);
    expect(session.locked).toBe(false);
    vi.advanceTimersByTime(200);
    expect(session.locked).toBe(true);
    vi.useRealTimers();
    expect(await session.unlock('000000')).toBe(false);
    expect(session.locked).toBe(true);
    expect(await session.unlock('246810')).toBe(true);
    expect(session.locked).toBe(false);
    expect(session.current?.staffNumber).toBe('A0317');
    session.close();
  });

  it('five wrong unlock PINs end the session', async () => {
    const session = new WindowSession(60_000, () => undefined);
    await session.begin(answer(), '246810');
    session.lock();
    for (let i = 0; i < MAX_UNLOCK_FAILURES; i += 1) expect(await session.unlock('111111')).toBe(false);
    expect(session.current).toBeNull();
    expect(await session.unlock('246810')).toBe(false);
  });

  it('an expired session is gone', async () => {
    let now = Date.now();
    const session = new WindowSession(60_000, () => undefined, () => now);
    await session.begin(answer(1000), '246810');
    expect(session.current).not.toBeNull();
    now += 2000;
    expect(session.current).toBeNull();
    session.close();
  });
});
