import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { StreamEvaluatorPad } from '../../devices/drivers/evaluator/stream-pad';
import { StreamScanner } from '../../devices/drivers/scanner/stream-scanner';
import { validateDevicesConfig } from '../../devices/manager/config';
import { HotplugWatcher } from '../../devices/manager/discovery';
import { bindHotplug } from '../../devices/manager/hotplug-binding';
import { ResolvingTransport } from '../../devices/manager/resolving-transport';
import type { Listings } from '../../devices/manager/discovery';
import { StatusStream } from '../../devices/manager/status-stream';
import { keyMaps } from '../../devices/protocols/evaluator/keymaps';
import { ScannerSimulator } from '../../devices/simulators/scanner/scanner-simulator';
import { SerialTransport } from '../../devices/transports/serial';
import { PtyPair } from './support/pty-pair';
import { until } from './support/until';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('device manager over PTY pairs', () => {
  it('sees the scanner vanish and return, with one ordered status stream for scanner and pad', async () => {
    const scannerPty = new PtyPair();
    const padPty = new PtyPair();
    await scannerPty.start();
    await padPty.start();
    cleanups.push(() => scannerPty.dispose(), () => padPty.dispose());

    const scanner = new StreamScanner(new SerialTransport({ path: scannerPty.host, baudRate: 9600 }), {
      input: 'serial',
      backoff: { initialMs: 50, maxMs: 400 },
    });
    const pad = new StreamEvaluatorPad(new SerialTransport({ path: padPty.host, baudRate: 9600 }), {
      input: 'bus',
      keyMap: keyMaps['generic-5'],
      backoff: { initialMs: 50, maxMs: 400 },
    });
    cleanups.push(
      () => scanner.close(),
      () => pad.close(),
    );

    const stream = new StatusStream();
    const entries: string[] = [];
    stream.events.on('status', (e) => entries.push(`${e.seq} ${e.status.role} ${e.status.state}`));
    stream.attach(scanner);
    stream.attach(pad);

    // The listing is injected: which of our ports exist now (never the real SerialPort.list()).
    const watcher = new HotplugWatcher(
      async (): Promise<Listings> => ({
        serialPorts: [scannerPty.host, padPty.host].filter((p) => existsSync(p)).map((path) => ({ path, vendorId: '1a86', productId: '7523' })),
        hidDevices: [],
      }),
    );
    const plug: string[] = [];
    watcher.events.on('vanished', (d) => plug.push(`- ${d.path === scannerPty.host ? 'scanner' : 'pad'}`));
    watcher.events.on('appeared', (d) => plug.push(`+ ${d.path === scannerPty.host ? 'scanner' : 'pad'}`));
    bindHotplug(watcher, scanner, () => scannerPty.host);
    bindHotplug(watcher, pad, () => padPty.host);
    await watcher.poll();
    expect(watcher.devices().map((d) => d.known?.model)).toEqual(['CH340 USB-serial', 'CH340 USB-serial']);

    expect((await scanner.open()).code).toBe('ok');
    expect((await pad.open()).code).toBe('ok');

    await scannerPty.unplug();
    await watcher.poll();
    await until(() => scanner.status().state === 'error', 'scanner error');
    expect(pad.status().state).toBe('idle');

    await scannerPty.replug();
    await until(() => scanner.status().state === 'idle', 'scanner idle again');
    await watcher.poll();

    expect(plug).toEqual(['+ scanner', '+ pad', '- scanner', '+ scanner']);
    expect(entries).toEqual([
      '1 scanner closed',
      '2 evaluator closed',
      '3 scanner idle',
      '4 evaluator idle',
      '5 scanner error',
      '6 scanner idle',
    ]);
    expect(stream.snapshot().map((s) => `${s.role} ${s.state} ${s.connected}`)).toEqual(['scanner idle true', 'evaluator idle true']);

    // and it still reads after coming back
    const sim = new ScannerSimulator(new SerialTransport({ path: scannerPty.device, baudRate: 9600 }), { input: 'serial' });
    await sim.open();
    cleanups.push(() => sim.close());
    const scans: string[] = [];
    scanner.events.on('scan', (s) => scans.push(s.text));
    await scanner.claim();
    await scanner.enable();
    await sim.scan('RETURNED-OK');
    await until(() => scans.length === 1, 'scan after return');
    expect(scans).toEqual(['RETURNED-OK']);
  });

  it('a scanner bound by USB ID is found again when it comes back on a different port', async () => {
    const first = new PtyPair();
    await first.start();
    cleanups.push(() => first.dispose());
    let current: PtyPair | null = first;
    const config = validateDevicesConfig({
      version: 1,
      devices: { scanner: { kind: 'scanner-serial', link: { type: 'serial', usb: { vendorId: '0x1a86', productId: '0x7523' } } } },
    });
    if (!config.ok) throw new Error('bad config');
    const link = config.config.devices.scanner?.link;
    if (!link) throw new Error('no scanner link');
    const transport = new ResolvingTransport(
      link,
      async () => ({
        serialPorts: current && existsSync(current.host) ? [{ path: current.host, vendorId: '1a86', productId: '7523' }] : [],
        hidDevices: [],
      }),
      (path) => new SerialTransport({ path, baudRate: 9600 }),
    );
    const scanner = new StreamScanner(transport, { input: 'serial', backoff: { initialMs: 50, maxMs: 200 } });
    cleanups.push(() => scanner.close());
    const watcher = new HotplugWatcher(async () => ({
      serialPorts: current && existsSync(current.host) ? [{ path: current.host, vendorId: '1a86', productId: '7523' }] : [],
      hidDevices: [],
    }));
    bindHotplug(watcher, scanner, () => transport.currentPath());
    const scans: string[] = [];
    scanner.events.on('scan', (s) => scans.push(s.text));
    expect((await scanner.open()).code).toBe('ok');
    await scanner.claim();
    await scanner.enable();
    expect(transport.currentPath()).toBe(first.host);
    await watcher.poll();

    // Unplug right after open: serialport may not notice a line that vanishes this early, so the
    // manager's watcher, seeing the port leave the listing, tells the driver.
    current = null; // the listing no longer shows it, as udev would
    await first.unplug();
    await watcher.poll();
    await until(() => scanner.status().state === 'error', 'error after unplug');

    const second = new PtyPair();
    await second.start();
    cleanups.push(() => second.dispose());
    current = second;
    await until(() => scanner.status().state === 'idle', 'idle on the new port');
    expect(transport.currentPath()).toBe(second.host);

    const sim = new ScannerSimulator(new SerialTransport({ path: second.device, baudRate: 9600 }), { input: 'serial' });
    await sim.open();
    cleanups.push(() => sim.close());
    await sim.scan('NEW-PORT-OK');
    await until(() => scans.length === 1, 'scan on the new port');
    expect(scans).toEqual(['NEW-PORT-OK']);
  });
});
