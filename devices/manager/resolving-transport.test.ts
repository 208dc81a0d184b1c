import { describe, expect, it } from 'vitest';
import { StreamScanner } from '../drivers/scanner/stream-scanner';
import { ScannerSimulator } from '../simulators/scanner/scanner-simulator';
import { createMemoryPair } from '../transports/memory-pair';
import type { MemoryTransport } from '../transports/memory-pair';
import { TransportError } from '../transports/transport';
import { validateDevicesConfig } from './config';
import type { Listings } from './discovery';
import { ResolvingTransport } from './resolving-transport';

const tick = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));

const link = (() => {
  const result = validateDevicesConfig({
    version: 1,
    devices: { scanner: { kind: 'scanner-serial', link: { type: 'serial', usb: { vendorId: '1a86', productId: '7523' } } } },
  });
  if (!result.ok || !result.config.devices.scanner) throw new Error('bad fixture');
  return result.config.devices.scanner.link;
})();

describe('ResolvingTransport', () => {
  it('refuses to open while the device is absent, with a not-found error', async () => {
    const t = new ResolvingTransport(link, async () => ({ serialPorts: [], hidDevices: [] }), () => createMemoryPair().host);
    await expect(t.open()).rejects.toMatchObject({ kind: 'not-found' });
    await expect(t.open()).rejects.toBeInstanceOf(TransportError);
  });

  it('finds a scanner again after it comes back on another port', async () => {
    const ports = new Map<string, { host: MemoryTransport; device: MemoryTransport }>();
    ports.set('/dev/ttyUSB0', createMemoryPair('usb0'));
    let listing: Listings = { serialPorts: [{ path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523' }], hidDevices: [] };
    const transport = new ResolvingTransport(
      link,
      async () => listing,
      (path) => {
        const pair = ports.get(path);
        if (!pair) throw new Error(`no such port ${path}`);
        return pair.host;
      },
    );
    const scanner = new StreamScanner(transport, { input: 'serial', backoff: { initialMs: 5, maxMs: 10 } });
    const scans: string[] = [];
    scanner.events.on('scan', (s) => scans.push(s.text));
    expect((await scanner.open()).code).toBe('ok');
    await scanner.claim();
    await scanner.enable();
    expect(transport.currentPath()).toBe('/dev/ttyUSB0');

    const first = ports.get('/dev/ttyUSB0');
    first?.host.unplug();
    listing = { serialPorts: [], hidDevices: [] };
    expect(scanner.status().state).toBe('error');
    await tick(30);
    ports.set('/dev/ttyUSB1', createMemoryPair('usb1'));
    listing = { serialPorts: [{ path: '/dev/ttyUSB1', vendorId: '1a86', productId: '7523' }], hidDevices: [] };
    for (let i = 0; i < 50 && scanner.status().state !== 'idle'; i += 1) await tick(5);
    expect(scanner.status().state).toBe('idle');
    expect(transport.currentPath()).toBe('/dev/ttyUSB1');

    const pair = ports.get('/dev/ttyUSB1');
    if (!pair) throw new Error('missing');
    const sim = new ScannerSimulator(pair.device, { input: 'serial' });
    await sim.open();
    await sim.scan('ON-NEW-PORT');
    await tick();
    expect(scans).toEqual(['ON-NEW-PORT']);
    await scanner.close();
  });
});
