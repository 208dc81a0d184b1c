import { describe, expect, it } from 'vitest';
import { defaultDeviceSettings, deviceSettingsFromEnv, parsePaperWidthMm } from './settings';
import type { DeviceSettingsResult } from './settings';

const settingsOf = (result: DeviceSettingsResult) => {
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.settings;
};
const variablesOf = (result: DeviceSettingsResult) => (result.ok ? [] : result.errors.map((e) => `${e.variable}:${e.code}`));

describe('deviceSettingsFromEnv', () => {
  it('an empty environment gives the profile defaults: no reader, no printer, 80 mm paper', () => {
    expect(settingsOf(deviceSettingsFromEnv({}))).toEqual(defaultDeviceSettings('configured'));
    expect(settingsOf(deviceSettingsFromEnv({ HALL_PRINTER: '  ', HALL_IDCARD_PORT: '' }))).toMatchObject({ printer: null, idcard: { port: null } });
  });

  it('reads the three printer links', () => {
    const printer = (spec: string) => settingsOf(deviceSettingsFromEnv({ HALL_PRINTER: spec })).printer;
    expect(printer('tcp://10.0.0.5:9100')).toEqual({ type: 'tcp', host: '10.0.0.5', port: 9100 });
    expect(printer('tcp://printer.local')).toEqual({ type: 'tcp', host: 'printer.local', port: 9100 });
    expect(printer('serial:/dev/ttyUSB0?baud=115200')).toEqual({ type: 'serial', path: '/dev/ttyUSB0', baudRate: 115200 });
    expect(printer('serial:/dev/ttyS0')).toEqual({ type: 'serial', path: '/dev/ttyS0', baudRate: 9600 });
    expect(printer('file:/dev/usb/lp0')).toEqual({ type: 'file', path: '/dev/usb/lp0' });
  });

  it('reads the ID card reader port, first rate and photo decoder', () => {
    const settings = settingsOf(deviceSettingsFromEnv({ HALL_IDCARD_PORT: ' /dev/ttyUSB1 ', HALL_IDCARD_BAUD: '9600', HALL_IDCARD_WLT_DECODER: '/opt/vendor/wlt.mjs' }));
    expect(settings.idcard).toEqual({ port: '/dev/ttyUSB1', baudRate: 9600, wltDecoder: '/opt/vendor/wlt.mjs' });
    expect(settingsOf(deviceSettingsFromEnv({ HALL_IDCARD_PORT: 'auto' })).idcard).toEqual({ port: 'auto', baudRate: 115200, wltDecoder: null });
    expect(settingsOf(deviceSettingsFromEnv({ HALL_IDCARD_PORT: 'COM3' })).idcard.port).toBe('COM3');
  });

  it('one rule for the paper width: 58 or 80, 80 when unset, anything else an error', () => {
    expect(settingsOf(deviceSettingsFromEnv({ HALL_PRINTER_PAPER: '58' })).paperWidthMm).toBe(58);
    expect(settingsOf(deviceSettingsFromEnv({ HALL_PRINTER_PAPER: ' 80 ' })).paperWidthMm).toBe(80);
    expect(parsePaperWidthMm(undefined)).toEqual({ ok: true, value: 80 });
    for (const bad of ['76', '58mm', '5 8', 'eighty']) {
      expect(parsePaperWidthMm(bad)).toMatchObject({ ok: false, error: { variable: 'HALL_PRINTER_PAPER', code: 'paper-width', value: bad } });
    }
    // The same rule in both profiles: the simulated printer and the terminal identity use the width too.
    expect(variablesOf(deviceSettingsFromEnv({ HALL_PRINTER_PAPER: '76' }, 'simulated'))).toEqual(['HALL_PRINTER_PAPER:paper-width']);
    expect(settingsOf(deviceSettingsFromEnv({ HALL_PRINTER_PAPER: '58' }, 'simulated'))).toEqual({ ...defaultDeviceSettings('simulated'), paperWidthMm: 58 });
  });

  it('reports every variable it cannot read, each with its own code, and the value given', () => {
    const result = deviceSettingsFromEnv({
      HALL_PRINTER: 'usb:1234',
      HALL_PRINTER_PAPER: '76',
      HALL_IDCARD_PORT: '/dev/tty USB0',
      HALL_IDCARD_BAUD: 'nonsense',
      HALL_IDCARD_WLT_DECODER: 'bad\u0000path',
    });
    expect(variablesOf(result)).toEqual([
      'HALL_PRINTER_PAPER:paper-width',
      'HALL_PRINTER:printer-link',
      'HALL_IDCARD_PORT:port',
      'HALL_IDCARD_BAUD:baud-rate',
      'HALL_IDCARD_WLT_DECODER:module-path',
    ]);
    expect(result.ok ? null : result.errors[1]).toMatchObject({ value: 'usb:1234', message: expect.stringContaining('HALL_PRINTER') });
  });

  it('rejects printer links it cannot read', () => {
    for (const spec of ['tcp://host:99999', 'tcp://', 'serial:ttyUSB0', 'file:relative', 'lpt1']) {
      expect(variablesOf(deviceSettingsFromEnv({ HALL_PRINTER: spec }))).toEqual(['HALL_PRINTER:printer-link']);
    }
  });

  it('a first rate that no SAM speaks is an error, not a silent 115200', () => {
    for (const rate of ['4800', '0', '-9600', '9600.5', '1e5']) {
      expect(variablesOf(deviceSettingsFromEnv({ HALL_IDCARD_BAUD: rate }))).toEqual(['HALL_IDCARD_BAUD:baud-rate']);
    }
  });

  it('the simulated profile ignores the hardware variables', () => {
    expect(settingsOf(deviceSettingsFromEnv({ HALL_PRINTER: 'usb:1234', HALL_IDCARD_BAUD: 'nonsense', HALL_IDCARD_PORT: '/dev/ttyUSB0' }, 'simulated'))).toEqual(
      defaultDeviceSettings('simulated'),
    );
  });
});
