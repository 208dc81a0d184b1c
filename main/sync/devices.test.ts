import { describe, expect, it } from 'vitest';
import { DeviceHealthChanges, healthState } from './devices';

const status = (over: Partial<{ connected: boolean; state: 'closed' | 'idle' | 'busy' | 'error'; updatedAt: string; detail: string }> = {}) => ({
  role: 'printer' as const,
  kind: 'escpos-simulated',
  state: 'idle' as const,
  connected: true,
  updatedAt: '2026-11-23T09:00:00.000Z',
  ...over,
});

describe('device health for the platform', () => {
  it('maps driver states to the protocol words', () => {
    expect(healthState({ connected: true, state: 'busy' })).toBe('ok');
    expect(healthState({ connected: true, state: 'closed' })).toBe('degraded');
    expect(healthState({ connected: true, state: 'error' })).toBe('error');
    expect(healthState({ connected: false, state: 'idle' })).toBe('offline');
  });

  it('queues an operation only when a device changes state, not for a healthy start', () => {
    const changes = new DeviceHealthChanges();
    expect(changes.observe(status())).toBeNull();
    expect(changes.observe(status({ state: 'busy' }))).toBeNull();
    const down = changes.observe(status({ connected: false, updatedAt: '2026-11-23T09:05:00.000Z', detail: '缺纸' }));
    expect(down).toMatchObject({ kind: 'device.health', idempotencyKey: 'health:printer:escpos-simulated:2026-11-23T09:05:00.000Z', payload: { state: 'offline', detail: '缺纸' } });
    expect(changes.observe(status({ connected: false }))).toBeNull();
    expect(changes.observe(status({ updatedAt: '2026-11-23T09:06:00.000Z' }))).toMatchObject({ payload: { state: 'ok' } });
    expect(new DeviceHealthChanges().observe(status({ state: 'error' }))).toMatchObject({ payload: { state: 'error' } });
  });
});
