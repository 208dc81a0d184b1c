import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { TypedEmitter } from '../model/emitter';
import { TransportError } from './transport';
import type { Transport, TransportEvents } from './transport';

export interface DeviceFileOptions {
  /** e.g. /dev/usb/lp0 (Linux usblp, bidirectional) or a PTY/tty path. */
  path: string;
  /** How often to look for reply bytes; usblp has no readiness events. */
  pollMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A character device opened read-write and non-blocking. Reads are polled (receiptio does the same on
 * usblp); EAGAIN means "nothing yet". The device vanishing shows up as ENODEV/EIO → `close`.
 */
export class DeviceFileTransport implements Transport {
  readonly events = new TypedEmitter<TransportEvents>();
  readonly description: string;
  private handle: FileHandle | null = null;
  private generation = 0;

  constructor(private readonly options: DeviceFileOptions) {
    this.description = `file:${options.path}`;
  }

  isOpen(): boolean {
    return this.handle !== null;
  }

  async open(): Promise<void> {
    if (this.handle) return;
    try {
      this.handle = await open(this.options.path, constants.O_RDWR | constants.O_NONBLOCK | constants.O_NOCTTY);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      const kind = code === 'ENOENT' || code === 'ENODEV' || code === 'ENXIO' ? 'not-found' : code === 'EBUSY' ? 'busy' : code === 'EACCES' ? 'config' : 'io';
      throw new TransportError(kind, `${this.description}: ${code}${code === 'EACCES' ? ' (is the user in the lp group?)' : ''}`);
    }
    const generation = ++this.generation;
    void this.readLoop(this.handle, generation);
  }

  private async readLoop(handle: FileHandle, generation: number): Promise<void> {
    const buffer = new Uint8Array(4096);
    const pollMs = this.options.pollMs ?? 20;
    while (this.generation === generation && this.handle === handle) {
      try {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
        if (bytesRead > 0) this.events.emit('data', buffer.slice(0, bytesRead));
        else await sleep(pollMs);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN' || code === 'EWOULDBLOCK') {
          await sleep(pollMs);
          continue;
        }
        if (this.generation === generation) this.lost(code ?? 'read failed');
        return;
      }
    }
  }

  private lost(reason: string): void {
    const handle = this.handle;
    this.handle = null;
    this.generation++;
    void handle?.close().catch(() => undefined);
    this.events.emit('close', { reason });
  }

  async write(data: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < data.length) {
      const handle = this.handle;
      if (!handle) throw new TransportError('closed', `${this.description} is not open`);
      try {
        const { bytesWritten } = await handle.write(data, offset, data.length - offset, null);
        offset += bytesWritten;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN' || code === 'EWOULDBLOCK') {
          await sleep(5);
          continue;
        }
        this.lost(code ?? 'write failed');
        throw new TransportError('io', `${this.description}: ${code ?? 'write failed'}`);
      }
    }
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    this.generation++;
    await handle?.close().catch(() => undefined);
  }
}
