import { HIDAsync } from 'node-hid';
import { TypedEmitter } from '../model/emitter';
import { TransportError } from './transport';
import type { Transport, TransportEvents } from './transport';

/**
 * How a byte stream is carried in HID reports. No public description of HID-class SAM readers exists
 * (idcard spec §3.3), so this is configurable and an ASSUMPTION to verify on a real unit by capturing
 * the vendor DLL's traffic. Default = hypothesis (a): 64-byte reports, report ID 0, raw bytes split across
 * consecutive reports and zero-padded. Hypothesis (b) adds a 1-byte payload length at the start of each.
 */
export interface HidFraming {
  /** Bytes per report, excluding the report ID. */
  reportSize: number;
  /** 0 = unnumbered reports (node-hid still wants a leading 0 byte on write). */
  reportId: number;
  /** Each report starts with the number of payload bytes it carries. */
  lengthPrefix: boolean;
  /** Whether input reports arrive with the report ID as their first byte (numbered reports do). */
  inputHasReportId?: boolean;
}

export const defaultHidFraming: HidFraming = { reportSize: 64, reportId: 0, lengthPrefix: false };

/** The part of a node-hid device the transport uses; tests pass a scripted device. */
export interface HidDeviceLike {
  write(values: number[] | Uint8Array): Promise<number>;
  on(event: 'data', listener: (data: Uint8Array) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeAllListeners(): unknown;
  close(): Promise<void>;
}

export type HidOpener = (path: string) => Promise<HidDeviceLike>;

const openNodeHid: HidOpener = async (path) => {
  const device = await HIDAsync.open(path);
  return {
    write: (values) => device.write(Array.from(values)),
    on: (event: 'data' | 'error', listener: ((data: Uint8Array) => void) | ((error: Error) => void)) => device.on(event, listener),
    removeAllListeners: () => device.removeAllListeners(),
    close: () => device.close(),
  };
};

/** Splits a byte stream into output reports (each with its leading report-ID byte). */
export function toReports(data: Uint8Array, framing: HidFraming): Uint8Array[] {
  const payload = framing.reportSize - (framing.lengthPrefix ? 1 : 0);
  if (payload < 1) throw new TransportError('config', 'HID report size leaves no room for data');
  const reports: Uint8Array[] = [];
  for (let at = 0; at < data.length; at += payload) {
    const part = data.subarray(at, at + payload);
    const report = new Uint8Array(1 + framing.reportSize);
    report[0] = framing.reportId;
    if (framing.lengthPrefix) report[1] = part.length;
    report.set(part, framing.lengthPrefix ? 2 : 1);
    reports.push(report);
  }
  return reports;
}

/** Extracts the carried bytes from one input report. Padding is passed on when there is no length prefix. */
export function fromReport(report: Uint8Array, framing: HidFraming): Uint8Array {
  const body = framing.inputHasReportId ?? framing.reportId !== 0 ? report.subarray(1) : report;
  if (!framing.lengthPrefix) return body;
  const n = Math.min(body[0] ?? 0, body.length - 1);
  return body.subarray(1, 1 + n);
}

/** A HID device as a byte transport, with configurable report framing. */
export class HidTransport implements Transport {
  readonly events = new TypedEmitter<TransportEvents>();
  readonly description: string;
  private device: HidDeviceLike | null = null;

  constructor(
    private readonly path: string,
    private readonly framing: HidFraming = defaultHidFraming,
    private readonly opener: HidOpener = openNodeHid,
  ) {
    this.description = `hid:${path}`;
  }

  isOpen(): boolean {
    return this.device !== null;
  }

  async open(): Promise<void> {
    if (this.device) return;
    let device: HidDeviceLike;
    try {
      device = await this.opener(this.path);
    } catch (error) {
      throw new TransportError('not-found', `${this.description}: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.device = device;
    device.on('data', (report) => {
      const bytes = fromReport(new Uint8Array(report), this.framing);
      if (bytes.length) this.events.emit('data', bytes);
    });
    // node-hid reports an unplugged device as a read error; there is no separate close event.
    device.on('error', (error) => {
      if (this.device !== device) return;
      this.device = null;
      device.removeAllListeners();
      void device.close().catch(() => undefined);
      this.events.emit('close', { reason: `unplugged (${error.message})` });
    });
  }

  async write(data: Uint8Array): Promise<void> {
    const device = this.device;
    if (!device) throw new TransportError('closed', `${this.description} is not open`);
    try {
      for (const report of toReports(data, this.framing)) await device.write(report);
    } catch (error) {
      if (error instanceof TransportError) throw error;
      throw new TransportError('io', `${this.description}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async close(): Promise<void> {
    const device = this.device;
    this.device = null;
    if (!device) return;
    device.removeAllListeners();
    await device.close().catch(() => undefined);
  }
}
