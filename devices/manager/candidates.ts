// Discovery results as the console shows them, and the configuration entry a chosen candidate becomes for
// a role. The entry is validated by the device manager's schema afterwards, so a wrong combination (a
// printer on a HID link) is answered with an error that names the field.
import type { DeviceCandidate, DeviceRole } from '../../src/contract';
import { discover } from './discovery';
import type { DiscoveredDevice, Listings } from './discovery';

export const CUSTOMER_SCREEN = 'screen:customer';

const hex = (n: number) => n.toString(16).padStart(4, '0');

/** What the simulated profile offers: its virtual devices, one per role. */
export function simulatedCandidates(): DeviceCandidate[] {
  const one = (role: DeviceRole, label: string): DeviceCandidate => ({ id: `simulated:${role}`, label, appearsAs: 'simulated', suggestedRoles: [role], known: true });
  return [
    one('idcard', 'Simulated ID card reader (SAM, virtual serial)'),
    one('printer', 'Simulated receipt printer (ESC/POS, 80/58 mm)'),
    one('scanner', 'Simulated serial QR scanner (AIM prefixes)'),
    one('evaluator', 'Simulated evaluation pad (window bus, 5 keys)'),
  ];
}

export function customerScreenCandidate(): DeviceCandidate {
  return { id: CUSTOMER_SCREEN, label: 'Customer-facing screen (second display / /customer page)', appearsAs: 'simulated', suggestedRoles: ['evaluator'], known: true };
}

export function toCandidate(d: DiscoveredDevice): DeviceCandidate {
  return {
    id: d.id,
    label: d.label,
    appearsAs: d.appearsAs,
    ...(d.vendorId !== undefined && d.productId !== undefined ? { usbId: `${hex(d.vendorId)}:${hex(d.productId)}` } : {}),
    suggestedRoles: [...d.suggestedRoles],
    known: d.known !== undefined,
  };
}

export function discoverCandidates(listings: Listings): { candidates: DeviceCandidate[]; found: DiscoveredDevice[] } {
  const found = discover(listings);
  return { candidates: found.map(toCandidate), found };
}

const serialKinds: Record<DeviceRole, string> = {
  idcard: 'idcard-sam',
  printer: 'printer-escpos',
  scanner: 'scanner-serial',
  evaluator: 'evaluator-bus',
  camera: 'camera-uvc',
};

export type EntryChoice = { ok: true; entry: Record<string, unknown> } | { ok: false; message: string };

/**
 * The configuration entry for binding `role` to a candidate. A USB device is bound by vendor/product ID
 * (plus serial number when it has one), so it is found again on another port after re-plugging; two
 * identical devices without serial numbers are bound by port instead.
 */
export function entryFor(role: DeviceRole, candidateId: string, found: readonly DiscoveredDevice[], kind?: string): EntryChoice {
  if (candidateId === CUSTOMER_SCREEN) {
    if (role !== 'evaluator') return { ok: false, message: 'the customer-facing screen can only be the evaluator' };
    return { ok: true, entry: { kind: 'evaluator-screen', link: { type: 'display', displayIndex: 1 } } };
  }
  if (candidateId.startsWith('simulated:')) {
    if (candidateId !== `simulated:${role}`) return { ok: false, message: `${candidateId} cannot be bound as ${role}` };
    const entries: Record<DeviceRole, Record<string, unknown>> = {
      idcard: { kind: 'idcard-sam', link: { type: 'simulated' } },
      printer: { kind: 'printer-escpos', link: { type: 'simulated' } },
      scanner: { kind: 'scanner-serial', link: { type: 'simulated' }, options: { aimPrefix: true } },
      evaluator: { kind: 'evaluator-bus', link: { type: 'simulated' }, options: { model: 'generic-5', address: 1 } },
      camera: { kind: 'camera-uvc', link: { type: 'simulated' } },
    };
    return { ok: true, entry: entries[role] };
  }
  const device = found.find((d) => d.id === candidateId);
  if (!device) return { ok: false, message: 'that device is no longer listed; search for devices again' };
  const twins = found.filter(
    (d) => d.appearsAs === device.appearsAs && d.vendorId === device.vendorId && d.productId === device.productId && (device.appearsAs !== 'hid' || d.usagePage === device.usagePage),
  );
  const byUsb = device.vendorId !== undefined && device.productId !== undefined && (twins.length === 1 || device.serialNumber !== undefined);
  const usb = byUsb
    ? { usb: { vendorId: device.vendorId, productId: device.productId, ...(device.serialNumber === undefined ? {} : { serialNumber: device.serialNumber }) } }
    : { path: device.path };
  if (device.appearsAs === 'serial') {
    return { ok: true, entry: { kind: kind ?? serialKinds[role], link: { type: 'serial', ...usb } } };
  }
  const hidKind = role === 'scanner' ? (device.hidClass === 'hid-pos-scanner' ? 'scanner-hid-pos' : 'scanner-keyboard-wedge') : role === 'evaluator' ? 'evaluator-hid-keys' : serialKinds[role];
  const usagePage = byUsb && device.usagePage !== undefined ? { usagePage: device.usagePage } : {};
  return { ok: true, entry: { kind: kind ?? hidKind, link: { type: 'hid', ...usb, ...usagePage } } };
}
