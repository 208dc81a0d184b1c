import { describe, expect, it } from 'vitest';
import { silentLogger } from '../log';
import type { Logger } from '../log';
import { DEVELOPMENT_PIN, PIN_KEY, TechnicianAuth } from './auth';
import type { SettingsStore } from './auth';
import { LOCK_MS } from './lockout';

function memorySettings(): SettingsStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get: (k) => data.get(k) ?? null,
    set: (k, v) => void data.set(k, v),
    delete: (k) => data.delete(k),
  };
}

function recordingLogger(lines: string[]): Logger {
  const write = (m: string, f?: Record<string, unknown>) => lines.push(JSON.stringify({ m, ...f }));
  return { debug: write, info: write, warn: write, error: write };
}

describe('technician auth', () => {
  it('simulated profile: the development PIN unlocks this connection only', async () => {
    const auth = await TechnicianAuth.create({ settings: memorySettings(), logger: silentLogger, devices: 'simulated' });
    expect(auth.status('c1')).toMatchObject({ unlocked: false, pinConfigured: true, developmentPin: true, attemptsLeft: 5 });
    const result = await auth.unlock(DEVELOPMENT_PIN, 'c1');
    expect(result.status).toBe('unlocked');
    expect(auth.isPrivileged({ role: 'technician', connection: 'c1' })).toBe(true);
    expect(auth.isPrivileged({ role: 'technician', connection: 'c2' })).toBe(false);
    expect(auth.isPrivileged({ role: 'technician' })).toBe(false);
    auth.lock('c1');
    expect(auth.isPrivileged({ role: 'technician', connection: 'c1' })).toBe(false);
  });

  it('configured profile without a PIN refuses and says it is not configured', async () => {
    const auth = await TechnicianAuth.create({ settings: memorySettings(), logger: silentLogger, devices: 'configured' });
    expect(auth.status('c1').pinConfigured).toBe(false);
    expect(await auth.unlock(DEVELOPMENT_PIN, 'c1')).toEqual({ status: 'not-configured' });
  });

  it('HALL_TECHNICIAN_PIN sets the first PIN; later starts keep the stored one unless reset', async () => {
    const settings = memorySettings();
    await TechnicianAuth.create({ settings, logger: silentLogger, devices: 'configured', env: { HALL_TECHNICIAN_PIN: '583920' } });
    const first = settings.get(PIN_KEY);
    const again = await TechnicianAuth.create({ settings, logger: silentLogger, devices: 'configured', env: { HALL_TECHNICIAN_PIN: '771942' } });
    expect(settings.get(PIN_KEY)).toBe(first);
    expect((await again.unlock('771942', 'c')).status).toBe('wrong-pin');
    const reset = await TechnicianAuth.create({ settings, logger: silentLogger, devices: 'configured', env: { HALL_TECHNICIAN_PIN: '771942', HALL_TECHNICIAN_PIN_RESET: '1' } });
    expect((await reset.unlock('771942', 'c')).status).toBe('unlocked');
  });

  it('ignores a weak HALL_TECHNICIAN_PIN', async () => {
    const settings = memorySettings();
    await TechnicianAuth.create({ settings, logger: silentLogger, devices: 'configured', env: { HALL_TECHNICIAN_PIN: '123456' } });
    expect(settings.get(PIN_KEY)).toBeNull();
  });

  it('five wrong PINs lock for five minutes, persisted across a restart; the right PIN works after', async () => {
    let now = new Date('2026-03-02T09:00:00Z');
    const clock = () => now;
    const settings = memorySettings();
    const lines: string[] = [];
    const auth = await TechnicianAuth.create({ settings, logger: recordingLogger(lines), devices: 'simulated', now: clock });
    for (let i = 4; i >= 1; i -= 1) expect(await auth.unlock('000000', 'c1')).toEqual({ status: 'wrong-pin', attemptsLeft: i });
    expect(await auth.unlock('000000', 'c1')).toMatchObject({ status: 'locked' });
    // A restart (new service over the same store) is still locked, even for the right PIN.
    const restarted = await TechnicianAuth.create({ settings, logger: silentLogger, devices: 'simulated', now: clock });
    expect(await restarted.unlock(DEVELOPMENT_PIN, 'c2')).toMatchObject({ status: 'locked' });
    expect(restarted.status('c2')).toMatchObject({ attemptsLeft: 0, unlocked: false });
    now = new Date(now.getTime() + LOCK_MS);
    expect((await restarted.unlock(DEVELOPMENT_PIN, 'c2')).status).toBe('unlocked');
    // Attempts are logged, the PIN never is.
    expect(lines.some((l) => l.includes('technician PIN wrong'))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/000000|246810/);
  });

  it('parallel guesses are counted one by one', async () => {
    const auth = await TechnicianAuth.create({ settings: memorySettings(), logger: silentLogger, devices: 'simulated' });
    const results = await Promise.all(Array.from({ length: 7 }, (_, i) => auth.unlock(String(100000 + i), 'c1')));
    expect(results.filter((r) => r.status === 'wrong-pin')).toHaveLength(4);
    expect(results.filter((r) => r.status === 'locked')).toHaveLength(3);
  });

  it('changes the PIN only with the current one; the development flag goes away', async () => {
    const auth = await TechnicianAuth.create({ settings: memorySettings(), logger: silentLogger, devices: 'simulated' });
    await expect(auth.changePin('111111', '583920', 'c1')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await auth.changePin(DEVELOPMENT_PIN, '583920', 'c1');
    expect(auth.status('c1').developmentPin).toBe(false);
    expect((await auth.unlock(DEVELOPMENT_PIN, 'c1')).status).toBe('wrong-pin');
    expect((await auth.unlock('583920', 'c1')).status).toBe('unlocked');
  });
});
