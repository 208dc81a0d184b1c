import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { DeviceFileTransport } from '../../transports/device-file';
import type { Transport } from '../../transports/transport';
import type { VirtualPrinter } from './virtual-printer';

// Ways to put a VirtualPrinter at the far end of a real link: a transport we hold (in-memory pair),
// a TCP listener (port 9100 style) or a pseudo-terminal pair made by socat.

/** Serves the printer on the device end of any transport (used with createMemoryPair). */
export function attachToTransport(printer: VirtualPrinter, device: Transport): () => void {
  const offData = device.events.on('data', (bytes) => printer.feed(bytes));
  const offReply = printer.events.on('reply', (bytes) => {
    if (device.isOpen()) void device.write(bytes).catch(() => undefined);
  });
  const offClose = device.events.on('close', () => printer.resetLink());
  return () => {
    offData();
    offReply();
    offClose();
  };
}

export interface TcpPrinterHost {
  readonly port: number;
  /** Drops every connection, as when the printer is switched off; the listener stays. */
  dropConnections(): void;
  close(): Promise<void>;
}

/** Listens like a network printer: one stream per connection, status replies on the same socket. */
export async function serveTcp(printer: VirtualPrinter, port = 9100, host = '127.0.0.1'): Promise<TcpPrinterHost> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    printer.resetLink();
    const offReply = printer.events.on('reply', (bytes) => {
      if (!socket.destroyed) socket.write(bytes);
    });
    socket.on('data', (chunk: Buffer) => printer.feed(new Uint8Array(chunk)));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      offReply();
      sockets.delete(socket);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    port: actualPort,
    dropConnections: () => {
      for (const s of sockets) s.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface PtyPrinterHost {
  /** The path the driver opens (serial port or device file). */
  readonly hostPath: string;
  close(): Promise<void>;
}

/** Makes a PTY pair with socat; the simulator sits on one end, the driver opens `hostPath`. */
export async function servePty(printer: VirtualPrinter, dir: string): Promise<PtyPrinterHost> {
  const hostPath = `${dir}/printer-host`;
  const devicePath = `${dir}/printer-device`;
  const socat: ChildProcess = spawn('socat', [`pty,raw,echo=0,link=${hostPath}`, `pty,raw,echo=0,link=${devicePath}`], { stdio: 'ignore' });
  const deadline = Date.now() + 5000;
  while (!(existsSync(hostPath) && existsSync(devicePath))) {
    if (Date.now() > deadline || socat.exitCode !== null) {
      socat.kill();
      throw new Error('socat did not create the PTY pair');
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const device = new DeviceFileTransport({ path: devicePath, pollMs: 5 });
  await device.open();
  const detach = attachToTransport(printer, device);
  return {
    hostPath,
    async close() {
      detach();
      await device.close();
      socat.kill();
    },
  };
}
