import QRCode from 'qrcode';
import { DOTS_PER_COLUMN } from './text';

// Reads an ESC/POS byte stream the way a Chinese-mode 203 dpi printer would, for the subset we emit, and
// lays it out as positioned items. Tests assert on the decoded text and payloads; render.ts draws the items.
// Unknown or truncated commands are recorded and skipped; the interpreter never throws on bad bytes.

export interface Glyph {
  readonly char: string;
  readonly x: number;
  /** Cell width in dots (12 or 24 times the width magnification). */
  readonly width: number;
  readonly widthMul: number;
  readonly heightMul: number;
  readonly bold: boolean;
  readonly underline: boolean;
}

export type LayoutItem =
  | { readonly kind: 'text'; readonly y: number; readonly height: number; readonly glyphs: readonly Glyph[]; readonly text: string }
  | { readonly kind: 'qr'; readonly x: number; readonly y: number; readonly cell: number; readonly modules: number; readonly data: string; readonly level: string; readonly matrix: readonly boolean[] }
  | { readonly kind: 'barcode'; readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly data: string; readonly hri: boolean; readonly moduleWidth: number }
  | { readonly kind: 'raster'; readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly bits: Uint8Array }
  | { readonly kind: 'cut'; readonly y: number; readonly partial: boolean };

export interface Interpretation {
  readonly paperWidth: number;
  readonly height: number;
  readonly items: readonly LayoutItem[];
  /** Printed text, one entry per printed line (without alignment padding). */
  readonly lines: readonly string[];
  readonly qrCodes: readonly string[];
  readonly barcodes: readonly string[];
  readonly cuts: number;
  /** Status queries seen in the stream (DLE EOT n, GS r n) — they print nothing. */
  readonly statusQueries: number;
  readonly problems: readonly string[];
}

const LINE_SPACING_DEFAULT = 30;
const GLYPH_HEIGHT = 24;
const gb18030 = new TextDecoder('gb18030', { fatal: true });

type Alignment = 'left' | 'center' | 'right';

interface PendingGlyph {
  char: string;
  columns: 1 | 2;
  widthMul: number;
  heightMul: number;
  bold: boolean;
  underline: boolean;
}

function decodePair(a: number, b: number): string {
  try {
    const text = gb18030.decode(Uint8Array.of(a, b));
    return Array.from(text).length === 1 ? text : '\ufffd';
  } catch {
    return '\ufffd';
  }
}

export function interpret(input: Uint8Array, paperWidth = 576): Interpretation {
  const bytes = input;
  const items: LayoutItem[] = [];
  const problems: string[] = [];
  const qrCodes: string[] = [];
  const barcodes: string[] = [];
  let statusQueries = 0;
  let cuts = 0;
  let y = 0;
  let align: Alignment = 'left';
  let bold = false;
  let underline = false;
  let widthMul = 1;
  let heightMul = 1;
  let chinese = true;
  let lineSpacing = LINE_SPACING_DEFAULT;
  let qrCell = 3;
  let qrLevel = 'L';
  let qrData: Uint8Array | null = null;
  let barcodeHeight = 162;
  let barcodeModule = 3;
  let barcodeHri = 0;
  let pending: PendingGlyph[] = [];
  let i = 0;

  const at = (k: number): number => bytes[k] ?? -1;
  const need = (n: number, what: string): boolean => {
    if (i + n <= bytes.length) return true;
    problems.push(`truncated ${what} at byte ${i}`);
    i = bytes.length;
    return false;
  };
  const startX = (width: number): number => {
    if (align === 'center') return Math.max(0, Math.floor((paperWidth - width) / 2));
    if (align === 'right') return Math.max(0, paperWidth - width);
    return 0;
  };

  const flushLine = (feedEmpty: boolean): void => {
    if (pending.length === 0) {
      if (feedEmpty) y += lineSpacing;
      return;
    }
    let width = 0;
    for (const g of pending) width += g.columns * DOTS_PER_COLUMN * g.widthMul;
    let x = startX(Math.min(width, paperWidth));
    const glyphs: Glyph[] = [];
    let tallest = 1;
    for (const g of pending) {
      const w = g.columns * DOTS_PER_COLUMN * g.widthMul;
      if (x + w > paperWidth) {
        problems.push('line wider than the paper (printer would wrap it)');
        break;
      }
      glyphs.push({ char: g.char, x, width: w, widthMul: g.widthMul, heightMul: g.heightMul, bold: g.bold, underline: g.underline });
      tallest = Math.max(tallest, g.heightMul);
      x += w;
    }
    const height = Math.max(lineSpacing, GLYPH_HEIGHT * tallest + 6);
    items.push({ kind: 'text', y, height, glyphs, text: pending.map((g) => g.char).join('') });
    y += height;
    pending = [];
  };

  const addGlyph = (char: string, columns: 1 | 2): void => {
    pending.push({ char, columns, widthMul, heightMul, bold, underline });
  };

  while (i < bytes.length) {
    const b = at(i);
    if (b === 0x0a) {
      flushLine(true);
      i += 1;
    } else if (b === 0x0d || b === 0x00) {
      i += 1;
    } else if (b === 0x1b) {
      const c = at(i + 1);
      if (c === 0x40) {
        align = 'left';
        bold = underline = false;
        widthMul = heightMul = 1;
        lineSpacing = LINE_SPACING_DEFAULT;
        pending = [];
        i += 2;
      } else if (c === 0x61 && need(3, 'ESC a')) {
        const n = at(i + 2) & 0x0f;
        align = n === 1 ? 'center' : n === 2 ? 'right' : 'left';
        i += 3;
      } else if (c === 0x45 && need(3, 'ESC E')) {
        bold = (at(i + 2) & 1) === 1;
        i += 3;
      } else if (c === 0x2d && need(3, 'ESC -')) {
        underline = (at(i + 2) & 3) !== 0;
        i += 3;
      } else if (c === 0x21 && need(3, 'ESC !')) {
        const n = at(i + 2);
        bold = (n & 0x08) !== 0;
        heightMul = n & 0x10 ? 2 : 1;
        widthMul = n & 0x20 ? 2 : 1;
        underline = (n & 0x80) !== 0;
        i += 3;
      } else if (c === 0x32) {
        lineSpacing = LINE_SPACING_DEFAULT;
        i += 2;
      } else if (c === 0x33 && need(3, 'ESC 3')) {
        lineSpacing = at(i + 2);
        i += 3;
      } else if (c === 0x64 && need(3, 'ESC d')) {
        flushLine(false);
        y += lineSpacing * at(i + 2);
        i += 3;
      } else if (c === 0x4a && need(3, 'ESC J')) {
        flushLine(false);
        y += at(i + 2);
        i += 3;
      } else if ((c === 0x20 || c === 0x4d || c === 0x74 || c === 0x52) && need(3, 'ESC')) {
        i += 3;
      } else if (c === 0x63 && need(4, 'ESC c')) {
        i += 4;
      } else if (c === 0x69 || c === 0x6d) {
        flushLine(false);
        items.push({ kind: 'cut', y, partial: c === 0x6d });
        cuts += 1;
        i += 2;
      } else {
        problems.push(`unknown ESC 0x${c.toString(16)} at byte ${i}`);
        i += 2;
      }
    } else if (b === 0x1c) {
      const c = at(i + 1);
      if (c === 0x26) {
        chinese = true;
        i += 2;
      } else if (c === 0x2e) {
        chinese = false;
        i += 2;
      } else if (c === 0x53 && need(4, 'FS S')) {
        i += 4;
      } else if ((c === 0x2d || c === 0x21 || c === 0x57) && need(3, 'FS')) {
        if (c === 0x2d) underline = (at(i + 2) & 3) !== 0;
        i += 3;
      } else {
        problems.push(`unknown FS 0x${c.toString(16)} at byte ${i}`);
        i += 2;
      }
    } else if (b === 0x10) {
      const c = at(i + 1);
      if ((c === 0x04 || c === 0x05 || c === 0x14) && need(3, 'DLE')) {
        statusQueries += c === 0x04 ? 1 : 0;
        i += 3;
      } else {
        problems.push(`unknown DLE 0x${c.toString(16)} at byte ${i}`);
        i += 2;
      }
    } else if (b === 0x1d) {
      const c = at(i + 1);
      if (c === 0x21 && need(3, 'GS !')) {
        const n = at(i + 2);
        widthMul = ((n >> 4) & 7) + 1;
        heightMul = (n & 7) + 1;
        i += 3;
      } else if (c === 0x56 && need(3, 'GS V')) {
        flushLine(false);
        const m = at(i + 2);
        const functionB = m === 0x41 || m === 0x42;
        if (functionB) y += 4 * LINE_SPACING_DEFAULT; // feeds to the cutter
        items.push({ kind: 'cut', y, partial: m === 1 || m === 0x31 || m === 0x42 });
        cuts += 1;
        i += functionB ? 4 : 3;
      } else if (c === 0x72 && need(3, 'GS r')) {
        statusQueries += 1;
        i += 3;
      } else if ((c === 0x48 || c === 0x66 || c === 0x68 || c === 0x77 || c === 0x61 || c === 0x42) && need(3, 'GS')) {
        const n = at(i + 2);
        if (c === 0x48) barcodeHri = n & 3;
        if (c === 0x68) barcodeHeight = n;
        if (c === 0x77) barcodeModule = n;
        i += 3;
      } else if (c === 0x6b && need(4, 'GS k')) {
        const m = at(i + 2);
        if (m !== 73) {
          problems.push(`barcode type ${m} not in the emitted subset at byte ${i}`);
          i = bytes.length;
          continue;
        }
        const n = at(i + 3);
        if (!need(4 + n, 'GS k data')) continue;
        const raw = String.fromCharCode(...bytes.subarray(i + 4, i + 4 + n));
        const data = raw.replace(/^\{[ABC]/, '').replaceAll('{{', '{');
        flushLine(false);
        const width = (11 * (data.length + 3) + 2) * barcodeModule;
        const x = startX(width);
        items.push({ kind: 'barcode', x, y, width, height: barcodeHeight, data, hri: barcodeHri !== 0, moduleWidth: barcodeModule });
        barcodes.push(data);
        y += barcodeHeight + (barcodeHri ? GLYPH_HEIGHT + 4 : 0);
        i += 4 + n;
      } else if (c === 0x28 && at(i + 2) === 0x6b && need(5, 'GS ( k')) {
        const len = at(i + 3) + at(i + 4) * 256;
        if (!need(5 + len, 'GS ( k data')) continue;
        const cn = at(i + 5);
        const fn = at(i + 6);
        if (cn === 0x31 && fn === 0x43) qrCell = at(i + 7);
        else if (cn === 0x31 && fn === 0x45) qrLevel = ['L', 'M', 'Q', 'H'][at(i + 7) - 0x30] ?? 'L';
        else if (cn === 0x31 && fn === 0x50) qrData = bytes.slice(i + 8, i + 5 + len);
        else if (cn === 0x31 && fn === 0x51) {
          flushLine(false);
          if (qrData) {
            const data = new TextDecoder().decode(qrData);
            try {
              const symbol = QRCode.create(data, { errorCorrectionLevel: qrLevel as 'L' | 'M' | 'Q' | 'H' });
              const modules = symbol.modules.size;
              const matrix = Array.from(symbol.modules.data, (v) => v !== 0);
              const size = modules * qrCell;
              items.push({ kind: 'qr', x: startX(size), y, cell: qrCell, modules, data, level: qrLevel, matrix });
              qrCodes.push(data);
              y += size;
            } catch {
              problems.push(`QR data does not fit a symbol at byte ${i}`);
            }
          } else {
            problems.push(`QR print without stored data at byte ${i}`);
          }
        }
        i += 5 + len;
      } else if (c === 0x76 && at(i + 2) === 0x30 && need(8, 'GS v 0')) {
        const widthBytes = at(i + 4) + at(i + 5) * 256;
        const rows = at(i + 6) + at(i + 7) * 256;
        const size = widthBytes * rows;
        if (!need(8 + size, 'GS v 0 data')) continue;
        flushLine(false);
        const width = widthBytes * 8;
        items.push({ kind: 'raster', x: startX(width), y, width, height: rows, bits: bytes.slice(i + 8, i + 8 + size) });
        y += rows;
        i += 8 + size;
      } else {
        problems.push(`unknown GS 0x${c.toString(16)} at byte ${i}`);
        i += 2;
      }
    } else if (b < 0x20 || b === 0x7f) {
      problems.push(`stray control byte 0x${b.toString(16)} at byte ${i}`);
      i += 1;
    } else if (b < 0x80 || !chinese) {
      addGlyph(b < 0x80 ? String.fromCharCode(b) : '\ufffd', 1);
      i += 1;
    } else {
      const second = at(i + 1);
      if (second < 0) {
        problems.push(`lone lead byte at the end`);
        i += 1;
      } else {
        addGlyph(decodePair(b, second), 2);
        i += 2;
      }
    }
  }
  flushLine(false);

  const lines = items.flatMap((item) => (item.kind === 'text' ? [item.text] : []));
  return { paperWidth, height: y, items, lines, qrCodes, barcodes, cuts, statusQueries, problems };
}
