import { escposTable } from './interpreter';
import { DLE, ESC, FS, GS } from './table';

// Splits an ESC/POS stream into commands without interpreting them, so that a status request can be told
// apart from the same bytes inside QR, barcode or raster data. Lengths come from the interpreter's command
// table, so the virtual printer and the preview agree on where every command ends.

export type CommandKind = 'realtime-status' | 'recover' | 'paper-status' | 'init' | 'cut' | 'other';

export interface Command {
  readonly kind: CommandKind;
  readonly length: number;
  /** n of DLE EOT n / DLE ENQ n / GS r n. */
  readonly arg?: number;
}

const KINDS: Readonly<Record<string, CommandKind>> = {
  'DLE EOT': 'realtime-status',
  'DLE ENQ': 'recover',
  'GS r': 'paper-status',
  'ESC @': 'init',
  'GS V': 'cut',
  'ESC i': 'cut',
  'ESC m': 'cut',
};

/** The command starting at `i`, or null when the buffer ends inside it. */
export function nextCommand(buf: Uint8Array, i: number): Command | null {
  const b = buf[i];
  if (b === undefined) return null;
  const spec = escposTable.lookup(buf, i);
  if (!spec) {
    if (b !== ESC && b !== GS && b !== FS && b !== DLE) return { kind: 'other', length: 1 };
    const next = buf[i + 1];
    if (next === undefined) return null;
    return { kind: 'other', length: next >= 0x20 ? 2 : 1 };
  }
  const length = spec.size(buf, i);
  if (length === null || i + length > buf.length) return null;
  const kind = KINDS[spec.name] ?? 'other';
  return kind === 'realtime-status' || kind === 'recover' || kind === 'paper-status' ? { kind, length, arg: buf[i + 2] ?? 0 } : { kind, length };
}

/** Total bytes the command at `i` declares (null while its header is incomplete): lets a reader wait without rescanning. */
export function declaredLength(buf: Uint8Array, i: number): number | null {
  const spec = escposTable.lookup(buf, i);
  return spec ? spec.size(buf, i) : null;
}
