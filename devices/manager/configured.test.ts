import { describe, expect, it } from 'vitest';
import { noWltDecoder } from '../drivers/idcard/photo';
import { configuredIdCardReader, configuredPrinter } from './configured';
import { defaultDeviceSettings } from './settings';
import type { DeviceSettings } from './settings';
import { createSimulatedIdCardReader } from './simulated';

const configured = (patch: Partial<DeviceSettings>): DeviceSettings => ({ ...defaultDeviceSettings('configured'), ...patch });

describe('configured profile devices from settings', () => {
  it('builds no reader and no printer when the settings name none', () => {
    expect(configuredIdCardReader(configured({}), noWltDecoder)).toBeNull();
    expect(configuredPrinter(configured({}))).toBeNull();
  });

  it('a serial SAM reader from the settings reports itself offline when nothing answers', async () => {
    const reader = configuredIdCardReader(configured({ idcard: { port: '/dev/does-not-exist', baudRate: 9600, wltDecoder: null } }), noWltDecoder);
    expect(reader?.kind).toBe('idcard-sam-serial');
    expect((await reader?.open())?.code).toBe('ok');
    expect(reader?.status()).toMatchObject({ state: 'error', connected: false, detail: expect.stringContaining('读卡器未连接') });
    await reader?.close();
  });

  it('a printer on each of the three links, at the settings paper width', () => {
    const tcp = configuredPrinter(configured({ printer: { type: 'tcp', host: '127.0.0.1', port: 9 }, paperWidthMm: 58 }));
    expect(tcp).toMatchObject({ kind: 'printer-escpos-tcp', paperWidth: 384 });
    const serial = configuredPrinter(configured({ printer: { type: 'serial', path: '/dev/ttyUSB7', baudRate: 19200 } }));
    expect(serial).toMatchObject({ kind: 'printer-escpos-serial', paperWidth: 576, description: '/dev/ttyUSB7@19200' });
    const file = configuredPrinter(configured({ printer: { type: 'file', path: '/dev/usb/lp0' } }));
    expect(file?.kind).toBe('printer-escpos-file');
  });
});

describe('simulated reader', () => {
  it('the real SAM driver reads a card the panel places', async () => {
    const { reader, control } = createSimulatedIdCardReader();
    const cards: string[] = [];
    reader.events.on('card', (c) => cards.push(c.cardType));
    expect((await reader.open()).code).toBe('ok');
    await reader.claim();
    await reader.enable();
    control.place({
      cardType: 'resident',
      name: '王五',
      gender: 'male',
      birthDate: '1990-03-07',
      idNumber: '110101199003071233',
      validFrom: '2020-01-01',
      validUntil: 'long-term',
      idNumberValid: true,
      hasPhoto: false,
    });
    await expect.poll(() => cards, { timeout: 3_000 }).toEqual(['resident']);
    expect(reader.status().kind).toBe('idcard-sam-simulated');
    await reader.close();
  });
});
