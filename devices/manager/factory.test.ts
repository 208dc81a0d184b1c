import { describe, expect, it } from 'vitest';
import { PadSimulator } from '../simulators/evaluator/pad-simulator';
import { ScannerSimulator } from '../simulators/scanner/scanner-simulator';
import { createMemoryPair } from '../transports/memory-pair';
import { validateDevicesConfig } from './config';
import { evaluatorPadFromConfig, keyMapOf, scannerFromConfig } from './factory';

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

function config(devices: unknown) {
  const result = validateDevicesConfig({ version: 1, devices });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.config.devices;
}

describe('drivers from configuration', () => {
  it('builds a keyboard-wedge scanner with the configured terminator', async () => {
    const entry = config({ scanner: { kind: 'scanner-keyboard-wedge', link: { type: 'simulated' }, options: { wedge: { terminator: 'tab' } } } }).scanner;
    if (!entry) throw new Error('no entry');
    const { host, device } = createMemoryPair();
    const built = scannerFromConfig(entry, host);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.device.kind).toBe('scanner-keyboard-wedge');
    const scans: string[] = [];
    built.device.events.on('scan', (s) => scans.push(s.text));
    await built.device.open();
    await built.device.claim();
    await built.device.enable();
    const sim = new ScannerSimulator(device, { input: 'keyboard-wedge', terminator: 'tab' });
    await sim.open();
    await sim.scan('TAB-ENDED');
    await tick();
    expect(scans).toEqual(['TAB-ENDED']);
    await built.device.close();
  });

  it('uses a technician key map over the model table', async () => {
    const entry = config({
      evaluator: { kind: 'evaluator-bus', link: { type: 'simulated' }, options: { model: 'queuesystem-4', keyMap: { '9': '非常不满意', '8': '非常满意' } } },
    }).evaluator;
    if (!entry) throw new Error('no entry');
    expect(keyMapOf(entry).keys).toEqual({ '9': '非常不满意', '8': '非常满意' });
    const { host, device } = createMemoryPair();
    const built = evaluatorPadFromConfig(entry, host);
    if (!built.ok) throw new Error(built.detail);
    const levels: string[] = [];
    built.device.events.on('key', (k) => levels.push(k.level));
    await built.device.open();
    await built.device.claim();
    await built.device.enable();
    const sim = new PadSimulator(device, { input: 'bus', keyMap: keyMapOf(entry) });
    await sim.open();
    await sim.press('非常不满意');
    expect(levels).toEqual(['非常不满意']);
    await built.device.close();
  });

  it('refuses to build a key pad for the screen kind', () => {
    const entry = config({ evaluator: { kind: 'evaluator-screen', link: { type: 'display' } } }).evaluator;
    if (!entry) throw new Error('no entry');
    expect(evaluatorPadFromConfig(entry, createMemoryPair().host).ok).toBe(false);
  });
});
