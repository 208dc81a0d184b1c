import type { DeviceRole } from '../../src/contract';
import { TypedEmitter } from '../model/emitter';
import type { Link } from './config';
import { lookupKnownDevice } from './known-devices';
import type { KnownDevice } from './known-devices';

/** One entry of `SerialPort.list()` (IDs as hex strings). Injected: tests never call the real list, which spawns udevadm. */
export interface SerialPortListing {
  readonly path: string;
  readonly vendorId?: string;
  readonly productId?: string;
  readonly manufacturer?: string;
  readonly serialNumber?: string;
}

/** One entry of node-hid's `devices()` (IDs as numbers). */
export interface HidListing {
  readonly path?: string;
  readonly vendorId: number;
  readonly productId: number;
  readonly usagePage?: number;
  readonly usage?: number;
  readonly product?: string;
  readonly manufacturer?: string;
  readonly serialNumber?: string;
  readonly interface?: number;
}

export interface Listings {
  readonly serialPorts: readonly SerialPortListing[];
  readonly hidDevices: readonly HidListing[];
}

export interface DiscoveredDevice {
  /** Stable key across polls: the port or hidraw path (or IDs + interface when a HID device has no path). */
  readonly id: string;
  readonly appearsAs: 'serial' | 'hid';
  readonly path: string | undefined;
  readonly vendorId: number | undefined;
  readonly productId: number | undefined;
  readonly serialNumber: string | undefined;
  /** For the technician: maker and model when known, else what the OS reports. */
  readonly label: string;
  readonly known: KnownDevice | undefined;
  /** HID class from the usage page: a HID-POS scanner (0x8C), a keyboard (wedge scanner or USB key pad). */
  readonly hidClass?: 'hid-pos-scanner' | 'keyboard' | 'other';
  /** A composite scanner lists one HID entry per interface; the usage page tells them apart. */
  readonly usagePage?: number;
  readonly suggestedRoles: readonly DeviceRole[];
}

const anyRole: readonly DeviceRole[] = ['idcard', 'printer', 'scanner', 'evaluator'];
const hidPosUsagePage = 0x8c;
const genericDesktop = 0x01;
const keyboardUsage = 0x06;

function hexId(value: string | undefined): number | undefined {
  if (value === undefined || !/^(0x)?[0-9a-fA-F]{1,4}$/.test(value)) return undefined;
  return Number.parseInt(value.replace(/^0x/, ''), 16);
}

function validId(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffff ? value : undefined;
}

const cleanText = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value.replace(/[^\p{L}\p{N}\p{P}\p{Zs}]/gu, '').slice(0, 120) : undefined;

const idLabel = (vid: number | undefined, pid: number | undefined): string =>
  vid === undefined || pid === undefined ? '' : `${vid.toString(16).padStart(4, '0')}:${pid.toString(16).padStart(4, '0')}`;

/**
 * Turns raw listings into devices a technician can bind, with a role suggestion from the known-ID table
 * and the HID usage page. Entries that are not well-formed are skipped, not thrown on.
 */
export function discover(listings: Listings): DiscoveredDevice[] {
  const found: DiscoveredDevice[] = [];
  for (const port of listings.serialPorts) {
    if (typeof port?.path !== 'string' || port.path.length === 0 || port.path.length > 256) continue;
    const vendorId = hexId(port.vendorId);
    const productId = hexId(port.productId);
    const known = vendorId === undefined || productId === undefined ? undefined : lookupKnownDevice(vendorId, productId);
    const os = [cleanText(port.manufacturer), idLabel(vendorId, productId)].filter(Boolean).join(' ');
    found.push({
      id: `serial:${port.path}`,
      appearsAs: 'serial',
      path: port.path,
      vendorId,
      productId,
      serialNumber: cleanText(port.serialNumber),
      label: known ? `${known.vendor} ${known.model} (${port.path})` : `${os || 'serial port'} (${port.path})`,
      known,
      suggestedRoles: !known || known.category === 'usb-serial' ? anyRole : [known.category],
    });
  }
  for (const hid of listings.hidDevices) {
    const vendorId = validId(hid?.vendorId);
    const productId = validId(hid?.productId);
    if (vendorId === undefined || productId === undefined) continue;
    const path = typeof hid.path === 'string' && hid.path.length > 0 && hid.path.length <= 256 ? hid.path : undefined;
    const known = lookupKnownDevice(vendorId, productId);
    const hidClass =
      hid.usagePage === hidPosUsagePage ? 'hid-pos-scanner' : hid.usagePage === genericDesktop && hid.usage === keyboardUsage ? 'keyboard' : 'other';
    const suggestedRoles: readonly DeviceRole[] =
      hidClass === 'hid-pos-scanner' ? ['scanner'] : known && known.category !== 'usb-serial' ? [known.category] : hidClass === 'keyboard' ? ['scanner', 'evaluator'] : [];
    const os = [cleanText(hid.manufacturer), cleanText(hid.product)].filter(Boolean).join(' ');
    found.push({
      id: path ? `hid:${path}` : `hid:${idLabel(vendorId, productId)}:${hid.interface ?? 0}:${hid.usagePage ?? 0}`,
      appearsAs: 'hid',
      path,
      vendorId,
      productId,
      serialNumber: cleanText(hid.serialNumber),
      label: `${known ? `${known.vendor} ${known.model}` : os || 'HID device'} [${idLabel(vendorId, productId)}]`,
      known,
      hidClass,
      ...(validId(hid.usagePage) === undefined ? {} : { usagePage: hid.usagePage }),
      suggestedRoles,
    });
  }
  return found;
}

export type LinkResolution =
  | { readonly ok: true; readonly path: string }
  | { readonly ok: false; readonly reason: 'not-present' | 'ambiguous' | 'not-applicable'; readonly detail: string };

/**
 * Finds the port or hidraw path a configured link points at now. A USB ID match must be unique (give the
 * serial number to tell two identical devices apart); an explicit path is taken as is.
 */
export function resolveLink(link: Link, discovered: readonly DiscoveredDevice[]): LinkResolution {
  if (link.type !== 'serial' && link.type !== 'hid') return { ok: false, reason: 'not-applicable', detail: `${link.type} links have no port` };
  if (link.path !== undefined) return { ok: true, path: link.path };
  const usb = link.usb;
  if (usb === undefined) return { ok: false, reason: 'not-present', detail: 'no path and no USB ID configured' };
  const matches = discovered.filter(
    (d) =>
      d.appearsAs === link.type &&
      d.path !== undefined &&
      d.vendorId === usb.vendorId &&
      d.productId === usb.productId &&
      (usb.serialNumber === undefined || d.serialNumber === usb.serialNumber) &&
      (link.type !== 'hid' || link.usagePage === undefined || d.usagePage === link.usagePage),
  );
  const wanted = idLabel(usb.vendorId, usb.productId);
  const first = matches[0];
  if (first === undefined || first.path === undefined) return { ok: false, reason: 'not-present', detail: `no ${link.type} device ${wanted} is connected` };
  if (matches.length > 1) return { ok: false, reason: 'ambiguous', detail: `${matches.length} devices ${wanted} are connected; add the serial number` };
  return { ok: true, path: first.path };
}

export interface ListingChange {
  readonly appeared: readonly DiscoveredDevice[];
  readonly vanished: readonly DiscoveredDevice[];
}

export function diffDiscovered(before: readonly DiscoveredDevice[], after: readonly DiscoveredDevice[]): ListingChange {
  const beforeIds = new Set(before.map((d) => d.id));
  const afterIds = new Set(after.map((d) => d.id));
  return { appeared: after.filter((d) => !beforeIds.has(d.id)), vanished: before.filter((d) => !afterIds.has(d.id)) };
}

export interface HotplugEvents {
  appeared: DiscoveredDevice;
  vanished: DiscoveredDevice;
  /** Listing failed (no permission, no udev); the last known set is kept. */
  problem: { detail: string };
}

/**
 * Polls an injected listing function and reports devices that appear and vanish. `poll()` can be driven by
 * hand (tests) or by `start(intervalMs)`.
 */
export class HotplugWatcher {
  readonly events = new TypedEmitter<HotplugEvents>();
  private current: DiscoveredDevice[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  private polling = false;

  constructor(private readonly list: () => Promise<Listings>) {}

  devices(): readonly DiscoveredDevice[] {
    return this.current;
  }

  async poll(): Promise<ListingChange> {
    if (this.polling) return { appeared: [], vanished: [] };
    this.polling = true;
    try {
      const next = discover(await this.list());
      const change = diffDiscovered(this.current, next);
      this.current = next;
      for (const d of change.vanished) this.events.emit('vanished', d);
      for (const d of change.appeared) this.events.emit('appeared', d);
      return change;
    } catch (error) {
      this.events.emit('problem', { detail: error instanceof Error ? error.message : String(error) });
      return { appeared: [], vanished: [] };
    } finally {
      this.polling = false;
    }
  }

  start(intervalMs: number): void {
    if (this.timer !== null) return;
    void this.poll();
    this.timer = setInterval(() => void this.poll(), intervalMs);
    // Watching for cables must not keep a shutting-down process alive.
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
