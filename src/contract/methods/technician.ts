// The technician console: PIN unlock (hashed PIN, lockout), device binding and tests, terminal identity,
// log viewer and diagnostics. Every method that changes the terminal or shows its internals is
// `privileged`: refused unless the calling connection has an unlocked technician session.
import { z } from 'zod';
import { event, method } from '../define';
import type { WindowRole } from '../define';
import { DeviceRole, DeviceStatus } from '../device';
import { Empty } from '../empty';
import { IdCardType } from '../idcard';

/** Where the console can run: its own page (/technician), or inside the kiosk / window page (Electron). */
const consoleRoles: readonly WindowRole[] = ['kiosk', 'window', 'technician'];

/** A PIN attempt: digits only, never logged. */
export const PinAttempt = z.string().regex(/^\d{1,12}$/, 'digits only');
/** A new PIN: 6–12 digits, not all the same digit, not a plain run like 123456. */
export const NewPin = z
  .string()
  .regex(/^\d{6,12}$/, '6–12 digits')
  .refine((pin) => !/^(\d)\1+$/.test(pin), { message: 'not all the same digit', params: { reason: 'pinWeak' } })
  .refine((pin) => !'01234567890123'.includes(pin) && !'98765432109876'.includes(pin), { message: 'not a run of consecutive digits', params: { reason: 'pinWeak' } });

export const TechnicianStatus = z.object({
  /** This connection holds an unlocked technician session. */
  unlocked: z.boolean(),
  /** False in the configured profile until a PIN was set (HALL_TECHNICIAN_PIN on first start). */
  pinConfigured: z.boolean(),
  /** While locked out after too many wrong PINs. */
  lockedUntil: z.string().nullable(),
  attemptsLeft: z.number().int().nonnegative(),
  /** When this connection's session expires without activity (unlocked only). */
  expiresAt: z.string().nullable(),
  /** The development PIN of the simulated profile is still in force: the console says so. */
  developmentPin: z.boolean(),
});
export type TechnicianStatus = z.infer<typeof TechnicianStatus>;

export const UnlockResult = z.discriminatedUnion('status', [
  /** `ticket` lets the /technician page take this unlock over once (web shell navigation), within 30 s. */
  z.object({ status: z.literal('unlocked'), ticket: z.string() }),
  z.object({ status: z.literal('wrong-pin'), attemptsLeft: z.number().int().nonnegative() }),
  z.object({ status: z.literal('locked'), until: z.string() }),
  z.object({ status: z.literal('not-configured') }),
]);
export type UnlockResult = z.infer<typeof UnlockResult>;

/** Hall and terminal identity and the settings a technician sets on site. */
export const TerminalIdentity = z.strictObject({
  /** 大厅编码: goes into tracking numbers. */
  hallCode: z.string().regex(/^[A-Z0-9]{2,8}$/, '2–8 capital letters or digits'),
  terminalNumber: z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,15}$/, '1–16 capital letters, digits or -'),
  terminalName: z.string().trim().min(1, 'required').max(40, 'at most 40 characters'),
  /** Quiet time before the kiosk asks "are you still there?". */
  idleTimeoutSeconds: z.number().int().min(30, 'at least 30 s').max(600, 'at most 600 s'),
  paperWidthMm: z.union([z.literal(58), z.literal(80)]),
});
export type TerminalIdentity = z.infer<typeof TerminalIdentity>;

/** A device the console can bind, from discovery (serial, HID) or the simulated profile. */
export const DeviceCandidate = z.object({
  id: z.string(),
  label: z.string(),
  appearsAs: z.enum(['serial', 'hid', 'simulated']),
  /** vvvv:pppp when known. */
  usbId: z.string().optional(),
  /** From the known VID/PID table and the HID usage page; a hint, never a binding. */
  suggestedRoles: z.array(DeviceRole),
  /** Listed in the known-device table (maker and model known). */
  known: z.boolean(),
});
export type DeviceCandidate = z.infer<typeof DeviceCandidate>;

export const DeviceBinding = z.object({
  role: DeviceRole,
  kind: z.string(),
  /** Where, in words: "serial /dev/ttyUSB0 9600", "USB 1a86:7523", "simulated". */
  link: z.string(),
  enabled: z.boolean(),
});
export type DeviceBinding = z.infer<typeof DeviceBinding>;

export const LogEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  level: z.enum(['debug', 'info', 'warn', 'error']),
  message: z.string(),
  /** The other fields as masked JSON. */
  details: z.string(),
});
export type LogEntry = z.infer<typeof LogEntry>;

/** A card read for the technician's test: every field masked or reduced to what proves the read worked. */
export const CardTest = z.discriminatedUnion('status', [
  z.object({ status: z.literal('no-card') }),
  z.object({
    status: z.literal('ok'),
    cardType: IdCardType,
    maskedName: z.string(),
    maskedIdNumber: z.string(),
    idNumberValid: z.boolean(),
    gender: z.string(),
    birthYear: z.string(),
    maskedAddress: z.string().nullable(),
    validUntil: z.string(),
    hasPhoto: z.boolean(),
    readMs: z.number().int().nonnegative().nullable(),
  }),
]);
export type CardTest = z.infer<typeof CardTest>;

const privileged = { roles: consoleRoles, privileged: true } as const;

export const technicianMethods = {
  'technician.status': method({ description: 'Lockout and session state of the technician console for this connection.', roles: consoleRoles, input: Empty, output: TechnicianStatus }),
  'technician.unlock': method({
    description: 'Enter the technician PIN. Five wrong PINs lock the console for five minutes (persisted).',
    roles: consoleRoles,
    input: z.object({ pin: PinAttempt }).strict(),
    output: UnlockResult,
  }),
  'technician.resume': method({
    description: 'The /technician page takes over an unlock made on the kiosk page, with its one-time ticket.',
    roles: ['technician'],
    input: z.object({ ticket: z.string().min(16).max(64) }).strict(),
    output: z.object({ unlocked: z.boolean() }),
  }),
  'technician.lock': method({ description: 'Leave the console (its session ends).', roles: consoleRoles, input: Empty, output: z.object({ locked: z.literal(true) }) }),
  'technician.keepAlive': method({ description: 'The technician is active: restart the idle timer.', ...privileged, input: Empty, output: z.object({ expiresAt: z.string() }) }),
  'technician.changePin': method({
    description: 'Change the technician PIN (the current PIN is asked again).',
    ...privileged,
    input: z.object({ current: PinAttempt, next: NewPin }).strict(),
    output: z.object({ changed: z.literal(true) }),
  }),
  'terminal.identity': method({ description: 'Hall and terminal identity, idle timeout and paper width.', input: Empty, output: TerminalIdentity }),
  'terminal.setIdentity': method({
    description: 'Set the terminal identity; errors name the field.',
    ...privileged,
    input: TerminalIdentity,
    output: TerminalIdentity,
  }),
  'device.discover': method({
    description: 'Devices that can be bound now (serial ports, HID devices, simulated devices), with suggested roles.',
    ...privileged,
    input: Empty,
    output: z.object({ candidates: z.array(DeviceCandidate), problem: z.string().optional() }),
  }),
  'device.bindings': method({ description: 'What each role is bound to.', ...privileged, input: Empty, output: z.object({ bindings: z.array(DeviceBinding) }) }),
  'device.bind': method({
    description:
      'Bind a role to a discovered device (candidateId) or to a full configuration entry (entry, e.g. a network printer); persisted and applied at once.',
    ...privileged,
    input: z.union([
      z.object({ role: DeviceRole, candidateId: z.string().min(1).max(300), kind: z.string().max(40).optional() }).strict(),
      z.object({ role: DeviceRole, entry: z.record(z.string(), z.unknown()) }).strict(),
    ]),
    output: z.object({ binding: DeviceBinding, status: DeviceStatus }),
  }),
  'device.unbind': method({
    description: 'Unbind a role: the device is closed now and not started again.',
    ...privileged,
    input: z.object({ role: DeviceRole }).strict(),
    output: z.object({ unbound: z.boolean() }),
  }),
  'device.testCard': method({ description: 'Read the card on the reader for a test; masked fields only.', ...privileged, input: Empty, output: CardTest }),
  'logs.recent': method({
    description: 'Recent log entries, personal data already masked, newest last.',
    ...privileged,
    input: z.object({ limit: z.number().int().min(1).max(1000).optional(), minLevel: z.enum(['debug', 'info', 'warn', 'error']).optional() }).strict(),
    output: z.object({ entries: z.array(LogEntry) }),
  }),
  'diagnostics.export': method({
    description: 'Write a diagnostics bundle (configuration, device health, masked logs, versions, sync state) and return it for download.',
    ...privileged,
    input: Empty,
    output: z.object({ fileName: z.string(), bytes: z.number().int(), content: z.string() }),
  }),
} as const;

export const technicianEvents = {
  'terminal.identity': event({ description: 'The terminal identity or settings changed.', payload: TerminalIdentity }),
} as const;
