import { z } from 'zod';
import { event, method } from '../define';
import { Empty } from '../empty';
import { IdCardSummary } from '../idcard';

export const IdCardReadResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), card: IdCardSummary }),
  z.object({ status: z.literal('no-card') }),
]);
export type IdCardReadResult = z.infer<typeof IdCardReadResult>;

export const SimulatedCard = z.object({ id: z.string(), label: z.string() });

export const idcardMethods = {
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
  'sim.idcard.connection': method({
    description: "Pull or re-plug the simulated reader's cable (the driver must notice and recover by itself).",
    input: z.object({ connected: z.boolean() }).strict(),
    output: z.object({ connected: z.boolean() }),
  }),
} as const;

export const idcardEvents = {
  'idcard.inserted': event({ description: 'A card was read (masked summary).', payload: z.object({ card: IdCardSummary }) }),
  'idcard.removed': event({ description: 'The card left the reader.', payload: z.object({}) }),
} as const;
