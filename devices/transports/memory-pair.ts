import { TypedEmitter } from '../model/emitter';
import { TransportError } from './transport';
import type { Transport, TransportEvents } from './transport';

/** One end of an in-memory link. Bytes written on one end arrive asynchronously on the other. */
class MemoryEnd implements Transport {
  readonly events = new TypedEmitter<TransportEvents>();
  peer: MemoryEnd | null = null;
  private opened = false;
  /** When set, the link behaves as unplugged: open and write fail. */
  unplugged = false;

  constructor(readonly description: string) {}

  isOpen(): boolean {
    return this.opened;
  }

  async open(): Promise<void> {
    if (this.unplugged) throw new TransportError('not-found', `${this.description} is not connected`);
    this.opened = true;
  }

  async write(data: Uint8Array): Promise<void> {
    if (!this.opened) throw new TransportError('closed', `${this.description} is not open`);
    if (this.unplugged) throw new TransportError('io', `${this.description} is not connected`);
    const peer = this.peer;
    const copy = Uint8Array.from(data);
    queueMicrotask(() => {
      if (peer && peer.opened && !peer.unplugged) peer.events.emit('data', copy);
    });
  }

  async close(): Promise<void> {
    this.opened = false;
  }

  /** Simulates pulling the cable: both ends see `close`. */
  unplug(): void {
    for (const end of [this, this.peer]) {
      if (!end) continue;
      end.unplugged = true;
      if (end.opened) {
        end.opened = false;
        end.events.emit('close', { reason: 'unplugged' });
      }
    }
  }

  replug(): void {
    this.unplugged = false;
    if (this.peer) this.peer.unplugged = false;
  }
}

export type MemoryTransport = MemoryEnd;

/** A connected pair: give `host` to the driver and `device` to the simulator. */
export function createMemoryPair(name = 'memory'): { host: MemoryTransport; device: MemoryTransport } {
  const host = new MemoryEnd(`${name} (host)`);
  const device = new MemoryEnd(`${name} (device)`);
  host.peer = device;
  device.peer = host;
  return { host, device };
}
