/**
 * The window-bus key-pad frame documented in specs/printer-evaluator.md B3.2 (from the open QueueSystem used
 * in government halls): serial 9600 8N1, `FF 68 L L 68 ADDR FN DATA… CS 16`, where L = data length + 2,
 * CS = (ADDR + FN + DATA…) mod 256. The host acknowledges every frame by echoing it.
 */
export const frameStart = 0xff;
export const frameMark = 0x68;
export const frameEnd = 0x16;
/** Function codes. */
export const fnKeyPress = 0x11;
export const fnHostCommand = 0x01;
/** Host → pad, function 01: start an evaluation (optional on the documented hardware). */
export const commandStartEvaluation = 0x0b;
/** Longest data field we accept; the documented frames carry one or two bytes. */
export const maxFrameData = 32;

export interface BusFrame {
  readonly address: number;
  readonly fn: number;
  readonly data: Uint8Array;
}

export function checksum(address: number, fn: number, data: Uint8Array): number {
  let sum = address + fn;
  for (const b of data) sum += b;
  return sum & 0xff;
}

export function encodeFrame(frame: BusFrame): Uint8Array {
  const length = frame.data.length + 2;
  return Uint8Array.from([
    frameStart,
    frameMark,
    length,
    length,
    frameMark,
    frame.address & 0xff,
    frame.fn & 0xff,
    ...frame.data,
    checksum(frame.address & 0xff, frame.fn & 0xff, frame.data),
    frameEnd,
  ]);
}

export type FrameItem =
  | { readonly kind: 'frame'; readonly frame: BusFrame; readonly raw: Uint8Array }
  | { readonly kind: 'bad'; readonly reason: 'checksum' | 'layout' | 'length' };

const headerSize = 5; // FF 68 L L 68

/**
 * Streaming decoder: bytes in any split, frames out. Noise before a frame is skipped; a frame with a bad
 * length, layout or checksum is reported and the decoder resynchronises on the next `FF 68`. The buffer is
 * bounded, so a flood of garbage cannot grow memory, and each byte is looked at a bounded number of times
 * (a read offset instead of shifting the buffer), so one large chunk costs linear time.
 */
export class FrameDecoder {
  private buffer = new Uint8Array(0);
  private start = 0;
  private end = 0;

  push(chunk: Uint8Array): FrameItem[] {
    this.append(chunk);
    const out: FrameItem[] = [];
    const buf = this.buffer;
    for (;;) {
      const found = this.findStart();
      if (found < 0) {
        // keep a trailing FF: it may be the first byte of the next frame
        const keepLast = this.end > this.start && buf[this.end - 1] === frameStart;
        this.start = keepLast ? this.end - 1 : this.end;
        return out;
      }
      this.start = found;
      if (this.end - this.start < headerSize) return out;
      const length = buf[this.start + 2] ?? 0;
      if (length !== buf[this.start + 3] || buf[this.start + 4] !== frameMark) {
        out.push({ kind: 'bad', reason: 'layout' });
        this.start += 1;
        continue;
      }
      if (length < 2 || length > maxFrameData + 2) {
        out.push({ kind: 'bad', reason: 'length' });
        this.start += 1;
        continue;
      }
      const total = headerSize + length + 2;
      if (this.end - this.start < total) return out;
      const raw = buf.slice(this.start, this.start + total);
      const address = raw[5] ?? 0;
      const fn = raw[6] ?? 0;
      const data = raw.slice(7, 7 + length - 2);
      if (raw[total - 1] !== frameEnd) {
        out.push({ kind: 'bad', reason: 'layout' });
        this.start += 1;
        continue;
      }
      if (raw[total - 2] !== checksum(address, fn, data)) {
        out.push({ kind: 'bad', reason: 'checksum' });
        this.start += 1;
        continue;
      }
      this.start += total;
      out.push({ kind: 'frame', frame: { address, fn, data }, raw });
    }
  }

  reset(): void {
    this.start = this.end = 0;
  }

  /** Appends after dropping what was consumed; what stays is at most one partial frame. */
  private append(chunk: Uint8Array): void {
    const kept = this.end - this.start;
    if (kept + chunk.length > this.buffer.length) {
      const grown = new Uint8Array(Math.max(64, kept + chunk.length, this.buffer.length * 2));
      grown.set(this.buffer.subarray(this.start, this.end));
      this.buffer = grown;
    } else if (this.start > 0) {
      this.buffer.copyWithin(0, this.start, this.end);
    }
    this.start = 0;
    this.end = kept;
    this.buffer.set(chunk, this.end);
    this.end += chunk.length;
  }

  private findStart(): number {
    for (let i = this.start; i + 1 < this.end; i += 1) {
      if (this.buffer[i] === frameStart && this.buffer[i + 1] === frameMark) return i;
    }
    return -1;
  }
}
