// The one device manager of a terminal: which driver holds each role, built from the profile (simulated
// hardware, or the typed settings) and replaced by the technician's bindings — at start from the binding
// store and live from the console (the old driver closed, the new one built, wired and started, the entry
// persisted). Every role's status and events reach the windows through the injected publish function, and
// one status stream keeps their history for the console and the diagnostics bundle.
import { DeviceRole } from '../../src/contract';
import { paperWidthDots } from '../../src/kernel/receipt';
import type { DeviceBinding, DeviceStatus } from '../../src/contract';
import type { PaperWidth } from '../../src/kernel/receipt';
import type { LinkTransportDeps } from './transports';
import { describeLink, memoryBindingStore, parseStoredEntry, validateEntry } from './bindings';
import type { BindingEntry, BindingError, DeviceBindingStore } from './bindings';
import { BuildError, buildDevice } from './build';
import type { Built, BuildDeps } from './build';
import { simulatedDevicesConfig } from './config';
import { configuredIdCardReader, configuredPrinter, wltDecoderOf } from './configured';
import { silentDeviceLog, wireRole } from './device-events';
import type { DeviceLog, Publish } from './device-events';
import type { Listings } from './discovery';
import { HealthHistory } from './health-history';
import { HotplugFollower } from './hotplug-binding';
import type { HotplugTarget } from './hotplug-binding';
import { DRIVER_ROLES, DeviceRoles, isDriverRole } from './roles';
import type { DeviceSet, DriverRole, ManagedDevice, RoleDevices } from './roles';
import type { DeviceSettings } from './settings';
import { createSimulatedProfile } from './simulated';
import { StatusStream } from './status-stream';
import { listSystemDevices } from './system-listings';

export interface DeviceManagerOptions {
  readonly settings: DeviceSettings;
  /** Where the technician's bindings persist (the terminal store); default: only while the process runs. */
  readonly bindings?: DeviceBindingStore;
  readonly publish?: Publish;
  readonly log?: DeviceLog;
  /** Serial and HID listing, for devices bound by USB ID and for hot-plug; default: the system's. */
  readonly list?: () => Promise<Listings>;
  /** Paper width for printers built from bindings (the terminal identity's); default: the settings'. */
  readonly paperWidth?: () => PaperWidth;
  readonly now?: () => Date;
  /** How often the configured profile looks at the listing while a bound stream device has a port. */
  readonly hotplugIntervalMs?: number;
  /** Tests: transports for ports instead of real serial/HID devices. */
  readonly transports?: Omit<LinkTransportDeps, 'list'>;
}

export type BindOutcome = { readonly ok: true; readonly binding: DeviceBinding; readonly status: DeviceStatus } | { readonly ok: false; readonly error: BindingError };

const ROLES = DeviceRole.options;

export class DeviceManager implements DeviceSet {
  readonly profile: DeviceSettings['profile'];
  readonly statusStream = new StatusStream();
  readonly health = new HealthHistory();
  private readonly roles: DeviceRoles;
  private readonly store: DeviceBindingStore;
  private readonly publish: Publish;
  private readonly log: DeviceLog;
  private readonly buildDeps: BuildDeps;
  private readonly hotplug: HotplugFollower | null;
  private readonly unwire = new Map<DriverRole, () => void>();
  /** The entry in force per role: stored by the technician, or the profile's default. */
  private readonly entries = new Map<DeviceRole, { entry: BindingEntry; stored: boolean }>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: DeviceManagerOptions) {
    const { settings } = options;
    this.profile = settings.profile;
    this.store = options.bindings ?? memoryBindingStore();
    this.publish = options.publish ?? (() => undefined);
    this.log = options.log ?? silentDeviceLog;
    const list = options.list ?? listSystemDevices;
    const paperWidth = options.paperWidth ?? (() => paperWidthDots(settings.paperWidthMm));
    const wltDecoder = wltDecoderOf(settings, (problem) => this.log.warn('ID card photo decoder unavailable', { problem }));
    this.hotplug = settings.profile === 'configured' ? new HotplugFollower(list, options.hotplugIntervalMs ?? 3_000) : null;

    if (settings.profile === 'simulated') {
      const simulated = createSimulatedProfile(paperWidth());
      this.roles = new DeviceRoles(simulated.controls);
      for (const role of DRIVER_ROLES) this.place(role, simulated.devices[role], null);
      for (const role of ROLES) {
        const entry = simulatedDevicesConfig.devices[role];
        if (entry) this.entries.set(role, { entry, stored: false });
      }
    } else {
      this.roles = new DeviceRoles(null);
      this.place('idcard', configuredIdCardReader(settings, wltDecoder), null);
      this.place('printer', configuredPrinter(settings), null);
    }
    this.buildDeps = { simulator: this.roles.simulator, list, paperWidth, wltDecoder, ...options.transports };
    this.applyStored();
  }

  // ── what consumers see (DeviceSet) ─────────────────────────────────────────────────────────────────

  get idcard() {
    return this.roles.idcard;
  }
  get printer() {
    return this.roles.printer;
  }
  get scanner() {
    return this.roles.scanner;
  }
  get evaluator() {
    return this.roles.evaluator;
  }
  get cards() {
    return this.roles.cards;
  }
  get simulator() {
    return this.roles.simulator;
  }
  all(): ManagedDevice[] {
    return this.roles.all();
  }

  deviceOf(role: DeviceRole): ManagedDevice | null {
    return isDriverRole(role) ? this.roles.get(role) : null;
  }

  // ── lifecycle ──────────────────────────────────────────────────────────────────────────────────────

  /** open → claim → enable every device; one that fails stays in its role and reports its error status. */
  async start(): Promise<void> {
    for (const device of this.all()) await this.startDevice(device);
    this.hotplug?.start();
  }

  async close(): Promise<void> {
    await this.queue;
    this.hotplug?.close();
    for (const off of this.unwire.values()) off();
    this.unwire.clear();
    for (const device of this.all()) await device.close();
    this.statusStream.close();
    this.roles.cards.close();
  }

  private async startDevice(device: ManagedDevice): Promise<void> {
    const opened = await device.open();
    if (opened.code !== 'ok') return;
    await device.claim();
    await device.enable();
  }

  // ── roles and their wiring ─────────────────────────────────────────────────────────────────────────

  private place<R extends DriverRole>(role: R, device: RoleDevices[R] | null, hotplug: HotplugTarget | null): void {
    this.unwire.get(role)?.();
    this.roles.place(role, device);
    const offEvents = wireRole(this.roles, role, this.publish, this.log);
    const offStream = device ? this.statusStream.attach(device) : () => undefined;
    this.hotplug?.follow(role, hotplug);
    this.unwire.set(role, () => {
      offEvents();
      offStream();
      this.hotplug?.follow(role, null);
    });
  }

  private placeBuilt(role: DeviceRole, built: Built | null): void {
    if (!isDriverRole(role)) return;
    switch (built?.role) {
      case 'idcard':
        return this.place('idcard', built.device, null);
      case 'printer':
        return this.place('printer', built.device, null);
      case 'scanner':
        return this.place('scanner', built.device, built.hotplug ?? null);
      case 'evaluator':
        return this.place('evaluator', built.device, built.hotplug ?? null);
      default:
        return this.place(role, null, null);
    }
  }

  /** Builds the driver an entry describes; a driver that cannot be built is a typed error, never a throw. */
  private build(role: DeviceRole, entry: BindingEntry | null): { ok: true; built: Built | null } | { ok: false; error: BindingError } {
    if (!entry) return { ok: true, built: null };
    try {
      return { ok: true, built: buildDevice(entry, this.buildDeps) };
    } catch (error) {
      if (!(error instanceof BuildError)) throw error;
      return { ok: false, error: { code: 'build-failed', role, detail: error.message } };
    }
  }

  /** Replaces the profile's defaults with what the technician stored; nothing is opened. */
  private applyStored(): void {
    for (const row of this.store.list()) {
      const role = DeviceRole.safeParse(row.role);
      if (!role.success) continue;
      const parsed = parseStoredEntry(role.data, row.entry);
      if (!parsed.ok) {
        const fields = parsed.error.code === 'build-failed' ? parsed.error.detail : parsed.error.fields.map((f) => `${f.path}: ${f.message}`).join('; ');
        this.log.error('stored device binding is invalid; the role stays unbound', { role: role.data, fields });
        this.placeBuilt(role.data, null);
        continue;
      }
      this.entries.set(role.data, { entry: parsed.entry, stored: true });
      const built = this.build(role.data, parsed.entry.enabled ? parsed.entry : null);
      if (!built.ok) this.log.error('stored device binding could not be built; the role stays unbound', { role: role.data, detail: built.error.code === 'build-failed' ? built.error.detail : '' });
      this.placeBuilt(role.data, built.ok ? built.built : null);
    }
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Builds the entry's driver first (a failure leaves the role as it was), then closes the old one and starts the new. */
  private async replace(role: DeviceRole, entry: BindingEntry | null): Promise<{ ok: true; device: ManagedDevice | null } | { ok: false; error: BindingError }> {
    const built = this.build(role, entry);
    if (!built.ok) return built;
    const old = this.deviceOf(role);
    if (isDriverRole(role)) this.unwire.get(role)?.();
    if (old) await old.close();
    this.placeBuilt(role, built.built);
    const device = this.deviceOf(role);
    if (device) await this.startDevice(device);
    return { ok: true, device };
  }

  // ── binding ────────────────────────────────────────────────────────────────────────────────────────

  bind(role: DeviceRole, input: unknown): Promise<BindOutcome> {
    return this.serial(async (): Promise<BindOutcome> => {
      const valid = validateEntry(role, input);
      if (!valid.ok) return valid;
      const entry = valid.entry;
      if (entry.link.type === 'simulated' && this.profile !== 'simulated') {
        return { ok: false, error: { code: 'not-in-profile', role, fields: [{ path: `devices.${role}.link.type`, message: 'not in the configured profile' }] } };
      }
      const replaced = await this.replace(role, entry.enabled ? entry : null);
      if (!replaced.ok) return replaced;
      this.store.put(role, JSON.stringify(entry), this.now());
      this.entries.set(role, { entry, stored: true });
      this.log.info('device bound', { role, kind: entry.kind, link: describeLink(entry.link) });
      const device = replaced.device;
      const status = device?.status() ?? this.unboundStatus(role, entry.kind, entry.kind === 'evaluator-screen' ? 'customer-facing screen' : 'no driver on this side');
      if (!device) this.publish('device.status', status);
      return { ok: true, binding: this.bindingOf(role), status };
    });
  }

  /** Empties the role and remembers it as unbound (the entry stays, disabled); false when nothing was bound. */
  unbind(role: DeviceRole): Promise<boolean> {
    return this.serial(async () => {
      const current = this.entries.get(role);
      const device = this.deviceOf(role);
      if (!current && !device) return false;
      await this.replace(role, null);
      if (current) {
        const entry = { ...current.entry, enabled: false };
        this.store.put(role, JSON.stringify(entry), this.now());
        this.entries.set(role, { entry, stored: true });
      } else {
        this.log.warn('unbinding a device configured by environment variables; bind it in the console to use it again', { role });
      }
      this.log.info('device unbound', { role });
      this.publish('device.status', this.unboundStatus(role, device?.kind ?? current?.entry.kind ?? role, '未绑定 (not bound)'));
      return true;
    });
  }

  /** Builds the role's device again from its entry (e.g. the paper width changed). */
  rebuild(role: DeviceRole): Promise<void> {
    return this.serial(async () => {
      const current = this.entries.get(role);
      if (!current?.entry.enabled) return;
      const replaced = await this.replace(role, current.entry);
      if (!replaced.ok) this.log.error('device could not be rebuilt', { role, code: replaced.error.code });
    });
  }

  bindings(): DeviceBinding[] {
    return ROLES.filter((r) => r !== 'camera').map((r) => this.bindingOf(r));
  }

  /** The entries in force, for the diagnostics bundle. */
  configuration(): Partial<Record<DeviceRole, BindingEntry & { stored: boolean }>> {
    return Object.fromEntries([...this.entries].map(([role, { entry, stored }]) => [role, { ...entry, stored }]));
  }

  /** The roles whose port the hot-plug watcher follows now (configured profile, stream devices). */
  hotplugRoles(): string[] {
    return this.hotplug?.following() ?? [];
  }

  async checkHealth(): Promise<void> {
    await this.health.check(this.all(), 'internal');
  }

  private bindingOf(role: DeviceRole): DeviceBinding {
    const current = this.entries.get(role);
    const device = this.deviceOf(role);
    if (current) return { role, kind: current.entry.kind, link: describeLink(current.entry.link), enabled: current.entry.enabled };
    if (device) return { role, kind: device.kind, link: 'environment (HALL_* variables)', enabled: true };
    return { role, kind: '', link: '', enabled: false };
  }

  private unboundStatus(role: DeviceRole, kind: string, detail: string): DeviceStatus {
    return { role, kind, state: 'closed', connected: false, detail, updatedAt: this.now() };
  }

  private now(): string {
    return (this.options.now ?? (() => new Date()))().toISOString();
  }
}
