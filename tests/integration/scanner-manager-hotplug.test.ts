import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { StreamEvaluatorPad } from '../../devices/drivers/evaluator/stream-pad';
import { StreamScanner } from '../../devices/drivers/scanner/stream-scanner';
import { HotplugWatcher } from '../../devices/manager/discovery';
import type { Listings } from '../../devices/manager/discovery';
import { StatusStream } from '../../devices/manager/status-stream';
import { keyMaps } from '../../devices/protocols/evaluator/keymaps';
import { ScannerSimulator } from '../../devices/simulators/scanner/scanner-simulator';
import { SerialTransport } from '../../devices/transports/serial';
import { PtyPair } from './support/pty-pair';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function until(condition: () => boolean, what: string, limitMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > limitMs) throw new Error(`never happened: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

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
    await watcher.poll();
    expect(watcher.devices().map((d) => d.known?.model)).toEqual(['CH340 USB-serial', 'CH340 USB-serial']);

    expect((await scanner.open()).code).toBe('ok');
    expect((await pad.open()).code).toBe('ok');

    await scannerPty.unplug();
    await until(() => scanner.status().state === 'error', 'scanner error');
    await watcher.poll();
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
});
