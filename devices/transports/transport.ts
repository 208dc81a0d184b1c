import type { TypedEmitter } from '../model/emitter';

export interface TransportEvents {
  data: Uint8Array;
  /** The link went away (unplugged, remote closed, killed). Drivers answer with reopen-with-backoff. */
  close: { reason: string };
  error: { message: string };
}

/**
 * A byte pipe to one device: serial, HID, TCP, a device file or an in-memory pair. Transports do I/O
 * only; framing and meaning belong to protocols, timing and state to drivers.
 * `open` and `write` reject with TransportError; drivers turn that into DeviceResult codes.
 */
export interface Transport {
  readonly description: string;
  readonly events: TypedEmitter<TransportEvents>;
  isOpen(): boolean;
  open(): Promise<void>;
  write(data: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

export type TransportErrorKind = 'not-found' | 'busy' | 'closed' | 'io' | 'timeout' | 'config';

export class TransportError extends Error {
  constructor(
    readonly kind: TransportErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}
