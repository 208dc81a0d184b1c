import { describe, expect, it } from 'vitest';
import type { DeviceStatus, ScanPayload } from '../../../src/contract';
import { ScannerSimulator } from '../../simulators/scanner/scanner-simulator';
import type { ScannerSimulatorOptions } from '../../simulators/scanner/scanner-simulator';
import { createMemoryPair } from '../../transports/memory-pair';
import { StreamScanner } from './stream-scanner';
import type { StreamScannerOptions } from './stream-scanner';

const tick = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function rig(driver: StreamScannerOptions, sim: ScannerSimulatorOptions = driver) {
  const { host, device } = createMemoryPair('scanner');
  const scanner = new StreamScanner(host, { backoff: { initialMs: 5, maxMs: 20 }, ...driver });
  const simulator = new ScannerSimulator(device, sim);
  await simulator.open();
  const scans: ScanPayload[] = [];
  const statuses: DeviceStatus[] = [];
  scanner.events.on('scan', (s) => scans.push(s));
  scanner.events.on('status', (s) => statuses.push(s));
  expect((await scanner.open()).code).toBe('ok');
  await scanner.claim();
  await scanner.enable();
  return { host, device, scanner, simulator, scans, statuses };
}

describe('StreamScanner', () => {
  it('serial: emits a sanitised scan with the symbology from an AIM prefix', async () => {
    const { scanner, simulator, scans } = await rig({ input: 'serial', aimPrefix: true });
    await simulator.scan('ZW-2026-000123', 'code128');
    await tick();
    expect(scans).toEqual([{ text: 'ZW-2026-000123', symbology: 'code128' }]);
    expect(scanner.kind).toBe('scanner-serial');
    expect(scanner.counts().scans).toBe(1);
    await scanner.close();
  });

  it('hid-pos: multi-report Chinese QR content', async () => {
    const { scanner, simulator, scans } = await rig({ input: 'hid-pos' });
    const text = `https://zwfw.example.gov.cn/track?no=${'受理'.repeat(20)}`;
    await simulator.scan(text, 'qr');
    await tick();
    expect(scans).toEqual([{ text, symbology: 'qr' }]);
    await scanner.close();
  });

  it('keyboard-wedge: ends a scan without terminator after the idle time', async () => {
    const { scanner, simulator, scans } = await rig(
      { input: 'keyboard-wedge', wedge: { terminator: 'none', idleMs: 20 } },
      { input: 'keyboard-wedge', terminator: 'none' },
    );
    await simulator.scan('6901234567892', 'ean13');
    await tick();
    expect(scans).toEqual([]);
    await tick(60);
    expect(scans).toEqual([{ text: '6901234567892' }]);
    await scanner.close();
  });

  it('keyboard-wedge: slow typing on the wedge is rejected, never emitted', async () => {
    const { scanner, simulator, scans } = await rig({ input: 'keyboard-wedge', wedge: { maxInterKeyMs: 10 } }, { input: 'keyboard-wedge', keyDelayMs: 25 });
    const rejected: string[] = [];
    scanner.events.on('rejected', (r) => rejected.push(r.reason));
    await simulator.scan('1234');
    await tick();
    expect(scans).toEqual([]);
    expect(rejected.length).toBeGreaterThan(0);
    expect(new Set(rejected)).toEqual(new Set(['human-typing']));
    await scanner.close();
  });

  it('emits nothing while disabled', async () => {
    const { scanner, simulator, scans } = await rig({ input: 'serial' });
    await scanner.disable();
    await simulator.scan('A123');
    await tick();
    expect(scans).toEqual([]);
    await scanner.close();
  });

  it('unplug gives an error status and a reconnect brings it back, without throwing', async () => {
    const { host, scanner, simulator, scans, statuses } = await rig({ input: 'serial' });
    host.unplug();
    expect(scanner.status()).toMatchObject({ state: 'error', connected: false });
    expect((await scanner.checkHealth('external')).ok).toBe(false);
    await tick(30);
    host.replug();
    await simulator.open();
    for (let i = 0; i < 20 && scanner.status().state !== 'idle'; i += 1) await tick(10);
    expect(scanner.status()).toMatchObject({ state: 'idle', connected: true });
    expect(statuses.map((s) => s.state)).toEqual(['idle', 'error', 'idle']);
    await simulator.scan('AFTER-REPLUG');
    await tick();
    expect(scans.at(-1)).toEqual({ text: 'AFTER-REPLUG', symbology: undefined });
    await scanner.close();
    expect(scanner.status().state).toBe('closed');
  });

  it('open on a missing device is a no-hardware result', async () => {
    const { host } = createMemoryPair();
    host.unplug();
    const scanner = new StreamScanner(host, { input: 'serial' });
    expect((await scanner.open()).code).toBe('no-hardware');
    expect(scanner.status().state).toBe('error');
  });

  it('interactive health check waits for a scan', async () => {
    const { scanner, simulator } = await rig({ input: 'serial', interactiveTimeoutMs: 500 });
    const report = scanner.checkHealth('interactive');
    await simulator.scan('TEST');
    expect(await report).toMatchObject({ level: 'interactive', ok: true });
    await scanner.close();
  });
});
