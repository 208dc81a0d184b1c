import { events } from '../src/contract';
import type { EventName, EventPayload } from '../src/contract';

export type BusListener = (name: EventName, payload: unknown) => void;

/** Events from services to every connected window. Payloads are validated before they leave. */
export class EventBus {
  private readonly listeners = new Set<BusListener>();

  constructor(private readonly onInvalid: (name: EventName, message: string) => void = () => {}) {}

  publish<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const parsed = events[name].payload.safeParse(payload);
    if (!parsed.success) {
      this.onInvalid(name, parsed.error.message);
      return;
    }
    for (const listener of [...this.listeners]) {
      try {
        listener(name, parsed.data);
      } catch {
        // A broken window connection must not stop the others from hearing the event.
      }
    }
  }

  subscribe(listener: BusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One event, with its payload typed (as validated by publish). */
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.subscribe((heard, payload) => {
      if (heard === name) listener(payload as EventPayload<E>);
    });
  }

  get size(): number {
    return this.listeners.size;
  }
}
