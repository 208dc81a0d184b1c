import { z } from 'zod';
import { method } from '../define';
import { DeviceStatus } from '../device';
import { Empty } from '../empty';

export const SystemInfo = z.object({
  version: z.string(),
  profile: z.enum(['kiosk', 'window']),
  devices: z.enum(['simulated', 'configured']),
  shell: z.enum(['electron', 'web']),
  /** How long the attract screen shows a read card before clearing it. */
  cardDisplayMs: z.number().int().positive(),
  /** Citizen idle watchdog timings when configured (tests use short ones); absent: the UI's defaults. */
  idle: z.object({ idleMs: z.number().int().positive(), warningMs: z.number().int().positive() }).optional(),
});
export type SystemInfo = z.infer<typeof SystemInfo>;

export const systemMethods = {
  'system.info': method({ description: 'Build, profile and shell facts.', input: Empty, output: SystemInfo }),
  'device.list': method({ description: 'Status of every configured device.', input: Empty, output: z.array(DeviceStatus) }),
} as const;
