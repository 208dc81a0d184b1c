import { SerialPort } from 'serialport';
import { TypedEmitter } from '../model/emitter';
import { TransportError } from './transport';
import type { Transport, TransportEvents } from './transport';

export interface SerialOptions {
  path: string;
  baudRate: number;
  /** 8N1 unless a device says otherwise. */
  dataBits?: 8 | 7;
  stopBits?: 1 | 2;
  parity?: 'none' | 'even' | 'odd';
}

/** A serial port (real UART, USB-serial bridge, or a PTY in tests) as a byte transport. */
export class SerialTransport implements Transport {
  readonly events = new TypedEmitter<TransportEvents>();
  readonly description: string;
  private port: SerialPort | null = null;

  constructor(readonly options: SerialOptions) {
    this.description = `${options.path}@${options.baudRate}`;
  }

  isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  open(): Promise<void> {
    if (this.isOpen()) return Promise.resolve();
    const { path, baudRate, dataBits = 8, stopBits = 1, parity = 'none' } = this.options;
    return new Promise((resolve, reject) => {
      const port = new SerialPort({ path, baudRate, dataBits, stopBits, parity, autoOpen: false });
      port.open((error) => {
        if (error) {
          const message = error.message;
          const kind = /ENOENT|No such file|cannot open/i.test(message) ? 'not-found' : /EBUSY|locked|Resource busy/i.test(message) ? 'busy' : 'io';
          reject(new TransportError(kind, `${this.description}: ${message}`));
          return;
        }
        this.attach(port);
        resolve();
      });
    });
  }

  private attach(port: SerialPort): void {
    this.port = port;
    port.on('data', (chunk: Buffer) => this.events.emit('data', new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
    port.on('error', (error: Error) => this.events.emit('error', { message: error.message }));
    port.on('close', (error: (Error & { disconnected?: boolean }) | null) => {
      if (this.port !== port) return;
      this.port = null;
      port.removeAllListeners();
      this.events.emit('close', { reason: error?.disconnected ? 'unplugged' : (error?.message ?? 'closed') });
    });
  }

  write(data: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) return Promise.reject(new TransportError('closed', `${this.description} is not open`));
    return new Promise((resolve, reject) => {
      port.write(Buffer.from(data.buffer, data.byteOffset, data.byteLength), (error) => {
        if (error) reject(new TransportError('io', `${this.description}: ${error.message}`));
        else resolve();
      });
    });
  }

  /** Waits until written bytes have left the host (tcdrain). */
  drain(): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) return Promise.resolve();
    return new Promise((resolve) => port.drain(() => resolve()));
  }

  async close(): Promise<void> {
    const port = this.port;
    this.port = null;
    if (!port) return;
    port.removeAllListeners();
    if (!port.isOpen) return;
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }
}

export interface SerialPortInfo {
  path: string;
  vendorId?: string;
  productId?: string;
  manufacturer?: string;
}

/** Lists serial ports; an error (no permission, no udev) gives an empty list and its reason. */
export async function listSerialPorts(): Promise<{ ports: SerialPortInfo[]; problem?: string }> {
  try {
    const ports = await SerialPort.list();
    return {
      ports: ports.map((p) => ({
        path: p.path,
        ...(p.vendorId ? { vendorId: p.vendorId.toLowerCase() } : {}),
        ...(p.productId ? { productId: p.productId.toLowerCase() } : {}),
        ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}),
      })),
    };
  } catch (error) {
    return { ports: [], problem: error instanceof Error ? error.message : String(error) };
  }
}
