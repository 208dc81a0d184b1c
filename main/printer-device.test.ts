import { describe, expect, it } from 'vitest';
import { PrinterConfigError, parsePrinterConfig } from './printer-device';

describe('parsePrinterConfig', () => {
  it('reads the three transports and the paper width', () => {
    expect(parsePrinterConfig({})).toBeNull();
    expect(parsePrinterConfig({ HALL_PRINTER: 'tcp://10.0.0.5:9100' })).toEqual({ kind: 'tcp', host: '10.0.0.5', port: 9100, paperWidth: 576 });
    expect(parsePrinterConfig({ HALL_PRINTER: 'tcp://printer.local' })).toMatchObject({ port: 9100 });
    expect(parsePrinterConfig({ HALL_PRINTER: 'serial:/dev/ttyUSB0?baud=115200', HALL_PRINTER_PAPER: '58' })).toEqual({ kind: 'serial', path: '/dev/ttyUSB0', baudRate: 115200, paperWidth: 384 });
    expect(parsePrinterConfig({ HALL_PRINTER: 'serial:/dev/ttyS0' })).toMatchObject({ baudRate: 9600 });
    expect(parsePrinterConfig({ HALL_PRINTER: 'file:/dev/usb/lp0' })).toEqual({ kind: 'file', path: '/dev/usb/lp0', paperWidth: 576 });
  });

  it('rejects what it cannot read with a message naming the variable', () => {
    expect(() => parsePrinterConfig({ HALL_PRINTER: 'usb:1234' })).toThrow(PrinterConfigError);
    expect(() => parsePrinterConfig({ HALL_PRINTER: 'tcp://host:99999' })).toThrow(/HALL_PRINTER/);
    expect(() => parsePrinterConfig({ HALL_PRINTER: 'file:relative' })).toThrow(/HALL_PRINTER/);
    expect(() => parsePrinterConfig({ HALL_PRINTER: 'file:/dev/usb/lp0', HALL_PRINTER_PAPER: '76' })).toThrow(/HALL_PRINTER_PAPER/);
  });
});
