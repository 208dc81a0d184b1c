// Splits an ESC/POS stream into commands without interpreting them, so that a status request can be
// told apart from the same bytes inside QR, barcode or raster data. Covers the subset we emit plus the
// usual fixed-length forms; unknown ESC/GS/FS commands are assumed to take one parameter byte.

export type CommandKind = 'realtime-status' | 'recover' | 'paper-status' | 'init' | 'cut' | 'other';

export interface Command {
  readonly kind: CommandKind;
  readonly length: number;
  /** n of DLE EOT n / DLE ENQ n / GS r n. */
  readonly arg?: number;
}

/** The command starting at `i`, or null when the buffer ends inside it. */
export function nextCommand(buf: Uint8Array, i: number): Command | null {
  const at = (k: number): number | undefined => buf[i + k];
  const have = (n: number) => i + n <= buf.length;
  const b = at(0);
  if (b === undefined) return null;
  const c = at(1);
  if (b === 0x10) {
    if (!have(3) || c === undefined) return null;
    const arg = at(2) ?? 0;
    if (c === 0x04) return { kind: 'realtime-status', length: 3, arg };
    if (c === 0x05) return { kind: 'recover', length: 3, arg };
    return { kind: 'other', length: 3 };
  }
  if (b === 0x1b) {
    if (c === undefined) return null;
    if (c === 0x40) return { kind: 'init', length: 2 };
    if (c === 0x32 || c === 0x3c) return { kind: 'other', length: 2 };
    if (c === 0x69 || c === 0x6d) return { kind: 'cut', length: 2 };
    if (c === 0x63) return have(4) ? { kind: 'other', length: 4 } : null;
    return have(3) ? { kind: 'other', length: 3 } : null;
  }
  if (b === 0x1c) {
    if (c === undefined) return null;
    if (c === 0x26 || c === 0x2e) return { kind: 'other', length: 2 };
    if (c === 0x53) return have(4) ? { kind: 'other', length: 4 } : null;
    return have(3) ? { kind: 'other', length: 3 } : null;
  }
  if (b === 0x1d) {
    if (c === undefined || !have(3)) return null;
    const m = at(2) ?? 0;
    if (c === 0x56) {
      if (m === 0x41 || m === 0x42) return have(4) ? { kind: 'cut', length: 4 } : null;
      return { kind: 'cut', length: 3 };
    }
    if (c === 0x72) return { kind: 'paper-status', length: 3, arg: m };
    if (c === 0x6b) {
      if (m >= 65) {
        if (!have(4)) return null;
        const n = at(3) ?? 0;
        return have(4 + n) ? { kind: 'other', length: 4 + n } : null;
      }
      let end = i + 3;
      while (end < buf.length && buf[end] !== 0) end++;
      return end < buf.length ? { kind: 'other', length: end - i + 1 } : null;
    }
    if (c === 0x28) {
      if (!have(5)) return null;
      const len = (at(3) ?? 0) + (at(4) ?? 0) * 256;
      return have(5 + len) ? { kind: 'other', length: 5 + len } : null;
    }
    if (c === 0x76 && m === 0x30) {
      if (!have(8)) return null;
      const size = ((at(4) ?? 0) + (at(5) ?? 0) * 256) * ((at(6) ?? 0) + (at(7) ?? 0) * 256);
      return have(8 + size) ? { kind: 'other', length: 8 + size } : null;
    }
    return { kind: 'other', length: 3 };
  }
  return { kind: 'other', length: 1 };
}
