import type { DeviceStatus } from '../../src/contract';
import { TypedEmitter } from '../model/emitter';

/** What the stream needs of a device, whatever its class (drivers' event maps differ, so not `Device`). */
export interface StatusSource {
  status(): DeviceStatus;
  readonly events: { on(name: 'status', listener: (status: DeviceStatus) => void): () => void };
}

export interface StatusEntry {
  /** Increases by one per entry across all devices: the order the changes happened in. */
  readonly seq: number;
  readonly status: DeviceStatus;
}

/**
 * One stream of status changes for every device, in the order they happened. Each attached device
 * contributes its current status first, then every change. Keeps the latest status per role and a bounded
 * history for the technician console and the diagnostics bundle.
 */
export class StatusStream {
  readonly events = new TypedEmitter<{ status: StatusEntry }>();
  private seq = 0;
  private readonly latest = new Map<string, DeviceStatus>();
  private readonly recent: StatusEntry[] = [];
  private readonly detachers = new Map<StatusSource, () => void>();

  constructor(private readonly capacity = 500) {}

  attach(device: StatusSource): () => void {
    const existing = this.detachers.get(device);
    if (existing) return existing;
    this.record(device.status());
    const off = device.events.on('status', (status) => this.record(status));
    const detach = (): void => {
      off();
      this.detachers.delete(device);
    };
    this.detachers.set(device, detach);
    return detach;
  }

  /** Latest status of every device seen, one per role. */
  snapshot(): DeviceStatus[] {
    return [...this.latest.values()];
  }

  history(): readonly StatusEntry[] {
    return [...this.recent];
  }

  close(): void {
    for (const detach of [...this.detachers.values()]) detach();
  }

  private record(status: DeviceStatus): void {
    this.seq += 1;
    const entry: StatusEntry = { seq: this.seq, status };
    this.latest.set(status.role, status);
    this.recent.push(entry);
    if (this.recent.length > this.capacity) this.recent.splice(0, this.recent.length - this.capacity);
    this.events.emit('status', entry);
  }
}
