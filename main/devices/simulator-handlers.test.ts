import { afterEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../src/contract';
import { DeviceManager } from '../../devices/manager/device-manager';
import { defaultDeviceSettings } from '../../devices/manager/settings';
import { sampleCards } from '../../devices/simulators/idcard/sample-cards';
import { simulatorHandlers } from './simulator-handlers';

const managers: DeviceManager[] = [];
afterEach(async () => {
  for (const m of managers.splice(0)) await m.close();
});

const noContext = {} as never;

describe('simulator handlers', () => {
  it('drive the real drivers of the simulated profile, and what they read reaches the windows', async () => {
    const published: string[] = [];
    const manager = new DeviceManager({
      settings: defaultDeviceSettings('simulated'),
      publish: (name: EventName, payload) => {
        if (name !== 'device.status') published.push(`${name} ${JSON.stringify(payload)}`);
      },
    });
    managers.push(manager);
    await manager.start();
    const handlers = simulatorHandlers(manager);
    expect(await handlers['sim.scanner.scan']({ text: 'ZW-2026-000123' }, noContext)).toEqual({ sent: true });
    expect(await handlers['sim.evaluator.press']({ level: '非常满意' }, noContext)).toEqual({ pressed: true });
    await expect.poll(() => published, { timeout: 3_000 }).toEqual(['scan {"text":"ZW-2026-000123","symbology":"qr"}', 'evaluator.key {"level":"非常满意"}']);

    const sample = sampleCards[0];
    if (!sample) throw new Error('no sample card');
    expect(handlers['sim.idcard.samples']({}, noContext)).toContainEqual({ id: sample.id, label: sample.label });
    expect(handlers['sim.idcard.insert']({ id: sample.id }, noContext)).toEqual({ placed: true });
    await expect.poll(() => published.filter((p) => p.startsWith('idcard.inserted')).length, { timeout: 3_000 }).toBe(1);
    // Only masked fields reach the windows.
    expect(published.join('\n')).not.toContain(sample.card.idNumber);
    expect(() => handlers['sim.idcard.insert']({ id: 'no-such-card' }, noContext)).toThrow(/No sample card/);
  });

  it('are forbidden without the simulated profile', async () => {
    const manager = new DeviceManager({ settings: defaultDeviceSettings('configured') });
    managers.push(manager);
    const handlers = simulatorHandlers(manager);
    await expect(handlers['sim.scanner.scan']({ text: 'x' }, noContext)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(handlers['sim.evaluator.press']({ level: '满意' }, noContext)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(() => handlers['sim.idcard.remove']({}, noContext)).toThrow(/only available with --devices simulated/);
  });
});
