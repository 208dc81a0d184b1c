import { z } from 'zod';
import { ContractErrorShape } from './errors';

/** The result of one call, as it crosses any transport (IPC or WebSocket). */
export const CallResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ContractErrorShape }),
]);
export type CallResult = z.infer<typeof CallResult>;

/** Messages on the web shell's WebSocket. */
export const ClientMessage = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.string().max(128),
  input: z.unknown(),
});
export type ClientMessage = z.infer<typeof ClientMessage>;

export const ServerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.number().int().nonnegative(), result: CallResult }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;

/**
 * What a renderer needs from a shell: the Electron preload exposes exactly this object as
 * `window.kiosk`, and the web shell's WebSocket transport implements it too.
 */
export interface ClientTransport {
  invoke(method: string, input: unknown): Promise<CallResult>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

/** Largest message either side accepts; a material scan travels as a blob, never in one call. */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
