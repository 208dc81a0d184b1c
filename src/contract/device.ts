import { z } from 'zod';

export const DeviceRole = z.enum(['idcard', 'printer', 'scanner', 'evaluator', 'camera']);
export type DeviceRole = z.infer<typeof DeviceRole>;

/** The UnifiedPOS-style lifecycle every driver reports. */
export const DeviceState = z.enum(['closed', 'idle', 'busy', 'error']);
export type DeviceState = z.infer<typeof DeviceState>;

export const DeviceStatus = z.object({
  role: DeviceRole,
  /** Driver kind, e.g. 'idcard-sam-serial', 'idcard-simulated'. */
  kind: z.string(),
  state: DeviceState,
  /** Plain-language detail for the technician; never personal data. */
  detail: z.string().optional(),
  connected: z.boolean(),
  updatedAt: z.string(),
});
export type DeviceStatus = z.infer<typeof DeviceStatus>;
