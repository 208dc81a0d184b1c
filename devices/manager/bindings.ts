// The technician's bindings as the device manager keeps them: one validated configuration entry per role,
// persisted through a port the terminal store satisfies (src/store's DeviceBindingRepository has exactly
// these methods), so devices/ never imports the store.
import type { DeviceRole } from '../../src/contract';
import { validateDevicesConfig } from './config';
import type { DevicesConfig, Link } from './config';

/** One stored row: the role and its entry as JSON. */
export interface StoredBindingRow {
  readonly role: string;
  readonly entry: string;
}

/** Where bindings are persisted. Rows are read back through `validateEntry`: the store is outside input. */
export interface DeviceBindingStore {
  list(): readonly StoredBindingRow[];
  put(role: string, entry: string, at: string): void;
  remove(role: string): boolean;
}

/** A store that keeps bindings only while the process runs (tests, tools). */
export function memoryBindingStore(): DeviceBindingStore & { readonly rows: Map<string, string> } {
  const rows = new Map<string, string>();
  return {
    rows,
    list: () => [...rows].map(([role, entry]) => ({ role, entry })),
    put: (role, entry) => void rows.set(role, entry),
    remove: (role) => rows.delete(role),
  };
}

export type BindingEntry = NonNullable<DevicesConfig['devices'][DeviceRole]>;

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. `devices.printer.link.port`. */
  readonly path: string;
  readonly message: string;
}

/**
 * Why a binding was refused: an entry that does not validate (`fields` name what is wrong), a simulated
 * device asked for in the configured profile, or a driver that cannot be built for a valid entry.
 */
export type BindingError =
  | { readonly code: 'invalid-entry'; readonly role: DeviceRole; readonly fields: readonly FieldProblem[] }
  | { readonly code: 'not-in-profile'; readonly role: DeviceRole; readonly fields: readonly FieldProblem[] }
  | { readonly code: 'build-failed'; readonly role: DeviceRole; readonly detail: string };

export type EntryResult = { readonly ok: true; readonly entry: BindingEntry } | { readonly ok: false; readonly error: BindingError };

/** Validates one role's entry with the device configuration schema. */
export function validateEntry(role: DeviceRole, input: unknown): EntryResult {
  const result = validateDevicesConfig({ version: 1, devices: { [role]: input } });
  if (!result.ok) return { ok: false, error: { code: 'invalid-entry', role, fields: result.errors.map((e) => ({ path: e.field, message: e.message })) } };
  const entry = result.config.devices[role];
  if (!entry) return { ok: false, error: { code: 'invalid-entry', role, fields: [{ path: `devices.${role}`, message: 'no entry' }] } };
  return { ok: true, entry };
}

/** Validates a stored row; malformed JSON is an invalid entry like any other, never a throw. */
export function parseStoredEntry(role: DeviceRole, json: string): EntryResult {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, error: { code: 'invalid-entry', role, fields: [{ path: `devices.${role}`, message: 'not JSON' }] } };
  }
  return validateEntry(role, value);
}

/** A link as the console shows it; never personal data. */
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
