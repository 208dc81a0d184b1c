import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { deviceSettingsFromEnv } from '../devices/manager/settings';
import type { DeviceSettings } from '../devices/manager/settings';

/** Where records sync to: an embedded platform on loopback (default), a remote one, or nowhere. */
export const PlatformChoice = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('embedded') }),
  z.object({ mode: z.literal('remote'), url: z.url({ protocol: /^https?$/ }) }),
  z.object({ mode: z.literal('off') }),
]);
export type PlatformChoice = z.infer<typeof PlatformChoice>;

export const StartOptions = z.object({
  profile: z.enum(['kiosk', 'window']),
  devices: z.enum(['simulated', 'configured']),
  /** 0 picks a free port. */
  port: z.number().int().min(0).max(65535),
  dataDir: z.string().min(1),
  /** Open the system browser (web shell); false only prints the address. */
  openBrowser: z.boolean(),
  /** Full-screen kiosk mode in the browser instead of an app window. */
  kiosk: z.boolean(),
  cardDisplayMs: z.number().int().positive(),
  /** Citizen idle watchdog: quiet time before the countdown, and the countdown (absent: 60 s and 20 s). */
  idle: z.object({ idleMs: z.number().int().min(1_000), warningMs: z.number().int().min(1_000) }).optional(),
  /** Absent (tests that build options by hand): no sync. */
  platform: PlatformChoice.optional(),
});
export type StartOptions = z.infer<typeof StartOptions>;

export const HELP = `政务服务自助终端 — hall self-service terminal

Usage: npm start -- [options]

  --profile kiosk|window        citizen kiosk (default) or staff window workstation
  --devices simulated|configured simulated devices with a simulator panel (default), or the devices
                                bound by the technician
  --port N                      web shell port on 127.0.0.1 (default 8231; 0 = any free port)
  --data-dir PATH               where the database, keys and logs live
                                (default: the user data directory, ${defaultDataDir()})
  --no-browser                  do not open a browser; print the address only
  --kiosk                       open the browser full-screen in kiosk mode
  --card-display-ms N           how long the attract screen shows a read card (default 10000)
  --idle-seconds N              citizen idle time before the "need more time?" countdown (default 60)
  --idle-warning-seconds N      length of that countdown (default 20; WCAG 2.2.1 asks for at least 20)
  --platform URL                central platform to sync with (or HALL_PLATFORM_URL); without one an
                                embedded platform runs on loopback with its data in <data-dir>/platform
  --no-platform                 no sync at all: records stay on this terminal
  --help                        show this help
`;

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'hall-terminal');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'hall-terminal');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'hall-terminal');
}

export class OptionsError extends Error {}

export type ParsedArgs = { help: true } | { help: false; options: StartOptions };

/** Parses `npm start -- …` arguments; unknown or bad values raise OptionsError with a readable message. */
export function parseStartArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ParsedArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        profile: { type: 'string' },
        devices: { type: 'string' },
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'no-browser': { type: 'boolean' },
        kiosk: { type: 'boolean' },
        'card-display-ms': { type: 'string' },
        'idle-seconds': { type: 'string' },
        'idle-warning-seconds': { type: 'string' },
        platform: { type: 'string' },
        'no-platform': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new OptionsError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { help: true };
  const platformUrl = values.platform ?? (env.HALL_PLATFORM_URL || undefined);
  if (values['no-platform'] && values.platform !== undefined) throw new OptionsError('--platform and --no-platform exclude each other');
  const parsed = StartOptions.safeParse({
    profile: values.profile ?? 'kiosk',
    devices: values.devices ?? 'simulated',
    port: values.port === undefined ? 8231 : Number(values.port),
    dataDir: values['data-dir'] ?? env.HALL_TERMINAL_DATA_DIR ?? defaultDataDir(env),
    openBrowser: !values['no-browser'],
    kiosk: values.kiosk ?? false,
    cardDisplayMs: values['card-display-ms'] === undefined ? 10_000 : Number(values['card-display-ms']),
    ...(values['idle-seconds'] === undefined && values['idle-warning-seconds'] === undefined
      ? {}
      : { idle: { idleMs: Number(values['idle-seconds'] ?? 60) * 1000, warningMs: Number(values['idle-warning-seconds'] ?? 20) * 1000 } }),
    platform: values['no-platform'] ? { mode: 'off' } : platformUrl === undefined ? { mode: 'embedded' } : { mode: 'remote', url: platformUrl },
  });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new OptionsError(`--${String(first?.path[0] ?? 'option')}: ${first?.message ?? 'invalid'}`);
  }
  return { help: false, options: parsed.data };
}

/** The device settings of the environment (HALL_PRINTER, HALL_PRINTER_PAPER, HALL_IDCARD_*); a bad value is an OptionsError naming it. */
export function loadDeviceSettings(profile: StartOptions['devices'], env: NodeJS.ProcessEnv = process.env): DeviceSettings {
  const result = deviceSettingsFromEnv(env, profile);
  if (!result.ok) throw new OptionsError(result.errors.map((e) => e.message).join('; '));
  return result.settings;
}
