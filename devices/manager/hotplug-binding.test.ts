import { describe, expect, it } from 'vitest';
import { StreamScanner } from '../drivers/scanner/stream-scanner';
import { createMemoryPair } from '../transports/memory-pair';
import { HotplugWatcher } from './discovery';
import type { Listings } from './discovery';
import { bindHotplug } from './hotplug-binding';

describe('hot-plug binding', () => {
  it('tells a device its port vanished even when the transport said nothing', async () => {
    const { host } = createMemoryPair();
    const scanner = new StreamScanner(host, { input: 'serial', backoff: { initialMs: 1000, maxMs: 1000 } });
    await scanner.open();
    let listing: Listings = { serialPorts: [{ path: '/dev/ttyUSB0' }, { path: '/dev/ttyUSB1' }], hidDevices: [] };
    const watcher = new HotplugWatcher(async () => listing);
    bindHotplug(watcher, scanner, () => '/dev/ttyUSB0');
    await watcher.poll();
    listing = { serialPorts: [{ path: '/dev/ttyUSB0' }], hidDevices: [] };
    await watcher.poll();
    expect(scanner.status().state).toBe('idle'); // another port went away
    listing = { serialPorts: [], hidDevices: [] };
    await watcher.poll();
    expect(scanner.status()).toMatchObject({ state: 'error', connected: false });
    expect(host.isOpen()).toBe(false);
    scanner.linkGone('again'); // already known: no second error event
    await scanner.close();
    expect(scanner.status().state).toBe('closed');
  });
});
