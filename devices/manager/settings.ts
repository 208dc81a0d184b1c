// The device settings a terminal starts with, before (or besides) the technician's bindings: which profile,
// an ID card reader port, a receipt printer link and the paper width. Read once from the environment by
// main/config.ts through `deviceSettingsFromEnv`; the device manager gets the typed result and never looks
// at process.env. A value that cannot be read is a typed error naming the variable, never a silent default.
import { baudRates as samBaudRates } from '../protocols/idcard';

export type DeviceProfile = 'simulated' | 'configured';

/** Where the environment's receipt printer is (HALL_PRINTER). */
export type PrinterLinkSetting =
  | { readonly type: 'tcp'; readonly host: string; readonly port: number }
  | { readonly type: 'serial'; readonly path: string; readonly baudRate: number }
  | { readonly type: 'file'; readonly path: string };

export interface IdCardSettings {
  /** A serial port (/dev/ttyUSB0, COM3), 'auto' to probe every port (known USB-serial bridges first), or null: no reader. */
  readonly port: string | null;
  /** Rate tried first; the other SAM rates follow, since a SAM remembers a changed rate. */
  readonly baudRate: number;
  /** Path of a JS module exporting decodeWlt(bytes) that wraps a vendor photo decoder; null = no photo. */
  readonly wltDecoder: string | null;
}

export type PaperWidthMm = 58 | 80;

export interface DeviceSettings {
  readonly profile: DeviceProfile;
  readonly idcard: IdCardSettings;
  readonly printer: PrinterLinkSetting | null;
  /** The paper in the receipt printer; the terminal identity's default until a technician changes it. */
  readonly paperWidthMm: PaperWidthMm;
}

export type DeviceSettingsVariable = 'HALL_PRINTER' | 'HALL_PRINTER_PAPER' | 'HALL_IDCARD_PORT' | 'HALL_IDCARD_BAUD' | 'HALL_IDCARD_WLT_DECODER';

export interface DeviceSettingsError {
  readonly variable: DeviceSettingsVariable;
  readonly code: 'paper-width' | 'printer-link' | 'baud-rate' | 'port' | 'module-path';
  /** What was given (these variables hold ports and paths, never personal data). */
  readonly value: string;
  /** Plain language for the operator starting the terminal, naming the expected form. */
  readonly message: string;
}

export type DeviceSettingsResult =
  | { readonly ok: true; readonly settings: DeviceSettings }
  | { readonly ok: false; readonly errors: readonly DeviceSettingsError[] };

export const DEFAULT_IDCARD_BAUD = 115200;

/** The settings of a profile with nothing in the environment. */
export function defaultDeviceSettings(profile: DeviceProfile): DeviceSettings {
  return { profile, idcard: { port: null, baudRate: DEFAULT_IDCARD_BAUD, wltDecoder: null }, printer: null, paperWidthMm: 80 };
}

type Env = Readonly<Record<string, string | undefined>>;
type Read<T> = { ok: true; value: T } | { ok: false; error: DeviceSettingsError };

const given = (env: Env, name: DeviceSettingsVariable): string | undefined => {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

/** The one rule for the paper width, wherever it is read: 58 or 80 (mm), 80 when unset. */
export function parsePaperWidthMm(value: string | undefined): Read<PaperWidthMm> {
  const text = value?.trim() ?? '';
  if (text === '') return { ok: true, value: 80 };
  if (text === '58' || text === '80') return { ok: true, value: text === '58' ? 58 : 80 };
  return { ok: false, error: { variable: 'HALL_PRINTER_PAPER', code: 'paper-width', value: text, message: 'HALL_PRINTER_PAPER must be 58 or 80 (mm)' } };
}

function parsePrinterLink(spec: string | undefined): Read<PrinterLinkSetting | null> {
  if (spec === undefined) return { ok: true, value: null };
  const bad = (expected: string): Read<never> => ({
    ok: false,
    error: { variable: 'HALL_PRINTER', code: 'printer-link', value: spec, message: `HALL_PRINTER: cannot read ${spec} (expected ${expected})` },
  });
  if (spec.startsWith('tcp://')) {
    const m = /^tcp:\/\/([^:/\s]+)(?::(\d{1,5}))?\/?$/.exec(spec);
    const port = Number(m?.[2] ?? 9100);
    if (!m?.[1] || port < 1 || port > 65535) return bad('tcp://host:9100');
    return { ok: true, value: { type: 'tcp', host: m[1], port } };
  }
  if (spec.startsWith('serial:')) {
    const m = /^serial:(\/[^?\s]+)(?:\?baud=(\d{3,7}))?$/.exec(spec);
    if (!m?.[1]) return bad('serial:/dev/ttyUSB0?baud=9600');
    return { ok: true, value: { type: 'serial', path: m[1], baudRate: Number(m[2] ?? 9600) } };
  }
  if (spec.startsWith('file:')) {
    const path = spec.slice('file:'.length);
    if (!/^\/[^\s]+$/.test(path)) return bad('file:/dev/usb/lp0');
    return { ok: true, value: { type: 'file', path } };
  }
  return bad('tcp://…, serial:… or file:…');
}

function parseIdCardPort(port: string | undefined): Read<string | null> {
  if (port === undefined) return { ok: true, value: null };
  if (port.length > 256 || /[\s\p{Cc}]/u.test(port)) {
    return { ok: false, error: { variable: 'HALL_IDCARD_PORT', code: 'port', value: port.slice(0, 64), message: 'HALL_IDCARD_PORT must be a serial port such as /dev/ttyUSB0 or COM3, or auto' } };
  }
  return { ok: true, value: port };
}

function parseBaud(value: string | undefined): Read<number> {
  if (value === undefined) return { ok: true, value: DEFAULT_IDCARD_BAUD };
  const rate = /^\d{1,7}$/.test(value) ? Number(value) : Number.NaN;
  if ((samBaudRates as readonly number[]).includes(rate)) return { ok: true, value: rate };
  return {
    ok: false,
    error: { variable: 'HALL_IDCARD_BAUD', code: 'baud-rate', value: value.slice(0, 16), message: `HALL_IDCARD_BAUD must be one of the SAM rates ${samBaudRates.join(', ')}` },
  };
}

function parseModulePath(value: string | undefined): Read<string | null> {
  if (value === undefined) return { ok: true, value: null };
  if (value.length > 1024 || /\p{Cc}/u.test(value)) {
    return { ok: false, error: { variable: 'HALL_IDCARD_WLT_DECODER', code: 'module-path', value: value.slice(0, 64), message: 'HALL_IDCARD_WLT_DECODER must be the path of a JS module' } };
  }
  return { ok: true, value };
}

/**
 * The device settings in `env` for `profile`. The simulated profile uses virtual devices and reads only the
 * paper width; the configured profile reads every variable. All bad values are reported, not just the first.
 */
export function deviceSettingsFromEnv(env: Env, profile: DeviceProfile = 'configured'): DeviceSettingsResult {
  const errors: DeviceSettingsError[] = [];
  const take = <T>(read: Read<T>, fallback: T): T => {
    if (read.ok) return read.value;
    errors.push(read.error);
    return fallback;
  };
  const paperWidthMm = take(parsePaperWidthMm(given(env, 'HALL_PRINTER_PAPER')), 80);
  const defaults = defaultDeviceSettings(profile);
  if (profile === 'simulated') return errors.length > 0 ? { ok: false, errors } : { ok: true, settings: { ...defaults, paperWidthMm } };
  const printer = take(parsePrinterLink(given(env, 'HALL_PRINTER')), null);
  const idcard: IdCardSettings = {
    port: take(parseIdCardPort(given(env, 'HALL_IDCARD_PORT')), null),
    baudRate: take(parseBaud(given(env, 'HALL_IDCARD_BAUD')), DEFAULT_IDCARD_BAUD),
    wltDecoder: take(parseModulePath(given(env, 'HALL_IDCARD_WLT_DECODER')), null),
  };
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, settings: { profile, idcard, printer, paperWidthMm } };
}
