import { events, isEventName, methods } from './api';
import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput } from './api';
import { ContractError } from './errors';
import type { ClientTransport } from './wire';

export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;

export interface ContractClient {
  call<M extends MethodName>(name: M, ...input: Record<string, never> extends MethodInput<M> ? [input?: MethodInput<M>] : [input: MethodInput<M>]): Promise<MethodOutput<M>>;
  on<E extends EventName>(name: E, listener: EventListener<E>): () => void;
}

/**
 * The renderer's typed view of the contract over any transport. Results are parsed with the output
 * schema (so the UI only ever sees typed data); malformed events are dropped, not delivered.
 */
export function createClient(transport: ClientTransport): ContractClient {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  transport.subscribe((name, payload) => {
    if (!isEventName(name)) return;
    const parsed = events[name].payload.safeParse(payload);
    if (!parsed.success) return;
    for (const listener of listeners.get(name) ?? []) listener(parsed.data);
  });

  return {
    async call(name, ...args) {
      let result;
      try {
        result = await transport.invoke(name, args[0] ?? {});
      } catch {
        throw new ContractError('TRANSPORT', 'contract.noAnswer', { detail: 'The terminal service did not answer' });
      }
      if (!result.ok) throw ContractError.fromShape(result.error);
      const parsed = methods[name].output.safeParse(result.value);
      if (!parsed.success) throw new ContractError('BAD_OUTPUT', 'contract.badOutput', { detail: `Unexpected answer for ${name}` });
      return parsed.data as MethodOutput<typeof name>;
    },
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };
}
