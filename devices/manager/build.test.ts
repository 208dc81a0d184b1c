import { describe, expect, it } from 'vitest';
import { noWltDecoder } from '../drivers/idcard/photo';
import { BuildError, buildDevice } from './build';
import type { BuildDeps } from './build';

const deps: BuildDeps = { simulator: null, list: async () => ({ serialPorts: [], hidDevices: [] }), paperWidth: () => 576, wltDecoder: noWltDecoder };
const serial = { type: 'serial', baudRate: 19200, dataBits: 8, stopBits: 1, parity: 'none' } as const;

describe('buildDevice', () => {
  it('a serial printer bound by path talks to that port at the bound speed', () => {
    const built = buildDevice({ kind: 'printer-escpos', link: { ...serial, path: '/dev/ttyUSB7' }, enabled: true }, deps);
    expect(built.role === 'printer' && built.device.description).toBe('/dev/ttyUSB7@19200');
  });

  it('a network printer talks to its host and port, at the paper width asked for when built', () => {
    const built = buildDevice({ kind: 'printer-escpos', link: { type: 'tcp', host: 'printer.local', port: 9100 }, enabled: true }, { ...deps, paperWidth: () => 384 });
    expect(built.role === 'printer' && built.device.description).toContain('printer.local');
    expect(built.role === 'printer' && built.device.paperWidth).toBe(384);
  });

  it('a serial scanner comes with its port to follow in the listing: fixed, or where its USB ID was found', () => {
    const fixed = buildDevice({ kind: 'scanner-serial', link: { ...serial, path: '/dev/ttyACM0' }, enabled: true }, deps);
    expect(fixed.role === 'scanner' && fixed.hotplug?.currentPath()).toBe('/dev/ttyACM0');
    const byId = buildDevice({ kind: 'scanner-serial', link: { ...serial, usb: { vendorId: 0x1a86, productId: 0x7523 } }, enabled: true }, deps);
    expect(byId.role === 'scanner' && byId.hotplug?.currentPath()).toBeNull(); // not found yet
  });

  it('the customer-facing screen and the camera have no driver here', () => {
    expect(buildDevice({ kind: 'evaluator-screen', link: { type: 'display', displayIndex: 1 }, enabled: true }, deps)).toMatchObject({ role: 'evaluator', device: null });
    expect(buildDevice({ kind: 'camera-uvc', link: { type: 'media' }, enabled: true }, deps)).toMatchObject({ role: 'camera', device: null });
  });

  it('refuses simulated links without the simulator, and readers over links it has no driver for', () => {
    expect(() => buildDevice({ kind: 'printer-escpos', link: { type: 'simulated' }, enabled: true }, deps)).toThrow(BuildError);
    expect(() => buildDevice({ kind: 'idcard-sam', link: { type: 'hid', path: '/dev/hidraw0' }, enabled: true }, deps)).toThrow(/not supported yet/);
  });
});
