import { z } from 'zod';
import { event, method } from './define';
import { DeviceStatus } from './device';
import { IdCardSummary } from './idcard';

const Empty = z.object({}).strict();

export const SystemInfo = z.object({
  version: z.string(),
  profile: z.enum(['kiosk', 'window']),
  devices: z.enum(['simulated', 'configured']),
  shell: z.enum(['electron', 'web']),
  /** How long the attract screen shows a read card before clearing it. */
  cardDisplayMs: z.number().int().positive(),
});
export type SystemInfo = z.infer<typeof SystemInfo>;

export const IdCardReadResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), card: IdCardSummary }),
  z.object({ status: z.literal('no-card') }),
]);
export type IdCardReadResult = z.infer<typeof IdCardReadResult>;

export const SimulatedCard = z.object({ id: z.string(), label: z.string() });

/** Every method the renderer may call. Inputs are validated on the privileged side. */
export const methods = {
  'system.info': method({ description: 'Build, profile and shell facts.', input: Empty, output: SystemInfo }),
  'device.list': method({ description: 'Status of every configured device.', input: Empty, output: z.array(DeviceStatus) }),
  'idcard.read': method({
    description: 'Read the card on the reader now (masked summary).',
    input: Empty,
    output: IdCardReadResult,
  }),
  'sim.idcard.samples': method({
    description: 'Sample cards the simulated reader can present (simulated device profile only).',
    input: Empty,
    output: z.array(SimulatedCard),
  }),
  'sim.idcard.insert': method({
    description: 'Place a sample card on the simulated reader.',
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: z.object({ placed: z.literal(true) }),
  }),
  'sim.idcard.remove': method({
    description: 'Take the card off the simulated reader.',
    input: Empty,
    output: z.object({ removed: z.boolean() }),
  }),
} as const;

/** Every event the privileged side pushes to the renderer. */
export const events = {
  'idcard.inserted': event({ description: 'A card was read (masked summary).', payload: z.object({ card: IdCardSummary }) }),
  'idcard.removed': event({ description: 'The card left the reader.', payload: z.object({}) }),
  'device.status': event({ description: 'A device changed state.', payload: DeviceStatus }),
} as const;

export type Methods = typeof methods;
export type Events = typeof events;
export type MethodName = keyof Methods;
export type EventName = keyof Events;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}
