import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import type { EvaluationLevel, ScanPayload } from '../../src/contract';
import { evaluatorPadFromConfig, scannerFromConfig } from '../../devices/manager/factory';
import { validateDevicesConfig } from '../../devices/manager/config';
import type { Listings } from '../../devices/manager/discovery';
import { transportForLink } from '../../devices/manager/transports';
import { encodeHidPosReports } from '../../devices/protocols/scanner/hid-pos';
import { encodeKeyboardReports } from '../../devices/protocols/scanner/keyboard-report';
import { aimFor } from '../../devices/protocols/scanner/symbology';
import type { HidDeviceLike } from '../../devices/transports/hid';

/** A scripted USB HID device: the test makes it send input reports exactly as node-hid delivers them. */
class ScriptedHid extends EventEmitter implements HidDeviceLike {
  closed = false;
  async write(values: number[] | Uint8Array): Promise<number> {
    return values.length;
  }
  send(report: Uint8Array): void {
    this.emit('data', report);
  }
  /** node-hid reports an unplugged device as a read error. */
  unplug(): void {
    this.emit('error', new Error('could not read from HID device'));
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}

const devices: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const d of devices.splice(0)) await d.close();
});

async function until(condition: () => boolean, what: string, limitMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > limitMs) throw new Error(`never happened: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function configOf(devicesConfig: unknown) {
  const result = validateDevicesConfig({ version: 1, devices: devicesConfig });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.config.devices;
}

describe('HID scanners and key pads through the HID transport (scripted node-hid device)', () => {
  it('HID-POS scanner bound by VID/PID + usage page: reads, survives unplug, is found at its new hidraw path', async () => {
    const entry = configOf({
      scanner: { kind: 'scanner-hid-pos', link: { type: 'hid', usb: { vendorId: '0c2e', productId: '0b8f' }, usagePage: 0x8c } },
    }).scanner;
    if (!entry) throw new Error('no scanner');
    let listing: Listings = {
      serialPorts: [],
      hidDevices: [
        { path: '/dev/hidraw3', vendorId: 0x0c2e, productId: 0x0b8f, usagePage: 0x8c, usage: 2 },
        { path: '/dev/hidraw4', vendorId: 0x0c2e, productId: 0x0b8f, usagePage: 0x01, usage: 6 },
      ],
    };
    const opened: string[] = [];
    let hid = new ScriptedHid();
    const transport = transportForLink(entry.link, {
      list: async () => listing,
      hidOpener: async (path) => {
        opened.push(path);
        return hid;
      },
    });
    if (!transport) throw new Error('no transport');
    const built = scannerFromConfig(entry, transport);
    if (!built.ok) throw new Error(built.detail);
    const scanner = built.device;
    devices.push(scanner);
    const scans: ScanPayload[] = [];
    scanner.events.on('scan', (s) => scans.push(s));
    expect((await scanner.open()).code).toBe('ok');
    await scanner.claim();
    await scanner.enable();
    expect(opened).toEqual(['/dev/hidraw3']);

    const code = `https://zwfw.example.gov.cn/q?no=${'受理'.repeat(12)}`;
    for (const r of encodeHidPosReports(new TextEncoder().encode(code), aimFor('qr'))) hid.send(r);
    expect(scans).toEqual([{ text: code, symbology: 'qr' }]);

    hid.unplug();
    expect(scanner.status()).toMatchObject({ state: 'error', connected: false });
    hid = new ScriptedHid();
    listing = { serialPorts: [], hidDevices: [{ path: '/dev/hidraw7', vendorId: 0x0c2e, productId: 0x0b8f, usagePage: 0x8c, usage: 2 }] };
    await until(() => scanner.status().state === 'idle', 'scanner back');
    expect(opened).toEqual(['/dev/hidraw3', '/dev/hidraw7']);
    for (const r of encodeHidPosReports(new TextEncoder().encode('6901234567892'), aimFor('ean13'))) hid.send(r);
    expect(scans.at(-1)).toEqual({ text: '6901234567892', symbology: 'ean13' });
  });

  it('keyboard-wedge scanner on hidraw: a fast burst is a scan, typing on the same device is not', async () => {
    const entry = configOf({ scanner: { kind: 'scanner-keyboard-wedge', link: { type: 'hid', path: '/dev/hidraw5' } } }).scanner;
    if (!entry) throw new Error('no scanner');
    const hid = new ScriptedHid();
    const transport = transportForLink(entry.link, { list: async () => ({ serialPorts: [], hidDevices: [] }), hidOpener: async () => hid });
    if (!transport) throw new Error('no transport');
    const built = scannerFromConfig(entry, transport);
    if (!built.ok) throw new Error(built.detail);
    const scanner = built.device;
    devices.push(scanner);
    const scans: string[] = [];
    const rejected: string[] = [];
    scanner.events.on('scan', (s) => scans.push(s.text));
    scanner.events.on('rejected', (r) => rejected.push(r.reason));
    await scanner.open();
    await scanner.claim();
    await scanner.enable();

    for (const r of encodeKeyboardReports('TRK-2026-000123')) hid.send(r);
    expect(scans).toEqual(['TRK-2026-000123']);

    for (const r of encodeKeyboardReports('123')) {
      hid.send(r);
      await new Promise((resolve) => setTimeout(resolve, 30)); // a person: tens of ms per report
    }
    expect(scans).toEqual(['TRK-2026-000123']);
    expect(rejected.length).toBeGreaterThan(0);
  });

  it('USB keyboard evaluation pad with a technician key map', async () => {
    const entry = configOf({
      evaluator: { kind: 'evaluator-hid-keys', link: { type: 'hid', path: '/dev/hidraw6' }, options: { keyMap: { a: '非常满意', e: '非常不满意' } } },
    }).evaluator;
    if (!entry) throw new Error('no pad');
    const hid = new ScriptedHid();
    const transport = transportForLink(entry.link, { list: async () => ({ serialPorts: [], hidDevices: [] }), hidOpener: async () => hid });
    if (!transport) throw new Error('no transport');
    const built = evaluatorPadFromConfig(entry, transport);
    if (!built.ok) throw new Error(built.detail);
    const pad = built.device;
    devices.push(pad);
    const levels: EvaluationLevel[] = [];
    pad.events.on('key', (k) => levels.push(k.level));
    await pad.open();
    await pad.claim();
    await pad.enable();
    for (const r of encodeKeyboardReports('aez', 'none')) hid.send(r);
    expect(levels).toEqual(['非常满意', '非常不满意']);
  });
});
