import { z } from 'zod';
import { EvaluationLevel, maxScanLength } from '../../src/contract';
import type { DeviceRole } from '../../src/contract';
import { keyMaps } from '../protocols/evaluator/keymaps';

/**
 * The device configuration a technician binds: for each role, which driver kind, over which transport,
 * at which port or USB vendor/product ID, with which options. Stored as JSON (in the database by the
 * store layer); every field is validated and a bad file is answered with errors that name the field.
 */

const usbId = z
  .union([z.number().int().min(0).max(0xffff), z.string().regex(/^(0x)?[0-9a-fA-F]{1,4}$/, 'a 16-bit hex ID such as 1a86 or 0x1a86')])
  .transform((v) => (typeof v === 'number' ? v : Number.parseInt(v.replace(/^0x/, ''), 16)));

export const UsbMatch = z.strictObject({
  vendorId: usbId,
  productId: usbId,
  /** Tells two identical devices apart. */
  serialNumber: z.string().min(1).max(128).optional(),
});
export type UsbMatch = z.infer<typeof UsbMatch>;

const baudRates = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600] as const;
const devicePath = z.string().min(1).max(256);

const SerialLink = z.strictObject({
  type: z.literal('serial'),
  path: devicePath.optional(),
  usb: UsbMatch.optional(),
  baudRate: z
    .number()
    .int()
    .refine((n) => (baudRates as readonly number[]).includes(n), `one of ${baudRates.join(', ')}`)
    .default(9600),
  dataBits: z.union([z.literal(7), z.literal(8)]).default(8),
  parity: z.enum(['none', 'even', 'odd']).default('none'),
  stopBits: z.union([z.literal(1), z.literal(2)]).default(1),
});
const HidLink = z.strictObject({
  type: z.literal('hid'),
  /** hidraw path; with `usb` instead, the device is found by ID on every start and after hot-plug. */
  path: devicePath.optional(),
  usb: UsbMatch.optional(),
  usagePage: z.number().int().min(0).max(0xffff).optional(),
});
const UsbBulkLink = z.strictObject({ type: z.literal('usb'), usb: UsbMatch });
const DeviceFileLink = z.strictObject({ type: z.literal('device-file'), path: devicePath });
const TcpLink = z.strictObject({
  type: z.literal('tcp'),
  host: z.string().min(1).max(253),
  port: z.number().int().min(1).max(65535).default(9100),
});
const DisplayLink = z.strictObject({ type: z.literal('display'), displayIndex: z.number().int().min(0).max(8).default(1) });
const MediaLink = z.strictObject({ type: z.literal('media'), label: z.string().max(200).optional() });
const SimulatedLink = z.strictObject({ type: z.literal('simulated') });

export const Link = z.discriminatedUnion('type', [SerialLink, HidLink, UsbBulkLink, DeviceFileLink, TcpLink, DisplayLink, MediaLink, SimulatedLink]);
export type Link = z.infer<typeof Link>;
export type LinkType = Link['type'];

/** Which transports each driver kind can use. */
export const kindLinks = {
  'idcard-sam': ['serial', 'usb', 'hid', 'simulated'],
  'printer-escpos': ['serial', 'device-file', 'tcp', 'simulated'],
  'scanner-hid-pos': ['hid', 'simulated'],
  'scanner-keyboard-wedge': ['hid', 'simulated'],
  'scanner-serial': ['serial', 'simulated'],
  'evaluator-bus': ['serial', 'simulated'],
  'evaluator-hid-keys': ['hid', 'simulated'],
  'evaluator-screen': ['display', 'simulated'],
  'camera-uvc': ['media', 'simulated'],
} as const satisfies Record<string, readonly LinkType[]>;
export type DeviceKind = keyof typeof kindLinks;

const roleKinds = {
  idcard: ['idcard-sam'],
  printer: ['printer-escpos'],
  scanner: ['scanner-hid-pos', 'scanner-keyboard-wedge', 'scanner-serial'],
  evaluator: ['evaluator-bus', 'evaluator-hid-keys', 'evaluator-screen'],
  camera: ['camera-uvc'],
} as const satisfies Record<DeviceRole, readonly DeviceKind[]>;

const ScannerOptions = z.strictObject({
  aimPrefix: z.boolean().default(false),
  maxLength: z.number().int().min(1).max(maxScanLength).default(maxScanLength),
  /** Serial scanners without a CR/LF suffix: end a code after this much silence. */
  serialIdleMs: z.number().int().min(10).max(2000).optional(),
  wedge: z
    .strictObject({
      maxInterKeyMs: z.number().int().min(1).max(500).optional(),
      minLength: z.number().int().min(1).max(64).optional(),
      terminator: z.enum(['enter', 'tab', 'none']).optional(),
      idleMs: z.number().int().min(10).max(2000).optional(),
    })
    .optional(),
});
const EvaluatorOptions = z.strictObject({
  model: z.enum(Object.keys(keyMaps) as [keyof typeof keyMaps, ...(keyof typeof keyMaps)[]]).default('generic-5'),
  /** A technician's own map (key → level), overriding the model's. */
  keyMap: z.record(z.string().min(1).max(8), EvaluationLevel).optional(),
  address: z.number().int().min(0).max(255).optional(),
});
const PrinterOptions = z.strictObject({ paperWidth: z.union([z.literal(58), z.literal(80)]).default(80) });
const NoOptions = z.strictObject({});

const entry = <K extends readonly [DeviceKind, ...DeviceKind[]], O extends z.ZodType>(kinds: K, options: O) =>
  z.strictObject({
    kind: z.enum(kinds),
    link: Link,
    options: options.optional(),
    /** Unbound roles stay in the file but are not started. */
    enabled: z.boolean().default(true),
  });

export const DevicesConfig = z.strictObject({
  version: z.literal(1),
  devices: z
    .strictObject({
      idcard: entry(roleKinds.idcard, NoOptions.catchall(z.unknown())).optional(),
      printer: entry(roleKinds.printer, PrinterOptions).optional(),
      scanner: entry(roleKinds.scanner, ScannerOptions).optional(),
      evaluator: entry(roleKinds.evaluator, EvaluatorOptions).optional(),
      camera: entry(roleKinds.camera, NoOptions).optional(),
    })
    .superRefine((devices, ctx) => {
      for (const [role, device] of Object.entries(devices)) {
        if (!device) continue;
        const allowed: readonly LinkType[] = kindLinks[device.kind];
        if (!allowed.includes(device.link.type)) {
          ctx.addIssue({
            code: 'custom',
            path: [role, 'link', 'type'],
            message: `${device.kind} works over ${allowed.join(' or ')}, not ${device.link.type}`,
          });
        }
        const link = device.link;
        if ((link.type === 'serial' || link.type === 'hid') && link.path === undefined && link.usb === undefined) {
          ctx.addIssue({ code: 'custom', path: [role, 'link', 'path'], message: 'give a port path or a usb vendorId/productId' });
        }
      }
    }),
});
export type DevicesConfig = z.infer<typeof DevicesConfig>;
export type DevicesConfigInput = z.input<typeof DevicesConfig>;

export interface ConfigError {
  /** Dotted path of the offending field, e.g. `devices.scanner.link.baudRate`. */
  readonly field: string;
  readonly message: string;
}

export type ConfigResult = { readonly ok: true; readonly config: DevicesConfig } | { readonly ok: false; readonly errors: readonly ConfigError[] };

export function validateDevicesConfig(input: unknown): ConfigResult {
  const parsed = DevicesConfig.safeParse(input);
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => {
      const path = issue.path.map(String);
      // An unknown key is reported on its parent object; name the key itself.
      if (issue.code === 'unrecognized_keys') {
        return { field: [...path, issue.keys.join(',')].join('.'), message: 'unknown field' };
      }
      return { field: path.length === 0 ? '(root)' : path.join('.'), message: issue.message };
    }),
  };
}

/** Reads a stored configuration; malformed JSON is an error like any other, never a throw. */
export function parseDevicesConfig(json: string): ConfigResult {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { ok: false, errors: [{ field: '(root)', message: `not JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  return validateDevicesConfig(value);
}

export function serializeDevicesConfig(config: DevicesConfig): string {
  return JSON.stringify(config);
}

export const simulatedDevicesConfig: DevicesConfig = {
  version: 1,
  devices: {
    idcard: { kind: 'idcard-sam', link: { type: 'simulated' }, enabled: true },
    printer: { kind: 'printer-escpos', link: { type: 'simulated' }, options: { paperWidth: 80 }, enabled: true },
    scanner: { kind: 'scanner-serial', link: { type: 'simulated' }, options: { aimPrefix: true, maxLength: maxScanLength }, enabled: true },
    evaluator: { kind: 'evaluator-bus', link: { type: 'simulated' }, options: { model: 'generic-5', address: 1 }, enabled: true },
  },
};
