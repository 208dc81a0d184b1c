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
 * bounded, so a flood of garbage cannot grow memory.
 */
export class FrameDecoder {
  private buffer: number[] = [];

  push(chunk: Uint8Array): FrameItem[] {
    for (const b of chunk) this.buffer.push(b);
    const out: FrameItem[] = [];
    for (;;) {
      const start = this.findStart();
      if (start < 0) {
        // keep a trailing FF: it may be the first byte of the next frame
        this.buffer = this.buffer.at(-1) === frameStart ? [frameStart] : [];
        return out;
      }
      if (start > 0) this.buffer.splice(0, start);
      if (this.buffer.length < headerSize) return out;
      const length = this.buffer[2] ?? 0;
      if (length !== this.buffer[3] || this.buffer[4] !== frameMark) {
        out.push({ kind: 'bad', reason: 'layout' });
        this.buffer.splice(0, 1);
        continue;
      }
      if (length < 2 || length > maxFrameData + 2) {
        out.push({ kind: 'bad', reason: 'length' });
        this.buffer.splice(0, 1);
        continue;
      }
      const total = headerSize + length + 2;
      if (this.buffer.length < total) return out;
      const raw = Uint8Array.from(this.buffer.slice(0, total));
      const address = raw[5] ?? 0;
      const fn = raw[6] ?? 0;
      const data = raw.slice(7, 7 + length - 2);
      if (raw[total - 1] !== frameEnd) {
        out.push({ kind: 'bad', reason: 'layout' });
        this.buffer.splice(0, 1);
        continue;
      }
      if (raw[total - 2] !== checksum(address, fn, data)) {
        out.push({ kind: 'bad', reason: 'checksum' });
        this.buffer.splice(0, 1);
        continue;
      }
      this.buffer.splice(0, total);
      out.push({ kind: 'frame', frame: { address, fn, data }, raw });
    }
  }

  reset(): void {
    this.buffer = [];
  }

  private findStart(): number {
    for (let i = 0; i + 1 < this.buffer.length; i += 1) {
      if (this.buffer[i] === frameStart && this.buffer[i + 1] === frameMark) return i;
    }
    return -1;
  }
}
