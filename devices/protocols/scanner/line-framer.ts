export type LineFrame = { readonly kind: 'line'; readonly bytes: Uint8Array } | { readonly kind: 'overflow' };

const CR = 0x0d;
const LF = 0x0a;

/**
 * Serial scanners end each code with CR, LF or CR LF. Splits a byte stream into lines; empty lines (the LF of
 * a CR LF) are dropped. A line longer than `maxBytes` is discarded up to its terminator and reported once.
 */
export class LineFramer {
  private buffer: number[] = [];
  private overflowing = false;

  constructor(private readonly maxBytes: number) {}

  push(chunk: Uint8Array): LineFrame[] {
    const out: LineFrame[] = [];
    for (const byte of chunk) {
      if (byte === CR || byte === LF) {
        if (this.overflowing) out.push({ kind: 'overflow' });
        else if (this.buffer.length > 0) out.push({ kind: 'line', bytes: Uint8Array.from(this.buffer) });
        this.buffer = [];
        this.overflowing = false;
      } else if (!this.overflowing) {
        this.buffer.push(byte);
        if (this.buffer.length > this.maxBytes) {
          this.overflowing = true;
          this.buffer = [];
        }
      }
    }
    return out;
  }

  /** Ends the pending line without a terminator (scanners configured to send none, after a quiet gap). */
  flush(): LineFrame[] {
    const out: LineFrame[] = this.overflowing ? [{ kind: 'overflow' }] : this.buffer.length > 0 ? [{ kind: 'line', bytes: Uint8Array.from(this.buffer) }] : [];
    this.reset();
    return out;
  }

  /** Bytes waiting for a terminator (for an idle timeout on scanners that send none). */
  pendingBytes(): number {
    return this.buffer.length;
  }

  reset(): void {
    this.buffer = [];
    this.overflowing = false;
  }
}
