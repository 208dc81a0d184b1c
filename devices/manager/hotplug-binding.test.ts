import { describe, expect, it } from 'vitest';
import { StreamScanner } from '../drivers/scanner/stream-scanner';
import { createMemoryPair } from '../transports/memory-pair';
import { HotplugWatcher, discover } from './discovery';
import type { Listings } from './discovery';
import { HotplugFollower, bindHotplug, linkMatches } from './hotplug-binding';

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

describe('hot-plug: a device coming back', () => {
  const listed = (path: string, vendorId = '1a86', productId = '7523', serialNumber?: string): Listings => ({
    serialPorts: [{ path, vendorId, productId, ...(serialNumber ? { serialNumber } : {}) }],
    hidDevices: [],
  });

  it('tells the device to reconnect now when a device matching its link appears, on any port for a USB ID link', async () => {
    let listing: Listings = { serialPorts: [], hidDevices: [] };
    const watcher = new HotplugWatcher(async () => listing);
    const told: string[] = [];
    const device = { linkGone: (r: string) => told.push(`gone ${r}`), linkBack: () => told.push('back') };
    const link = { type: 'serial', usb: { vendorId: 0x1a86, productId: 0x7523 }, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 } as const;
    const off = bindHotplug(watcher, device, () => null, link);
    await watcher.poll();
    listing = listed('/dev/ttyUSB3', '0403', '6001'); // another device: not ours
    await watcher.poll();
    expect(told).toEqual([]);
    listing = listed('/dev/ttyUSB4');
    await watcher.poll();
    expect(told).toEqual(['back']);
    off();
    listing = listed('/dev/ttyUSB5');
    await watcher.poll();
    expect(told).toEqual(['back']);
  });

  it('a link bound by port matches only that port', () => {
    const link = { type: 'serial', path: '/dev/ttyUSB0', baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 } as const;
    const [same] = discover(listed('/dev/ttyUSB0'));
    const [other] = discover(listed('/dev/ttyUSB1'));
    if (!same || !other) throw new Error('not discovered');
    expect(linkMatches(link, same)).toBe(true);
    expect(linkMatches(link, other)).toBe(false);
    expect(linkMatches({ type: 'tcp', host: 'x', port: 9100 }, same)).toBe(false);
  });

  it('the follower polls only while started and following a role', async () => {
    let calls = 0;
    const follower = new HotplugFollower(async () => {
      calls += 1;
      return { serialPorts: [], hidDevices: [] };
    }, 60_000);
    follower.start();
    expect(calls).toBe(0); // nothing followed: no listing at all
    follower.follow('scanner', { device: { linkGone: () => undefined }, currentPath: () => '/dev/ttyACM0' });
    expect(calls).toBe(1); // started watching: the baseline listing
    expect(follower.following()).toEqual(['scanner']);
    follower.follow('scanner', null);
    expect(follower.following()).toEqual([]);
    follower.follow('evaluator', { device: { linkGone: () => undefined }, currentPath: () => null });
    follower.close();
    expect(follower.following()).toEqual([]);
  });
});
