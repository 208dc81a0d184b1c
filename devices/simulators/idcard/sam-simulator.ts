import type { IdCard } from '../../../src/contract';
import type { Transport } from '../../transports/transport';
import {
  encodeCardText,
  encodeReadData,
  encodeResponse,
  encodeSamId,
  FrameDecoder,
  parseRequestBody,
  writeField,
} from '../../protocols/idcard';
import type { SamRequest } from '../../protocols/idcard';
import type { IdCardSimulatorControl } from './control';

/** Ways the simulated reader misbehaves, for fault tests. Counts apply to the next N responses. */
export interface SimulatorFaults {
  /** Random bytes written before every response. */
  garbageBetweenFrames?: number;
  /** Flip the checksum of the next N responses. */
  badChecksum?: number;
  /** Send only the first half of the next N responses. */
  truncate?: number;
  /** Delay before every response. */
  slowMs?: number;
  /** Answer nothing at all. */
  silent?: boolean;
  /** Answer every request with a vendor-MCU frame (`02 … 03`) instead of SAM frames. */
  vendorProtocol?: boolean;
}

export interface SamSimulatorOptions {
  /** Split responses into chunks of this size, as a UART driver would deliver them (0 = whole frame). */
  chunkSize?: number;
  /** SAM answers `9F` to find only for a newly presented card (spec §11.3); false = always while present. */
  findOnlyNewCards?: boolean;
  /** Photo block to return (default: the 'WL' header placeholder of the spec, then zeros). */
  photo?: Uint8Array;
  /** Fingerprint templates to return for 0x30 0x10 (default none). */
  fingerprints?: Uint8Array;
  additionalAddress?: string;
}

function placeholderPhoto(): Uint8Array {
  const photo = new Uint8Array(1024);
  photo.set([0x57, 0x4c, 0x66, 0x00, 0x7e, 0x00, 0x32, 0x00]);
  return photo;
}

/** An 8-byte card serial derived from the number, so each sample card has its own SN. */
function serialOf(card: IdCard): Uint8Array {
  const sn = new Uint8Array(8);
  let h = 0x811c9dc5;
  for (const ch of card.idNumber + card.name) {
    h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  }
  new DataView(sn.buffer).setUint32(0, h);
  new DataView(sn.buffer).setUint32(4, Math.imul(h, 2654435761) >>> 0);
  return sn;
}

/**
 * A virtual SAM reader on the far end of a transport (a PTY from socat, or an in-memory pair). It decodes
 * request frames with the same protocol code and answers like a real SAM, with scripted cards and faults.
 */
export class SamSimulator implements IdCardSimulatorControl {
  faults: SimulatorFaults = {};
  private readonly decoder = new FrameDecoder({ minLen: 3 });
  private card: IdCard | null = null;
  private cardIsNew = false;
  private selected = false;
  private readonly options: Required<Omit<SamSimulatorOptions, 'additionalAddress'>> & { additionalAddress?: string };
  private readonly off: (() => void)[] = [];
  private reopenTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private queue: Promise<void> = Promise.resolve();
  /** Requests seen, by command name, for tests. */
  readonly seen: string[] = [];

  constructor(
    readonly transport: Transport,
    options: SamSimulatorOptions = {},
  ) {
    this.options = { chunkSize: 0, findOnlyNewCards: true, photo: placeholderPhoto(), fingerprints: new Uint8Array(0), ...options };
    this.off.push(
      transport.events.on('data', (chunk) => this.onData(chunk)),
      transport.events.on('close', () => this.scheduleReopen()),
    );
  }

  /** Opens the simulator's end and keeps it open: after an unplug it reopens as soon as it can. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.transport.open().catch(() => this.scheduleReopen());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reopenTimer) clearTimeout(this.reopenTimer);
    this.reopenTimer = null;
    for (const off of this.off) off();
    await this.queue;
    await this.transport.close().catch(() => undefined);
  }

  place(card: IdCard): void {
    this.card = card;
    this.cardIsNew = true;
    this.selected = false;
  }

  remove(): boolean {
    const had = this.card !== null;
    this.card = null;
    this.selected = false;
    return had;
  }

  currentCard(): IdCard | null {
    return this.card;
  }

  private scheduleReopen(): void {
    if (this.stopped || this.reopenTimer) return;
    this.reopenTimer = setTimeout(() => {
      this.reopenTimer = null;
      if (this.stopped || this.transport.isOpen()) return;
      this.transport.open().catch(() => this.scheduleReopen());
    }, 50);
    // Waiting for a replug must not keep the process alive on its own.
    this.reopenTimer.unref();
  }

  private onData(chunk: Uint8Array): void {
    for (const body of this.decoder.push(chunk)) {
      const request = parseRequestBody(body);
      if (!request) continue;
      // Answers go out strictly in order, each after the previous one was written.
      this.queue = this.queue.then(() => this.answer(request)).catch(() => undefined);
    }
  }

  private async answer(request: SamRequest): Promise<void> {
    const response = this.respond(request);
    this.seen.push(`${request.cmd.toString(16)}:${request.para.toString(16)}`);
    const faults = this.faults;
    if (faults.silent) return;
    if (faults.slowMs) await new Promise((r) => setTimeout(r, faults.slowMs));
    let bytes = faults.vendorProtocol ? Uint8Array.of(0x02, 0x00, 0x04, 0xa1, 0x00, 0x00, 0xa5, 0x03) : response;
    if (faults.badChecksum) {
      faults.badChecksum -= 1;
      bytes = Uint8Array.from(bytes);
      bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
    }
    if (faults.truncate) {
      faults.truncate -= 1;
      bytes = bytes.subarray(0, Math.floor(bytes.length / 2));
    }
    if (faults.garbageBetweenFrames) {
      const garbage = Uint8Array.from({ length: faults.garbageBetweenFrames }, () => Math.floor(Math.random() * 256));
      await this.write(garbage);
    }
    await this.write(bytes);
  }

  private async write(bytes: Uint8Array): Promise<void> {
    if (!this.transport.isOpen()) return;
    const size = this.options.chunkSize;
    try {
      if (size <= 0) {
        await this.transport.write(bytes);
        return;
      }
      for (let at = 0; at < bytes.length; at += size) await this.transport.write(bytes.subarray(at, at + size));
    } catch {
      // The link went away mid-answer; the host will time out, as with a real reader.
    }
  }

  private respond({ cmd, para }: SamRequest): Uint8Array {
    switch (cmd) {
      case 0x10:
      case 0x11:
        return encodeResponse(0x90);
      case 0x12:
        return encodeResponse(0x90, encodeSamId(5, 1, 20240101, 1234567, 7654321));
      case 0x60:
        return encodeResponse(para <= 4 ? 0x90 : 0x21);
      case 0x61:
        return encodeResponse(0x90);
      case 0x20:
        return para === 0x01 ? this.find() : para === 0x02 ? this.select() : encodeResponse(0x21);
      case 0x30:
        return this.read(para);
      default:
        return encodeResponse(0x21);
    }
  }

  private find(): Uint8Array {
    if (!this.card) return encodeResponse(0x80);
    if (this.options.findOnlyNewCards && !this.cardIsNew) return encodeResponse(0x80);
    return encodeResponse(0x9f, new Uint8Array(4));
  }

  private select(): Uint8Array {
    if (!this.card) return encodeResponse(0x81);
    this.selected = true;
    return encodeResponse(0x90, serialOf(this.card));
  }

  private read(para: number): Uint8Array {
    if (!this.card || !this.selected) return encodeResponse(0x41);
    if (para === 0x03) {
      if (!this.options.additionalAddress) return encodeResponse(0x91);
      const data = new Uint8Array(70);
      writeField(data, 0, 70, this.options.additionalAddress);
      return encodeResponse(0x90, data);
    }
    if (para !== 0x01 && para !== 0x10) return encodeResponse(0x21);
    const withFp = para === 0x10;
    this.cardIsNew = false;
    const text = encodeCardText(this.card);
    return encodeResponse(0x90, encodeReadData({ text, photo: this.options.photo, fingerprints: this.options.fingerprints }, withFp));
  }
}
