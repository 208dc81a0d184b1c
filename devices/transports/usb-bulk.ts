import { TypedEmitter } from '../model/emitter';
import { TransportError } from './transport';
import type { Transport, TransportEvents } from './transport';

/**
 * Native-USB SAM readers are vendor-class bulk devices (e.g. 0400:C35A), not HID (idcard spec §3.2).
 * Two behaviours exist in working code: `split` sends preamble+LEN on EP 0x02 and the rest on EP 0x06 and
 * reads the answer from EP 0x81 then EP 0x85; `whole` writes the frame to one OUT endpoint and reads it back
 * from one IN endpoint in 64-byte packets. Which firmware needs which is unknown: try split, then whole.
 * Endpoint numbers here are WebUSB numbers (without the direction bit).
 */
export type BulkMode = 'split' | 'whole';

export interface BulkEndpoints {
  headerOut: number;
  bodyOut: number;
  headerIn: number;
  bodyIn: number;
}

export const splitEndpoints: BulkEndpoints = { headerOut: 2, bodyOut: 6, headerIn: 1, bodyIn: 5 };

export interface UsbBulkOptions {
  vendorId: number;
  productId: number;
  mode: BulkMode;
  interfaceNumber?: number;
  endpoints?: BulkEndpoints;
  /** `whole` mode endpoints (default OUT 2 / IN 1). */
  wholeOut?: number;
  wholeIn?: number;
  /** How long one IN transfer waits before the read loop checks whether it should stop. */
  pollTimeoutMs?: number;
}

/** What the transport needs of a `usb` (WebUSB-style) device; tests pass a scripted one. */
export interface BulkDevice {
  open(): Promise<void>;
  close(): Promise<void>;
  claimInterface(interfaceNumber: number): Promise<void>;
  releaseInterface(interfaceNumber: number): Promise<void>;
  transferOut(endpoint: number, data: Uint8Array, timeoutMs?: number): Promise<{ status: string }>;
  transferIn(endpoint: number, length: number, timeoutMs?: number): Promise<{ status: string; data?: DataView }>;
}

export type BulkOpener = (vendorId: number, productId: number) => Promise<BulkDevice | undefined>;

/** Default opener: the `usb` package (libusb). Loaded lazily so a machine without it still starts. */
export const openWithUsbPackage: BulkOpener = async (vendorId, productId) => {
  const { usb } = await import('usb');
  const device = await usb.findDeviceByIds(vendorId, productId);
  return device as unknown as BulkDevice | undefined;
};

const isTimeout = (error: unknown) => error instanceof Error && /TIMEOUT|timed out/i.test(error.message);

export class UsbBulkTransport implements Transport {
  readonly events = new TypedEmitter<TransportEvents>();
  readonly description: string;
  private device: BulkDevice | null = null;
  private reading: Promise<void> | null = null;

  constructor(
    private readonly options: UsbBulkOptions,
    private readonly opener: BulkOpener = openWithUsbPackage,
  ) {
    const hex = (n: number) => n.toString(16).padStart(4, '0');
    this.description = `usb:${hex(options.vendorId)}:${hex(options.productId)}/${options.mode}`;
  }

  isOpen(): boolean {
    return this.device !== null;
  }

  async open(): Promise<void> {
    if (this.device) return;
    const { vendorId, productId, interfaceNumber = 0 } = this.options;
    let device: BulkDevice | undefined;
    try {
      device = await this.opener(vendorId, productId);
    } catch (error) {
      throw new TransportError('not-found', `${this.description}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!device) throw new TransportError('not-found', `${this.description}: no such device`);
    try {
      await device.open();
      await device.claimInterface(interfaceNumber);
    } catch (error) {
      await device.close().catch(() => undefined);
      throw new TransportError('busy', `${this.description}: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.device = device;
    this.reading = this.readLoop(device);
  }

  async write(data: Uint8Array): Promise<void> {
    const device = this.device;
    if (!device) throw new TransportError('closed', `${this.description} is not open`);
    const ep = this.options.endpoints ?? splitEndpoints;
    try {
      if (this.options.mode === 'split' && data.length > 7) {
        await this.check(device.transferOut(ep.headerOut, data.subarray(0, 7)));
        await this.check(device.transferOut(ep.bodyOut, data.subarray(7)));
      } else {
        await this.check(device.transferOut(this.options.mode === 'split' ? ep.headerOut : (this.options.wholeOut ?? 2), data));
      }
    } catch (error) {
      if (error instanceof TransportError) throw error;
      this.lost(device, error);
      throw new TransportError('io', `${this.description}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async close(): Promise<void> {
    const device = this.device;
    this.device = null;
    if (!device) return;
    await device.releaseInterface(this.options.interfaceNumber ?? 0).catch(() => undefined);
    await device.close().catch(() => undefined);
    await this.reading;
    this.reading = null;
  }

  private async check(result: Promise<{ status: string }>): Promise<void> {
    const { status } = await result;
    if (status !== 'ok') throw new TransportError('io', `${this.description}: transfer ${status}`);
  }

  private async readIn(device: BulkDevice, endpoint: number, length: number): Promise<Uint8Array | null> {
    try {
      const result = await device.transferIn(endpoint, length, this.options.pollTimeoutMs ?? 200);
      if (result.status !== 'ok' || !result.data) return new Uint8Array(0);
      return new Uint8Array(result.data.buffer, result.data.byteOffset, result.data.byteLength);
    } catch (error) {
      if (isTimeout(error)) return new Uint8Array(0);
      if (this.device === device) this.lost(device, error);
      return null;
    }
  }

  private async readLoop(device: BulkDevice): Promise<void> {
    const ep = this.options.endpoints ?? splitEndpoints;
    while (this.device === device) {
      if (this.options.mode === 'whole') {
        const bytes = await this.readIn(device, this.options.wholeIn ?? 1, 64);
        if (bytes === null) return;
        if (bytes.length && this.device === device) this.events.emit('data', bytes);
        continue;
      }
      const header = await this.readIn(device, ep.headerIn, 64);
      if (header === null) return;
      if (!header.length || this.device !== device) continue;
      this.events.emit('data', header);
      if (header.length !== 7) continue;
      let remaining = ((header[5] ?? 0) << 8) | (header[6] ?? 0);
      while (remaining > 0 && this.device === device) {
        const body = await this.readIn(device, ep.bodyIn, Math.min(remaining, 4096));
        if (body === null) return;
        if (!body.length) break;
        remaining -= body.length;
        this.events.emit('data', body);
      }
    }
  }

  private lost(device: BulkDevice, error: unknown): void {
    if (this.device !== device) return;
    this.device = null;
    void device.close().catch(() => undefined);
    this.events.emit('close', { reason: `unplugged (${error instanceof Error ? error.message : String(error)})` });
  }
}

/** Both behaviours of one device, split first, for the SAM connector to probe in order. */
export function usbBulkCandidates(vendorId: number, productId: number, opener?: BulkOpener): UsbBulkTransport[] {
  return (['split', 'whole'] as const).map((mode) => new UsbBulkTransport({ vendorId, productId, mode }, opener));
}
