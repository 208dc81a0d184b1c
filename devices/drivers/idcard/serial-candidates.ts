import { baudRates } from '../../protocols/idcard';
import { listSerialPorts, SerialTransport } from '../../transports/serial';
import type { SerialPortInfo } from '../../transports/serial';
import type { Transport } from '../../transports/transport';
import type { TransportCandidates } from './connect';

/**
 * USB-serial bridge chips seen on readers and kiosk boards (spec §3.1). They identify the bridge, not the
 * reader, so they only decide the order; the SAM status probe decides what is a reader.
 */
export const knownBridgeIds: readonly string[] = ['1a86:7523', '1a86:5523', '1a86:7522', '1a86:5512', '067b:2303', '10c4:ea60', '0403:6001'];

export interface SerialCandidateOptions {
  /** A fixed port; otherwise ports are discovered, known bridges first. */
  path?: string;
  /** Rate tried first (default 115200); the other SAM rates follow, since a SAM remembers a changed rate. */
  baudRate?: number;
  /** Try every rate (true) or only `baudRate` (false). */
  autoBaud?: boolean;
  /** Injected for tests. */
  list?: () => Promise<{ ports: SerialPortInfo[] }>;
}

export function orderPorts(ports: readonly SerialPortInfo[]): SerialPortInfo[] {
  const known = (p: SerialPortInfo) => (p.vendorId && p.productId ? knownBridgeIds.includes(`${p.vendorId}:${p.productId}`) : false);
  return [...ports].sort((a, b) => Number(known(b)) - Number(known(a)));
}

export function rateOrder(first: number, autoBaud: boolean): number[] {
  if (!autoBaud) return [first];
  return [first, ...[115200, 9600, 57600, 38400, 19200].filter((r) => r !== first && (baudRates as readonly number[]).includes(r))];
}

/**
 * Candidates for a SAM reader on serial ports: every (port, rate) pair in probe order. The rate that
 * answered last time goes first on the next reconnect.
 */
export function serialCandidates(options: SerialCandidateOptions): TransportCandidates & { remember(t: Transport): void } {
  let lastGood: { path: string; baudRate: number } | null = null;
  const provider = async (): Promise<Transport[]> => {
    const paths = options.path ? [options.path] : orderPorts((await (options.list ?? listSerialPorts)()).ports).map((p) => p.path);
    const first = lastGood?.baudRate ?? options.baudRate ?? 115200;
    const rates = rateOrder(first, options.autoBaud ?? true);
    const ordered = lastGood ? [lastGood.path, ...paths.filter((p) => p !== lastGood?.path)] : paths;
    return ordered.flatMap((path) => rates.map((baudRate) => new SerialTransport({ path, baudRate })));
  };
  return Object.assign(provider, {
    remember(t: Transport) {
      if (t instanceof SerialTransport) lastGood = { path: t.options.path, baudRate: t.options.baudRate };
    },
  });
}
