import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceStatus, EventName } from '../../src/contract';
import { sampleCards } from '../simulators/idcard/sample-cards';
import { ScannerSimulator } from '../simulators/scanner/scanner-simulator';
import { createMemoryPair } from '../transports/memory-pair';
import type { MemoryTransport } from '../transports/memory-pair';
import { memoryBindingStore } from './bindings';
import type { DeviceBindingStore } from './bindings';
import { entryFor } from './candidates';
import { DeviceManager } from './device-manager';
import type { DeviceManagerOptions } from './device-manager';
import type { DeviceLog } from './device-events';
import type { Listings } from './discovery';
import { defaultDeviceSettings } from './settings';
import type { DeviceProfile } from './settings';

const managers: DeviceManager[] = [];
afterEach(async () => {
  for (const m of managers.splice(0)) await m.close();
});

type Published = { name: EventName; payload: unknown };

function setup(profile: DeviceProfile = 'simulated', bindings: DeviceBindingStore = memoryBindingStore(), extra: Partial<DeviceManagerOptions> = {}) {
  const events: Published[] = [];
  const logged: string[] = [];
  const log: DeviceLog = { info: (m) => logged.push(`info ${m}`), warn: (m) => logged.push(`warn ${m}`), error: (m) => logged.push(`error ${m}`) };
  const manager = new DeviceManager({
    settings: defaultDeviceSettings(profile),
    bindings,
    publish: (name, payload) => events.push({ name, payload }),
    log,
    list: async () => ({ serialPorts: [], hidDevices: [] }),
    paperWidth: () => 384,
    ...extra,
  });
  managers.push(manager);
  return { manager, events, logged, bindings };
}

const statuses = (events: Published[]) => events.filter((e) => e.name === 'device.status').map((e) => e.payload as DeviceStatus);

function simulatedEntry(role: 'idcard' | 'printer' | 'scanner' | 'evaluator') {
  const choice = entryFor(role, `simulated:${role}`, []);
  if (!choice.ok) throw new Error(choice.message);
  return choice.entry;
}

describe('device manager: roles and profiles', () => {
  it('the simulated profile fills all four roles with real drivers and gives the panel its handles', async () => {
    const { manager, events } = setup();
    expect(manager.all().map((d) => `${d.role}:${d.kind}`)).toEqual(['idcard:idcard-sam-simulated', 'printer:printer-simulated', 'scanner:scanner-serial', 'evaluator:evaluator-bus']);
    expect(manager.printer?.paperWidth).toBe(384);
    expect(manager.simulator).not.toBeNull();
    expect(manager.bindings().map((b) => `${b.role} ${b.link} ${b.enabled}`)).toEqual(['idcard simulated true', 'printer simulated true', 'scanner simulated true', 'evaluator simulated true']);
    await manager.start();
    expect(manager.all().map((d) => d.status().state)).toEqual(['idle', 'idle', 'idle', 'idle']);
    expect(statuses(events).map((s) => `${s.role}:${s.state}`)).toEqual(expect.arrayContaining(['idcard:idle', 'printer:idle', 'scanner:idle', 'evaluator:idle']));
    await manager.close();
    expect(manager.all().map((d) => d.status().state)).toEqual(['closed', 'closed', 'closed', 'closed']);
  });

  it('the configured profile without settings or bindings has no devices and no simulator', () => {
    const { manager } = setup('configured');
    expect(manager.all()).toEqual([]);
    expect(manager.simulator).toBeNull();
    expect(manager.bindings().every((b) => !b.enabled && b.kind === '')).toBe(true);
  });

  it('the configured profile builds the reader and printer its settings name', () => {
    const manager = new DeviceManager({
      settings: { ...defaultDeviceSettings('configured'), printer: { type: 'tcp', host: '127.0.0.1', port: 9 }, idcard: { port: '/dev/does-not-exist', baudRate: 9600, wltDecoder: null }, paperWidthMm: 58 },
    });
    managers.push(manager);
    expect(manager.all().map((d) => d.kind)).toEqual(['idcard-sam-serial', 'printer-escpos-tcp']);
    expect(manager.printer?.paperWidth).toBe(384);
    expect(manager.bindings().find((b) => b.role === 'printer')?.link).toBe('environment (HALL_* variables)');
  });
});

describe('device manager: binding live', () => {
  it('unbinds and binds the printer live: the old driver closed, the new one started and heard, both persisted', async () => {
    const { manager, events, bindings } = setup();
    const store = bindings as ReturnType<typeof memoryBindingStore>;
    await manager.start();
    const old = manager.printer;
    expect(await manager.unbind('printer')).toBe(true);
    expect(manager.printer).toBeNull();
    expect(old?.status().state).toBe('closed');
    expect(statuses(events).at(-1)).toMatchObject({ role: 'printer', state: 'closed', connected: false });
    expect(JSON.parse(store.rows.get('printer') ?? '{}')).toMatchObject({ kind: 'printer-escpos', enabled: false });
    expect(await manager.unbind('scanner')).toBe(true);

    const bound = await manager.bind('printer', simulatedEntry('printer'));
    expect(bound).toMatchObject({ ok: true, binding: { role: 'printer', kind: 'printer-escpos', enabled: true }, status: { role: 'printer', state: 'idle', connected: true } });
    const fresh = manager.printer;
    expect(fresh).not.toBe(old);
    expect(fresh?.paperWidth).toBe(384);
    expect(JSON.parse(store.rows.get('printer') ?? '{}')).toMatchObject({ enabled: true });
    // Wired: the panel drives the new virtual printer, and its alerts reach the windows.
    manager.simulator?.printer.virtual.setPaper('out');
    await fresh?.queryCondition();
    expect(events.some((e) => e.name === 'printer.alert')).toBe(true);
    // The old driver is no longer heard.
    const before = events.length;
    await old?.open();
    await old?.close();
    expect(events.length).toBe(before);
  });

  it('a restart applies what was stored: an unbound role stays empty', async () => {
    const store = memoryBindingStore();
    const first = setup('simulated', store);
    await first.manager.unbind('printer');
    const restarted = setup('simulated', store);
    expect(restarted.manager.printer).toBeNull();
    expect(restarted.manager.scanner).not.toBeNull();
    expect(restarted.manager.configuration().printer).toMatchObject({ enabled: false, stored: true });
    expect(restarted.manager.configuration().scanner).toMatchObject({ stored: false });
  });

  it('a stored row that does not validate leaves its role unbound and says so in the log, not in a throw', () => {
    const store = memoryBindingStore();
    store.put('printer', '{not json', '2026-01-01T00:00:00Z');
    store.put('scanner', JSON.stringify({ kind: 'scanner-serial', link: { type: 'tcp', host: 'x' } }), '2026-01-01T00:00:00Z');
    store.put('toaster', '{}', '2026-01-01T00:00:00Z');
    const { manager, logged } = setup('simulated', store);
    expect(manager.printer).toBeNull();
    expect(manager.scanner).toBeNull();
    expect(manager.idcard).not.toBeNull();
    expect(logged.filter((l) => l.startsWith('error'))).toHaveLength(2);
  });

  it('the card feed follows a rebind: services that subscribed before keep hearing cards', async () => {
    const { manager } = setup();
    await manager.start();
    const heard: string[] = [];
    manager.cards.on((card) => heard.push(card.name));
    const old = manager.idcard;
    expect(await manager.unbind('idcard')).toBe(true);
    expect((await manager.bind('idcard', simulatedEntry('idcard'))).ok).toBe(true);
    expect(manager.idcard).not.toBe(old);
    const sample = sampleCards[0];
    if (!sample) throw new Error('no sample card');
    manager.simulator?.idcard.place(sample.card);
    await expect.poll(() => heard, { timeout: 3_000 }).toEqual([sample.card.name]);
  });

  it('a bad entry is a typed error naming the field, and the role keeps its driver', async () => {
    const { manager, bindings } = setup();
    const before = manager.printer;
    const port = await manager.bind('printer', { kind: 'printer-escpos', link: { type: 'tcp', host: 'printer.local', port: 70000 } });
    expect(port).toEqual({ ok: false, error: { code: 'invalid-entry', role: 'printer', fields: [expect.objectContaining({ path: 'devices.printer.link.port' })] } });
    const link = await manager.bind('printer', { kind: 'printer-escpos', link: { type: 'hid', path: '/dev/hidraw0' } });
    expect(link).toMatchObject({ ok: false, error: { fields: [expect.objectContaining({ path: 'devices.printer.link.type' })] } });
    expect(manager.printer).toBe(before);
    expect(bindings.list()).toEqual([]);
  });

  it('a driver that cannot be built is a typed error; the old driver stays and keeps running', async () => {
    const { manager } = setup();
    await manager.start();
    const before = manager.idcard;
    const outcome = await manager.bind('idcard', { kind: 'idcard-sam', link: { type: 'hid', path: '/dev/hidraw0' } });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'build-failed', role: 'idcard', detail: expect.stringContaining('not supported yet') } });
    expect(manager.idcard).toBe(before);
    expect(before?.status().state).toBe('idle');
  });

  it('the configured profile refuses simulated devices; a network printer binds and reports its error status', async () => {
    const { manager } = setup('configured');
    expect(await manager.bind('printer', simulatedEntry('printer'))).toMatchObject({ ok: false, error: { code: 'not-in-profile', fields: [{ path: 'devices.printer.link.type' }] } });
    const bound = await manager.bind('printer', { kind: 'printer-escpos', link: { type: 'tcp', host: '127.0.0.1', port: 9 } });
    expect(bound).toMatchObject({ ok: true, status: { role: 'printer', connected: false } });
    expect(manager.printer?.kind).toBe('printer-escpos-tcp');
    expect(manager.bindings().find((b) => b.role === 'printer')?.link).toBe('tcp 127.0.0.1:9');
  });

  it('binds the evaluator to the customer-facing screen: no pad driver, a status saying so', async () => {
    const { manager, events } = setup();
    const choice = entryFor('evaluator', 'screen:customer', []);
    if (!choice.ok) throw new Error(choice.message);
    const bound = await manager.bind('evaluator', choice.entry);
    expect(manager.evaluator).toBeNull();
    expect(bound.ok && bound.status.detail).toContain('customer-facing screen');
    expect(statuses(events).at(-1)).toMatchObject({ role: 'evaluator', detail: 'customer-facing screen' });
  });

  it('rebuild builds the bound printer again at the paper width asked for now', async () => {
    let width: 384 | 576 = 576;
    const { manager } = setup('simulated', memoryBindingStore(), { paperWidth: () => width });
    await manager.start();
    expect(manager.printer?.paperWidth).toBe(576);
    width = 384;
    await manager.rebuild('printer');
    expect(manager.printer?.paperWidth).toBe(384);
    expect(manager.printer?.status().state).toBe('idle');
  });
});

describe('device manager: status stream and health', () => {
  it('one ordered history of every role, including drivers bound live', async () => {
    const { manager } = setup();
    await manager.start();
    await manager.unbind('scanner');
    await manager.bind('scanner', simulatedEntry('scanner'));
    const history = manager.statusStream.history().map((e) => `${e.status.role}:${e.status.state}`);
    expect(history.slice(0, 4)).toEqual(['idcard:closed', 'printer:closed', 'scanner:closed', 'evaluator:closed']);
    expect(history.slice(-2)).toEqual(['scanner:closed', 'scanner:idle']);
    const seqs = manager.statusStream.history().map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    await manager.checkHealth();
    expect(manager.health.list().map((r) => `${r.role}:${r.ok}`)).toEqual(['idcard:true', 'printer:true', 'scanner:true', 'evaluator:true']);
  });
});

describe('device manager: hot-plug (configured profile)', () => {
  it('follows a bound serial scanner in the listing: told when its port vanishes, back when it returns', async () => {
    let listing: Listings = { serialPorts: [{ path: '/dev/ttyACM0' }], hidDevices: [] };
    const pairs = new Map<string, { host: MemoryTransport; device: MemoryTransport }>();
    const { manager } = setup('configured', memoryBindingStore(), {
      list: async () => listing,
      hotplugIntervalMs: 5,
      transports: {
        portTransport: (_type, path) => {
          const pair = createMemoryPair(path);
          pairs.set(path, pair);
          return pair.host;
        },
      },
    });
    expect(manager.hotplugRoles()).toEqual([]);
    await manager.start();
    const bound = await manager.bind('scanner', { kind: 'scanner-serial', link: { type: 'serial', path: '/dev/ttyACM0' }, options: { serialIdleMs: 20 } });
    expect(bound).toMatchObject({ ok: true, status: { state: 'idle', connected: true } });
    expect(manager.hotplugRoles()).toEqual(['scanner']);

    const pair = pairs.get('/dev/ttyACM0');
    if (!pair) throw new Error('no transport built');
    // The cable is pulled, the transport notices nothing (as serial bindings sometimes do), the port leaves the listing.
    pair.host.unplugged = true;
    listing = { serialPorts: [], hidDevices: [] };
    await expect.poll(() => manager.scanner?.status().state, { timeout: 3_000 }).toBe('error');
    // It is listed again: the scanner reconnects and reads.
    pair.host.replug();
    listing = { serialPorts: [{ path: '/dev/ttyACM0' }], hidDevices: [] };
    await expect.poll(() => manager.scanner?.status().state, { timeout: 3_000 }).toBe('idle');
    const scans: string[] = [];
    manager.scanner?.events.on('scan', (s) => scans.push(s.text));
    const sim = new ScannerSimulator(pair.device, { input: 'serial' });
    await sim.open();
    await sim.scan('BACK-AGAIN');
    await expect.poll(() => scans, { timeout: 3_000 }).toEqual(['BACK-AGAIN']);

    expect(await manager.unbind('scanner')).toBe(true);
    expect(manager.hotplugRoles()).toEqual([]);
  });
});
