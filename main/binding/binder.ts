// Binding devices to roles while the terminal runs: validated entries persisted in the terminal store
// (migration 7), applied at start and live — the old driver is closed, the new one built, wired to the
// event bus and started, and the console sees its status at once.
import { ContractError, DeviceRole } from '../../src/contract';
import type { DeviceBinding, DeviceStatus, Issue, PaperWidth } from '../../src/contract';
import { simulatedDevicesConfig, validateDevicesConfig } from '../../devices/manager/config';
import type { DevicesConfig, Link } from '../../devices/manager/config';
import type { Listings } from '../../devices/manager/discovery';
import { HealthHistory } from '../../devices/manager/health-history';
import { StatusStream } from '../../devices/manager/status-stream';
import type { DeviceSet, ManagedDevice } from '../devices';
import { wireRole } from '../device-events';
import type { Publish } from '../device-events';
import type { Logger } from '../log';
import { buildDevice, BuildError, place } from './build';

type AnyEntry = NonNullable<DevicesConfig['devices'][DeviceRole]>;

export interface BindingStore {
  list(): { role: string; entry: string }[];
  put(role: string, entry: string, at: string): void;
}

export interface BinderOptions {
  readonly devices: DeviceSet;
  readonly profile: 'simulated' | 'configured';
  readonly store: BindingStore;
  readonly publish: Publish;
  readonly logger: Logger;
  /** Serial and HID listing, for devices bound by USB ID. */
  readonly list: () => Promise<Listings>;
  readonly paperWidth: () => PaperWidth;
  readonly env?: NodeJS.ProcessEnv;
  readonly now?: () => Date;
}

const ROLES = DeviceRole.options;

export function describeLink(link: Link): string {
  const usb = (u: { vendorId: number; productId: number; serialNumber?: string | undefined }) =>
    `USB ${u.vendorId.toString(16).padStart(4, '0')}:${u.productId.toString(16).padStart(4, '0')}${u.serialNumber ? ` #${u.serialNumber}` : ''}`;
  switch (link.type) {
    case 'serial':
      return `serial ${link.path ?? (link.usb ? usb(link.usb) : '?')} ${link.baudRate} baud`;
    case 'hid':
      return `HID ${link.path ?? (link.usb ? usb(link.usb) : '?')}`;
    case 'usb':
      return usb(link.usb);
    case 'device-file':
      return link.path;
    case 'tcp':
      return `tcp ${link.host}:${link.port}`;
    case 'display':
      return `display ${link.displayIndex}`;
    case 'media':
      return link.label ?? 'camera';
    case 'simulated':
      return 'simulated';
  }
}

/** The config's complaints as field issues (the technician is told which fields; the wording stays in the log). */
function fieldErrors(result: ReturnType<typeof validateDevicesConfig>): Issue[] {
  return result.ok ? [] : result.errors.map((e) => ({ path: e.field, reason: 'invalid' }));
}

function configDetail(result: ReturnType<typeof validateDevicesConfig>): string {
  return result.ok ? '' : result.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
}

export class DeviceBinder {
  readonly statusStream = new StatusStream();
  readonly health = new HealthHistory();
  private readonly unwire = new Map<DeviceRole, () => void>();
  /** The entry in force per role: stored by the technician, or the profile's default. */
  private readonly entries = new Map<DeviceRole, { entry: AnyEntry; stored: boolean }>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: BinderOptions) {
    if (options.profile === 'simulated') {
      for (const role of ROLES) {
        const entry = simulatedDevicesConfig.devices[role];
        if (entry) this.entries.set(role, { entry, stored: false });
      }
    }
    for (const role of ROLES) this.wire(role);
  }

  private now(): string {
    return (this.options.now ?? (() => new Date()))().toISOString();
  }

  private wire(role: DeviceRole): void {
    this.unwire.get(role)?.();
    const offBus = wireRole(this.options.devices, role, this.options.publish, this.options.logger);
    const device = this.deviceOf(role);
    const offStream = device ? this.statusStream.attach(device) : () => {};
    this.unwire.set(role, () => {
      offBus();
      offStream();
    });
  }

  deviceOf(role: DeviceRole): ManagedDevice | null {
    const d = this.options.devices;
    return role === 'idcard' ? d.idcard : role === 'printer' ? d.printer : role === 'scanner' ? d.scanner : role === 'evaluator' ? d.evaluator : null;
  }

  private validate(role: DeviceRole, entry: unknown): AnyEntry {
    const result = validateDevicesConfig({ version: 1, devices: { [role]: entry } });
    if (!result.ok) throw new ContractError('BAD_INPUT', 'binding.invalid', { params: { role }, detail: `invalid ${role} binding: ${configDetail(result)}`, issues: fieldErrors(result) });
    const valid = result.config.devices[role];
    if (!valid) throw new ContractError('BAD_INPUT', 'binding.invalid', { params: { role }, detail: `no ${role} entry` });
    return valid;
  }

  /** Replaces the defaults with what the technician stored; call before the devices start. */
  applyStored(): void {
    for (const row of this.options.store.list()) {
      const role = DeviceRole.safeParse(row.role);
      if (!role.success) continue;
      let entry: AnyEntry;
      try {
        entry = this.validate(role.data, JSON.parse(row.entry));
      } catch (error) {
        const fields = error instanceof ContractError ? error.message : 'not JSON';
        this.options.logger.error('stored device binding is invalid; the role stays unbound', { role: role.data, fields });
        this.swapNow(role.data, null);
        continue;
      }
      this.entries.set(role.data, { entry, stored: true });
      try {
        this.swapNow(role.data, entry.enabled ? entry : null);
      } catch (error) {
        this.options.logger.error('stored device binding could not be built', { role: role.data, error });
        this.swapNow(role.data, null);
      }
    }
  }

  /** Builds and places a device for `entry` (or clears the role) without opening it. */
  private swapNow(role: DeviceRole, entry: AnyEntry | null): void {
    const built = entry
      ? buildDevice(role, { [role]: entry } as DevicesConfig['devices'], { devices: this.options.devices, list: this.options.list, paperWidth: this.options.paperWidth, ...(this.options.env ? { env: this.options.env } : {}) })
      : null;
    place(this.options.devices, role, built);
    this.wire(role);
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Closes the role's device, puts in the one `entry` describes and starts it. */
  private async replace(role: DeviceRole, entry: AnyEntry | null): Promise<ManagedDevice | null> {
    const old = this.deviceOf(role);
    this.unwire.get(role)?.();
    this.unwire.delete(role);
    if (old) await old.close();
    try {
      this.swapNow(role, entry);
    } catch (error) {
      this.swapNow(role, null);
      if (error instanceof BuildError) throw new ContractError('DEVICE_ERROR', 'binding.buildFailed', { params: { role }, detail: error.message });
      throw error;
    }
    const device = this.deviceOf(role);
    if (device) {
      const opened = await device.open();
      if (opened.code === 'ok') {
        await device.claim();
        await device.enable();
      }
    }
    return device;
  }

  bind(role: DeviceRole, input: unknown): Promise<{ binding: DeviceBinding; status: DeviceStatus }> {
    return this.serial(async () => {
      const entry = this.validate(role, input);
      if (entry.link.type === 'simulated' && this.options.profile !== 'simulated') {
        throw new ContractError('BAD_INPUT', 'binding.simulatedOnly', { detail: 'simulated devices exist only with --devices simulated', issues: [{ path: `devices.${role}.link.type`, reason: 'notAllowed' }] });
      }
      const device = await this.replace(role, entry.enabled ? entry : null);
      this.options.store.put(role, JSON.stringify(entry), this.now());
      this.entries.set(role, { entry, stored: true });
      this.options.logger.info('device bound', { role, kind: entry.kind, link: describeLink(entry.link) });
      const status = device?.status() ?? this.unboundStatus(role, entry.kind, entry.kind === 'evaluator-screen' ? 'customer-facing screen' : 'no driver on this side');
      if (!device) this.options.publish('device.status', status);
      return { binding: this.bindingOf(role), status };
    });
  }

  unbind(role: DeviceRole): Promise<boolean> {
    return this.serial(async () => {
      const current = this.entries.get(role);
      const device = this.deviceOf(role);
      if (!current && !device) return false;
      await this.replace(role, null);
      if (current) {
        const entry = { ...current.entry, enabled: false };
        this.options.store.put(role, JSON.stringify(entry), this.now());
        this.entries.set(role, { entry, stored: true });
      } else {
        // An environment-configured device: remember the role as unbound with a placeholder entry.
        this.options.logger.warn('unbinding a device configured by environment variables; bind it in the console to use it again', { role });
      }
      this.options.logger.info('device unbound', { role });
      this.options.publish('device.status', this.unboundStatus(role, device?.kind ?? current?.entry.kind ?? role, 'not bound'));
      return true;
    });
  }

  /** Builds the role's device again (e.g. the paper width changed). */
  rebuild(role: DeviceRole): Promise<void> {
    return this.serial(async () => {
      const current = this.entries.get(role);
      if (current?.entry.enabled) await this.replace(role, current.entry);
    });
  }

  private unboundStatus(role: DeviceRole, kind: string, detail: string): DeviceStatus {
    return { role, kind, state: 'closed', connected: false, detail, updatedAt: this.now() };
  }

  private bindingOf(role: DeviceRole): DeviceBinding {
    const current = this.entries.get(role);
    const device = this.deviceOf(role);
    if (current) return { role, kind: current.entry.kind, link: describeLink(current.entry.link), enabled: current.entry.enabled };
    if (device) return { role, kind: device.kind, link: 'environment (HALL_* variables)', enabled: true };
    return { role, kind: '', link: '', enabled: false };
  }

  bindings(): DeviceBinding[] {
    return ROLES.filter((r) => r !== 'camera').map((r) => this.bindingOf(r));
  }

  /** The entries in force, for the diagnostics bundle. */
  configuration(): Partial<Record<DeviceRole, AnyEntry & { stored: boolean }>> {
    return Object.fromEntries([...this.entries].map(([role, { entry, stored }]) => [role, { ...entry, stored }]));
  }

  async checkHealth(): Promise<void> {
    await this.health.check(this.options.devices.all(), 'internal');
  }

  close(): void {
    for (const off of this.unwire.values()) off();
    this.unwire.clear();
    this.statusStream.close();
  }
}
