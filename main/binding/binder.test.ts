import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceStatus, EventName } from '../../src/contract';
import { createDeviceSet } from '../devices';
import type { DeviceSet } from '../devices';
import { silentLogger } from '../log';
import { DeviceBinder } from './binder';
import { sampleCards } from '../../devices/simulators/idcard/sample-cards';
import { entryFor } from './candidates';

const sets: DeviceSet[] = [];
afterEach(async () => {
  for (const set of sets.splice(0)) for (const d of set.all()) await d.close();
});

function memoryStore() {
  const rows = new Map<string, string>();
  return { rows, list: () => [...rows].map(([role, entry]) => ({ role, entry })), put: (role: string, entry: string) => void rows.set(role, entry) };
}

function setup(profile: 'simulated' | 'configured' = 'simulated', store = memoryStore()) {
  const devices = createDeviceSet(profile, {});
  sets.push(devices);
  const events: { name: EventName; payload: unknown }[] = [];
  const binder = new DeviceBinder({
    devices,
    profile,
    store,
    publish: (name, payload) => events.push({ name, payload }),
    logger: silentLogger,
    list: async () => ({ serialPorts: [], hidDevices: [] }),
    paperWidth: () => 384,
  });
  return { devices, binder, events, store };
}

const statuses = (events: { name: EventName; payload: unknown }[]) => events.filter((e) => e.name === 'device.status').map((e) => e.payload as DeviceStatus);

describe('device binder', () => {
  it('unbinds and binds the simulated printer live, persisted; a restart applies what was stored', async () => {
    const { devices, binder, events, store } = setup();
    expect(await binder.unbind('printer')).toBe(true);
    expect(devices.printer).toBeNull();
    expect(binder.bindings().find((b) => b.role === 'printer')).toMatchObject({ enabled: false, link: 'simulated' });
    expect(statuses(events).at(-1)).toMatchObject({ role: 'printer', state: 'closed', connected: false });
    expect(JSON.parse(store.rows.get('printer') ?? '{}')).toMatchObject({ kind: 'printer-escpos', enabled: false });

    // A restart with the stored rows: the printer stays unbound.
    const restarted = setup('simulated', store);
    restarted.binder.applyStored();
    expect(restarted.devices.printer).toBeNull();

    const choice = entryFor('printer', 'simulated:printer', []);
    if (!choice.ok) throw new Error(choice.message);
    const { status, binding } = await binder.bind('printer', choice.entry);
    expect(binding).toMatchObject({ role: 'printer', kind: 'printer-escpos', enabled: true });
    expect(status).toMatchObject({ role: 'printer', state: 'idle', connected: true });
    // The new printer is wired: its status changes reach the bus, and the simulator panel drives it.
    expect(devices.printer?.paperWidth).toBe(384);
    devices.simulator?.printer.virtual.setPaper('out');
    await devices.printer?.queryCondition();
    expect(events.some((e) => e.name === 'printer.alert')).toBe(true);
  });

  it('a reader bound live feeds the services that subscribed to cards before the rebind', async () => {
    const { devices, binder } = setup();
    const heard: string[] = [];
    devices.cards.on((card) => heard.push(card.name));
    expect(await binder.unbind('idcard')).toBe(true);
    const choice = entryFor('idcard', 'simulated:idcard', []);
    if (!choice.ok) throw new Error(choice.message);
    const { status } = await binder.bind('idcard', choice.entry);
    expect(status).toMatchObject({ role: 'idcard', connected: true });
    const sample = sampleCards[0];
    if (!sample) throw new Error('no sample card');
    devices.simulator?.idcard.place(sample.card);
    const start = Date.now();
    while (heard.length === 0 && Date.now() - start < 3000) await new Promise((r) => setTimeout(r, 10));
    expect(heard).toEqual([sample.card.name]);
  });

  it('answers a bad entry with errors that name the field, and changes nothing', async () => {
    const { devices, binder } = setup();
    const before = devices.printer;
    await expect(binder.bind('printer', { kind: 'printer-escpos', link: { type: 'tcp', host: 'printer.local', port: 70000 } })).rejects.toMatchObject({
      code: 'BAD_INPUT',
      issues: [expect.objectContaining({ path: 'devices.printer.link.port' })],
    });
    await expect(binder.bind('printer', { kind: 'printer-escpos', link: { type: 'hid', path: '/dev/hidraw0' } })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: 'devices.printer.link.type' })],
    });
    expect(devices.printer).toBe(before);
  });

  it('the configured profile refuses simulated devices; a network printer binds and reports its error status', async () => {
    const { binder, devices } = setup('configured');
    await expect(binder.bind('printer', { kind: 'printer-escpos', link: { type: 'simulated' } })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    const { status } = await binder.bind('printer', { kind: 'printer-escpos', link: { type: 'tcp', host: '127.0.0.1', port: 9 } });
    expect(status.role).toBe('printer');
    expect(devices.printer?.kind).toBe('printer-escpos-tcp');
    expect(binder.bindings().find((b) => b.role === 'printer')?.link).toBe('tcp 127.0.0.1:9');
  });

  it('binds the evaluator to the customer-facing screen: no pad driver, a status saying so', async () => {
    const { binder, devices } = setup();
    const choice = entryFor('evaluator', 'screen:customer', []);
    if (!choice.ok) throw new Error(choice.message);
    const { status } = await binder.bind('evaluator', choice.entry);
    expect(devices.evaluator).toBeNull();
    expect(status.detail).toContain('customer-facing screen');
    expect(entryFor('printer', 'screen:customer', [])).toMatchObject({ ok: false });
  });
});

describe('candidate entries', () => {
  const ch340 = (path: string, serialNumber?: string) => ({
    id: `serial:${path}`,
    appearsAs: 'serial' as const,
    path,
    vendorId: 0x1a86,
    productId: 0x7523,
    serialNumber,
    label: 'CH340',
    known: undefined,
    suggestedRoles: ['idcard' as const],
  });

  it('binds a lone USB device by vendor/product ID, twins without serial numbers by port', () => {
    expect(entryFor('idcard', 'serial:/dev/ttyUSB0', [ch340('/dev/ttyUSB0')])).toEqual({
      ok: true,
      entry: { kind: 'idcard-sam', link: { type: 'serial', usb: { vendorId: 0x1a86, productId: 0x7523 } } },
    });
    expect(entryFor('idcard', 'serial:/dev/ttyUSB0', [ch340('/dev/ttyUSB0'), ch340('/dev/ttyUSB1')])).toMatchObject({
      entry: { link: { type: 'serial', path: '/dev/ttyUSB0' } },
    });
    expect(entryFor('idcard', 'serial:/dev/ttyUSB0', [ch340('/dev/ttyUSB0', 'A1'), ch340('/dev/ttyUSB1', 'B2')])).toMatchObject({
      entry: { link: { usb: { serialNumber: 'A1' } } },
    });
    expect(entryFor('idcard', 'serial:/dev/gone', [])).toMatchObject({ ok: false });
  });
});
