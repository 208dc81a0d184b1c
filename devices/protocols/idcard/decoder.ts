import { HEADER_LENGTH, MAX_LEN } from './frame';

/** Counters for diagnostics; never contain frame content. */
export interface DecoderStats {
  frames: number;
  /** Bytes skipped while looking for a preamble. */
  garbageBytes: number;
  badChecksums: number;
  /** Headers whose LEN was 0 or above MAX_LEN. */
  badLengths: number;
}

export interface DecoderOptions {
  maxLen?: number;
  /** Smallest LEN a frame may have: 3 for requests (CMD PARA CHK), 4 for responses (SW1 SW2 SW3 CHK). */
  minLen?: number;
}

/**
 * Streaming SAM frame decoder. Accepts bytes in any chunking and returns the bodies (between LEN and CHK)
 * of checksum-valid frames. After a bad checksum or impossible length it rescans from one byte past the
 * rejected preamble, so a good frame hidden in what looked like a frame's body is still found.
 * Never throws on any input.
 */
export class FrameDecoder {
  readonly stats: DecoderStats = { frames: 0, garbageBytes: 0, badChecksums: 0, badLengths: 0 };
  private buffer = new Uint8Array(8192);
  private start = 0;
  private end = 0;
  private readonly maxLen: number;
  private readonly minLen: number;

  constructor(options: DecoderOptions = {}) {
    this.maxLen = options.maxLen ?? MAX_LEN;
    this.minLen = options.minLen ?? 3;
  }

  /** Bytes held waiting for the rest of a frame. */
  pending(): number {
    return this.end - this.start;
  }

  /** Drops everything buffered (e.g. before a new command after a timeout). */
  reset(): void {
    this.start = 0;
    this.end = 0;
  }

  /**
   * Gives up on a frame that is still incomplete (the sender stopped mid-frame): its preamble is treated
   * as garbage and the remaining bytes are rescanned. Returns frames found in them.
   */
  abandonPartial(): Uint8Array[] {
    const out: Uint8Array[] = [];
    if (this.end - this.start >= 5 && this.isPreambleAt(this.start)) {
      this.start += 1;
      this.stats.garbageBytes += 1;
      this.scan(out);
    }
    return out;
  }

  push(chunk: Uint8Array): Uint8Array[] {
    const out: Uint8Array[] = [];
    this.append(chunk);
    this.scan(out);
    return out;
  }

  private append(chunk: Uint8Array): void {
    const held = this.end - this.start;
    if (this.end + chunk.length > this.buffer.length) {
      if (held + chunk.length <= this.buffer.length && this.start > 0) {
        this.buffer.copyWithin(0, this.start, this.end);
      } else {
        const next = new Uint8Array(Math.max(this.buffer.length * 2, held + chunk.length));
        next.set(this.buffer.subarray(this.start, this.end));
        this.buffer = next;
      }
      this.start = 0;
      this.end = held;
    }
    this.buffer.set(chunk, this.end);
    this.end += chunk.length;
  }

  private isPreambleAt(i: number): boolean {
    const b = this.buffer;
    return b[i] === 0xaa && b[i + 1] === 0xaa && b[i + 2] === 0xaa && b[i + 3] === 0x96 && b[i + 4] === 0x69;
  }

  /** Index of the next preamble at or after `from`, or of the earliest position a split preamble may start. */
  private findPreamble(from: number): { index: number; complete: boolean } {
    const b = this.buffer;
    const last = this.end - 5;
    for (let i = from; i <= last; i += 1) {
      // Cheap test on the frame-start marker first: `96 69` is rare in noise, AA AA AA less so.
      if (b[i + 3] === 0x96 && b[i + 4] === 0x69 && b[i] === 0xaa && b[i + 1] === 0xaa && b[i + 2] === 0xaa) {
        return { index: i, complete: true };
      }
    }
    // Keep a tail that could be the start of a preamble split across chunks.
    let keep = Math.max(from, this.end - 4);
    while (keep < this.end && !this.couldStartPreamble(keep)) keep += 1;
    return { index: keep, complete: false };
  }

  private couldStartPreamble(i: number): boolean {
    const b = this.buffer;
    const sync = [0xaa, 0xaa, 0xaa, 0x96, 0x69];
    for (let k = 0; i + k < this.end; k += 1) if (b[i + k] !== sync[k]) return false;
    return true;
  }

  private scan(out: Uint8Array[]): void {
    const b = this.buffer;
    for (;;) {
      const found = this.findPreamble(this.start);
      this.stats.garbageBytes += found.index - this.start;
      this.start = found.index;
      if (!found.complete) break;
      if (this.end - this.start < HEADER_LENGTH) break;
      const len = ((b[this.start + 5] ?? 0) << 8) | (b[this.start + 6] ?? 0);
      if (len < this.minLen || len > this.maxLen) {
        this.stats.badLengths += 1;
        this.stats.garbageBytes += 1;
        this.start += 1;
        continue;
      }
      const total = HEADER_LENGTH + len;
      if (this.end - this.start < total) break;
      let x = 0;
      const last = this.start + total - 1;
      for (let i = this.start + 5; i < last; i += 1) x ^= b[i] ?? 0;
      if (x !== b[last]) {
        this.stats.badChecksums += 1;
        this.stats.garbageBytes += 1;
        this.start += 1;
        continue;
      }
      out.push(b.slice(this.start + HEADER_LENGTH, last));
      this.stats.frames += 1;
      this.start += total;
    }
    if (this.start === this.end) {
      this.start = 0;
      this.end = 0;
    }
  }
}
