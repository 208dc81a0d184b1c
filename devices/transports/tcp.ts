import { Socket } from 'node:net';
import { TypedEmitter } from '../model/emitter';
import { TransportError } from './transport';
import type { Transport, TransportEvents } from './transport';

export interface TcpOptions {
  host: string;
  /** Raw printing port; 9100 on almost every network printer. */
  port?: number;
  connectTimeoutMs?: number;
}

/** Raw TCP (JetDirect / port 9100): one socket carries the job and the status replies. */
export class TcpTransport implements Transport {
  readonly events = new TypedEmitter<TransportEvents>();
  readonly description: string;
  private socket: Socket | null = null;

  constructor(private readonly options: TcpOptions) {
    this.description = `tcp://${options.host}:${options.port ?? 9100}`;
  }

  isOpen(): boolean {
    return this.socket !== null && !this.socket.destroyed;
  }

  open(): Promise<void> {
    if (this.isOpen()) return Promise.resolve();
    const { host, port = 9100, connectTimeoutMs = 3000 } = this.options;
    return new Promise((resolve, reject) => {
      const socket = new Socket();
      const fail = (error: TransportError) => {
        socket.destroy();
        reject(error);
      };
      const timer = setTimeout(() => fail(new TransportError('timeout', `${this.description} did not answer in ${connectTimeoutMs} ms`)), connectTimeoutMs);
      socket.once('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        const kind = error.code === 'ECONNREFUSED' || error.code === 'EHOSTUNREACH' || error.code === 'ENOTFOUND' ? 'not-found' : 'io';
        fail(new TransportError(kind, `${this.description}: ${error.code ?? error.message}`));
      });
      socket.connect(port, host, () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        socket.setNoDelay(true);
        socket.setKeepAlive(true, 5000);
        this.attach(socket);
        resolve();
      });
    });
  }

  private attach(socket: Socket): void {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => this.events.emit('data', new Uint8Array(chunk)));
    socket.on('error', (error: NodeJS.ErrnoException) => this.events.emit('error', { message: error.code ?? error.message }));
    socket.on('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.events.emit('close', { reason: 'connection closed' });
    });
  }

  write(data: Uint8Array): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.destroyed) return Promise.reject(new TransportError('closed', `${this.description} is not open`));
    return new Promise((resolve, reject) => {
      socket.write(data, (error) => (error ? reject(new TransportError('io', `${this.description}: ${error.message}`)) : resolve()));
    });
  }

  async close(): Promise<void> {
    const socket = this.socket;
    this.socket = null;
    if (!socket) return;
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.end();
      setTimeout(() => {
        socket.destroy();
        resolve();
      }, 500).unref();
    });
  }
}
