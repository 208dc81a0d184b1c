import { describe, expect, it } from 'vitest';
import { validateDevicesConfig } from './config';
import type { Link } from './config';
import { HotplugWatcher, diffDiscovered, discover, resolveLink } from './discovery';
import type { Listings } from './discovery';
import { knownDevices } from './known-devices';

const listings: Listings = {
  serialPorts: [
    { path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523', manufacturer: '1a86' },
    { path: '/dev/ttyS0' },
    { path: '/dev/ttyUSB1', vendorId: 'zzzz', productId: '1' },
  ],
  hidDevices: [
    { path: '/dev/hidraw0', vendorId: 0x0c2e, productId: 0x0b8f, usagePage: 0x8c, usage: 2, product: 'Voyager' },
    { path: '/dev/hidraw1', vendorId: 0x0c2e, productId: 0x0b8f, usagePage: 0x01, usage: 6, product: 'Voyager' },
    { path: '/dev/hidraw2', vendorId: 0x1234, productId: 0x5678, usagePage: 0x01, usage: 6, product: '评价器\u0007' },
    { vendorId: -1, productId: 2 } as never,
  ],
};

const link = (value: unknown): Link => {
  const result = validateDevicesConfig({ version: 1, devices: { scanner: { kind: 'scanner-hid-pos', link: value } } });
  if (!result.ok || !result.config.devices.scanner) throw new Error(JSON.stringify(result));
  return result.config.devices.scanner.link;
};

describe('discovery', () => {
  it('labels known devices, suggests roles, and skips malformed entries', () => {
    const found = discover(listings);
    expect(found.map((d) => d.id)).toEqual(['serial:/dev/ttyUSB0', 'serial:/dev/ttyS0', 'serial:/dev/ttyUSB1', 'hid:/dev/hidraw0', 'hid:/dev/hidraw1', 'hid:/dev/hidraw2']);
    const [ch340, ttyS0, badIds, pos, wedge, pad] = found;
    expect(ch340?.known?.model).toBe('CH340 USB-serial');
    expect(ch340?.suggestedRoles).toEqual(['idcard', 'printer', 'scanner', 'evaluator']);
    expect(ttyS0?.label).toBe('serial port (/dev/ttyS0)');
    expect(badIds?.vendorId).toBeUndefined();
    expect(pos).toMatchObject({ hidClass: 'hid-pos-scanner', suggestedRoles: ['scanner'], usagePage: 0x8c });
    expect(wedge).toMatchObject({ hidClass: 'keyboard', suggestedRoles: ['scanner'] });
    expect(pad).toMatchObject({ hidClass: 'keyboard', suggestedRoles: ['scanner', 'evaluator'], label: '评价器 [1234:5678]' });
  });

  it('resolves a USB-ID link to the one matching port, by usage page for composite HID devices', () => {
    const found = discover(listings);
    expect(resolveLink(link({ type: 'hid', usb: { vendorId: '0c2e', productId: '0b8f' }, usagePage: 0x8c }), found)).toEqual({ ok: true, path: '/dev/hidraw0' });
    expect(resolveLink(link({ type: 'hid', usb: { vendorId: '0c2e', productId: '0b8f' } }), found)).toMatchObject({ ok: false, reason: 'ambiguous' });
    expect(resolveLink(link({ type: 'hid', usb: { vendorId: 1, productId: 1 } }), found)).toMatchObject({ ok: false, reason: 'not-present' });
    expect(resolveLink(link({ type: 'hid', path: '/dev/hidraw9' }), found)).toEqual({ ok: true, path: '/dev/hidraw9' });
  });

  it('every known entry names a source, and IDs are unique', () => {
    for (const d of knownDevices) expect(d.source.length).toBeGreaterThan(10);
    const ids = knownDevices.map((d) => `${d.vendorId}:${d.productId}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('diffs listings and the watcher reports vanish and return', async () => {
    const before = discover(listings);
    const after = discover({ ...listings, serialPorts: listings.serialPorts.slice(1) });
    expect(diffDiscovered(before, after).vanished.map((d) => d.id)).toEqual(['serial:/dev/ttyUSB0']);

    let present = true;
    let failing = false;
    const watcher = new HotplugWatcher(async () => {
      if (failing) throw new Error('udevadm missing');
      return present ? listings : { ...listings, serialPorts: [] };
    });
    const log: string[] = [];
    watcher.events.on('appeared', (d) => log.push(`+${d.id}`));
    watcher.events.on('vanished', (d) => log.push(`-${d.id}`));
    watcher.events.on('problem', (p) => log.push(`!${p.detail}`));
    await watcher.poll();
    log.length = 0;
    present = false;
    await watcher.poll();
    failing = true;
    await watcher.poll();
    failing = false;
    present = true;
    await watcher.poll();
    expect(log).toEqual([
      '-serial:/dev/ttyUSB0',
      '-serial:/dev/ttyS0',
      '-serial:/dev/ttyUSB1',
      '!udevadm missing',
      '+serial:/dev/ttyUSB0',
      '+serial:/dev/ttyS0',
      '+serial:/dev/ttyUSB1',
    ]);
  });
});
