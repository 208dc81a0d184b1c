/** A small typed event emitter. Listeners that throw are isolated so one bad listener cannot stop a driver. */
export class TypedEmitter<Events extends object> {
  private readonly listeners = new Map<keyof Events, Set<(payload: never) => void>>();

  on<K extends keyof Events>(name: K, listener: (payload: Events[K]) => void): () => void {
    const set = this.listeners.get(name) ?? new Set();
    this.listeners.set(name, set);
    set.add(listener as (payload: never) => void);
    return () => this.off(name, listener);
  }

  off<K extends keyof Events>(name: K, listener: (payload: Events[K]) => void): void {
    this.listeners.get(name)?.delete(listener as (payload: never) => void);
  }

  emit<K extends keyof Events>(name: K, payload: Events[K]): void {
    for (const listener of [...(this.listeners.get(name) ?? [])]) {
      try {
        (listener as (payload: Events[K]) => void)(payload);
      } catch {
        // A listener's failure is the listener's problem; the device keeps running.
      }
    }
  }

  listenerCount(name?: keyof Events): number {
    if (name !== undefined) return this.listeners.get(name)?.size ?? 0;
    let total = 0;
    for (const set of this.listeners.values()) total += set.size;
    return total;
  }

  removeAllListeners(): void {
    this.listeners.clear();
  }
}
