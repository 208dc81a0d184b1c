import { paperWidthDots } from '../src/kernel/receipt';
import type { PaperWidth } from '../src/kernel/receipt';
import { EscPosPrinter } from '../devices/drivers/printer/escpos-printer';
import type { ReceiptPrinter } from '../devices/drivers/printer/printer';
import { attachToTransport } from '../devices/simulators/printer/hosts';
import { VirtualPrinter } from '../devices/simulators/printer/virtual-printer';
import { DeviceFileTransport } from '../devices/transports/device-file';
import { createMemoryPair } from '../devices/transports/memory-pair';
import { SerialTransport } from '../devices/transports/serial';
import { TcpTransport } from '../devices/transports/tcp';
import type { Transport } from '../devices/transports/transport';

// Which receipt printer this terminal uses, from the environment:
//   HALL_PRINTER=tcp://192.168.1.50:9100        network printer, raw port 9100
//   HALL_PRINTER=serial:/dev/ttyUSB0?baud=115200 serial or USB virtual COM (default 9600 8N1)
//   HALL_PRINTER=file:/dev/usb/lp0              Linux usblp device file (user in group lp)
//   HALL_PRINTER_PAPER=58|80                    paper width (default 80 mm → 576 dots; 58 mm → 384)
// The simulated device profile ignores these and uses an in-memory virtual printer.

export type PrinterConfig =
  | { kind: 'tcp'; host: string; port: number; paperWidth: PaperWidth }
  | { kind: 'serial'; path: string; baudRate: number; paperWidth: PaperWidth }
  | { kind: 'file'; path: string; paperWidth: PaperWidth };

export class PrinterConfigError extends Error {}

export function parsePrinterConfig(env: NodeJS.ProcessEnv): PrinterConfig | null {
  const spec = env.HALL_PRINTER?.trim();
  if (!spec) return null;
  const paper = env.HALL_PRINTER_PAPER?.trim() ?? '80';
  if (paper !== '58' && paper !== '80') throw new PrinterConfigError(`HALL_PRINTER_PAPER must be 58 or 80, not ${paper}`);
  const paperWidth: PaperWidth = paperWidthDots(paper === '58' ? 58 : 80);
  if (spec.startsWith('tcp://')) {
    const m = /^tcp:\/\/([^:/\s]+)(?::(\d{1,5}))?\/?$/.exec(spec);
    const port = Number(m?.[2] ?? 9100);
    if (!m?.[1] || port < 1 || port > 65535) throw new PrinterConfigError(`HALL_PRINTER: cannot read ${spec} (expected tcp://host:9100)`);
    return { kind: 'tcp', host: m[1], port, paperWidth };
  }
  if (spec.startsWith('serial:')) {
    const m = /^serial:(\/[^?\s]+)(?:\?baud=(\d{3,7}))?$/.exec(spec);
    if (!m?.[1]) throw new PrinterConfigError(`HALL_PRINTER: cannot read ${spec} (expected serial:/dev/ttyUSB0?baud=9600)`);
    return { kind: 'serial', path: m[1], baudRate: Number(m[2] ?? 9600), paperWidth };
  }
  if (spec.startsWith('file:')) {
    const path = spec.slice('file:'.length);
    if (!/^\/[^\s]+$/.test(path)) throw new PrinterConfigError(`HALL_PRINTER: cannot read ${spec} (expected file:/dev/usb/lp0)`);
    return { kind: 'file', path, paperWidth };
  }
  throw new PrinterConfigError(`HALL_PRINTER must start with tcp://, serial: or file: (got ${spec})`);
}

export function transportFor(config: PrinterConfig): Transport {
  switch (config.kind) {
    case 'tcp':
      return new TcpTransport({ host: config.host, port: config.port });
    case 'serial':
      return new SerialTransport({ path: config.path, baudRate: config.baudRate });
    case 'file':
      return new DeviceFileTransport({ path: config.path });
  }
}

export function createConfiguredPrinter(env: NodeJS.ProcessEnv): ReceiptPrinter | null {
  const config = parsePrinterConfig(env);
  if (!config) return null;
  return new EscPosPrinter(transportFor(config), { paperWidth: config.paperWidth, kind: `printer-escpos-${config.kind}`, pollIntervalMs: 60_000 });
}

/** What the simulator panel may do to the virtual printer. */
export interface PrinterSimulatorControl {
  readonly virtual: VirtualPrinter;
}

export function createSimulatedPrinter(paperWidth: PaperWidth = 576): { printer: ReceiptPrinter; control: PrinterSimulatorControl } {
  const pair = createMemoryPair('simulated printer');
  const virtual = new VirtualPrinter({ paperWidth });
  void pair.device.open();
  attachToTransport(virtual, pair.device);
  const printer = new EscPosPrinter(pair.host, { paperWidth, kind: 'printer-simulated', statusTimeoutMs: 500, jobTimeoutMs: 3000, pollIntervalMs: 2000 });
  return { printer, control: { virtual } };
}
