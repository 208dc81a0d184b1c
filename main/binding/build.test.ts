import { describe, expect, it } from 'vitest';
import { createDeviceSet } from '../devices';
import { buildDevice } from './build';

const deps = { devices: createDeviceSet('configured', {}), list: async () => ({ serialPorts: [], hidDevices: [] }), paperWidth: () => 576 as const };

describe('buildDevice: printers', () => {
  it('a serial printer bound by path talks to that port at the bound speed', () => {
    const built = buildDevice('printer', { printer: { kind: 'printer-escpos', link: { type: 'serial', path: '/dev/ttyUSB7', baudRate: 19200, dataBits: 8, stopBits: 1, parity: 'none' }, enabled: true } }, deps);
    expect(built.role === 'printer' && built.device.description).toBe('/dev/ttyUSB7@19200');
  });

  it('a network printer talks to its host and port', () => {
    const built = buildDevice('printer', { printer: { kind: 'printer-escpos', link: { type: 'tcp', host: 'printer.local', port: 9100 }, enabled: true } }, deps);
    expect(built.role === 'printer' && built.device.description).toContain('printer.local');
  });
});
