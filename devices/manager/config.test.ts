import { describe, expect, it } from 'vitest';
import { parseDevicesConfig, serializeDevicesConfig, simulatedDevicesConfig, validateDevicesConfig } from './config';

const fields = (input: unknown): string[] => {
  const result = validateDevicesConfig(input);
  return result.ok ? [] : result.errors.map((e) => e.field);
};

describe('device configuration', () => {
  it('accepts a typical terminal and fills defaults', () => {
    const result = validateDevicesConfig({
      version: 1,
      devices: {
        idcard: { kind: 'idcard-sam', link: { type: 'serial', usb: { vendorId: '1a86', productId: '0x7523' }, baudRate: 115200 } },
        printer: { kind: 'printer-escpos', link: { type: 'device-file', path: '/dev/usb/lp0' }, options: { paperWidth: 58 } },
        scanner: { kind: 'scanner-hid-pos', link: { type: 'hid', usb: { vendorId: 0x0c2e, productId: 0x0b8f } } },
        evaluator: { kind: 'evaluator-bus', link: { type: 'serial', path: '/dev/ttyS1' }, options: { model: 'queuesystem-4', address: 3 } },
      },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.devices.idcard?.link).toMatchObject({ type: 'serial', usb: { vendorId: 0x1a86, productId: 0x7523 }, baudRate: 115200, parity: 'none' });
    expect(result.config.devices.evaluator?.link).toMatchObject({ baudRate: 9600 });
    expect(result.config.devices.scanner?.enabled).toBe(true);
  });

  it('names the field of a wrong value', () => {
    expect(
      fields({ version: 1, devices: { scanner: { kind: 'scanner-serial', link: { type: 'serial', path: '/dev/ttyUSB0', baudRate: 9601 } } } }),
    ).toEqual(['devices.scanner.link.baudRate']);
    expect(fields({ version: 1, devices: { evaluator: { kind: 'evaluator-bus', link: { type: 'serial', path: '/dev/ttyS1' }, options: { address: 300 } } } })).toEqual([
      'devices.evaluator.options.address',
    ]);
    expect(
      fields({ version: 1, devices: { evaluator: { kind: 'evaluator-bus', link: { type: 'simulated' }, options: { keyMap: { '1': 'happy' } } } } }),
    ).toEqual(['devices.evaluator.options.keyMap.1']);
  });

  it('names an unknown field (a typo) and a kind that does not fit the role', () => {
    expect(fields({ version: 1, devices: { scanner: { kind: 'scanner-serial', link: { type: 'serial', path: '/dev/x', baudrate: 9600 } } } })).toEqual([
      'devices.scanner.link.baudrate',
    ]);
    expect(fields({ version: 1, devices: { scanner: { kind: 'evaluator-bus', link: { type: 'serial', path: '/dev/x' } } } })).toEqual(['devices.scanner.kind']);
    expect(fields({ version: 1, devices: { toaster: {} } })).toEqual(['devices.toaster']);
  });

  it('checks that the transport suits the kind and that a port or USB ID is given', () => {
    const result = validateDevicesConfig({
      version: 1,
      devices: {
        scanner: { kind: 'scanner-hid-pos', link: { type: 'serial', path: '/dev/ttyUSB0' } },
        evaluator: { kind: 'evaluator-hid-keys', link: { type: 'hid' } },
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { field: 'devices.scanner.link.type', message: 'scanner-hid-pos works over hid or simulated, not serial' },
      { field: 'devices.evaluator.link.path', message: 'give a port path or a usb vendorId/productId' },
    ]);
    expect(fields({ version: 1, devices: { scanner: { kind: 'scanner-hid-pos', link: { type: 'hid', usb: { vendorId: 'zz', productId: 1 } } } } })).toEqual([
      'devices.scanner.link.usb.vendorId',
    ]);
  });

  it('reads stored JSON, refusing malformed text and a future version with a clear field', () => {
    expect(parseDevicesConfig('{"version":1,')).toMatchObject({ ok: false, errors: [{ field: '(root)' }] });
    expect(fields({ version: 2, devices: {} })).toEqual(['version']);
    const stored = serializeDevicesConfig(simulatedDevicesConfig);
    expect(parseDevicesConfig(stored)).toEqual({ ok: true, config: simulatedDevicesConfig });
  });
});
