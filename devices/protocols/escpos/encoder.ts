import type { PaperWidth, ReceiptBlock, ReceiptDocument } from '../../../src/kernel/receipt';
import * as cmd from './commands';
import { columnsOf, columnsPerLine, concatBytes, prepareText, wrapChars } from './text';
import type { EncodedChar } from './text';

/** A 1-bit image, rows top to bottom, each row ceil(width / 8) bytes, bit 7 = leftmost dot, 1 = black. */
export interface RasterImage {
  readonly width: number;
  readonly height: number;
  readonly bits: Uint8Array;
}

/**
 * Draws one line of text (exactly as wide as its columns) for a printer whose font lacks some of its
 * characters. Supplied by the driver, which has fonts; the encoder stays pure.
 */
export type LineRasterizer = (text: string, columns: number, widthMul: number, heightMul: number, bold: boolean) => RasterImage | null;

export interface EncodeOptions {
  paperWidth: PaperWidth;
  /** Without it, characters the font lacks print as □. */
  rasterizeLine?: LineRasterizer;
}

export interface EncodedReceipt {
  readonly bytes: Uint8Array;
  /** Characters replaced because the printer font lacks them (each once). */
  readonly unprintable: readonly string[];
}

/** Start of every job: reset, Chinese mode with zero extra spacing, default line spacing, FEED key off. */
const PREAMBLE: readonly number[] = [
  ...cmd.initialize,
  ...cmd.chineseModeOn,
  ...cmd.chineseSpacingZero,
  ...cmd.rightSpacingZero,
  ...cmd.defaultLineSpacing,
  ...cmd.disablePanelButtons,
];

/** Module count of the narrowest Code 128 set B symbol: start + data + check + stop, (the paper margin is the quiet zone). */
function code128Dots(data: string, moduleWidth: number): number {
  return (11 * (data.length + 3) + 2) * moduleWidth;
}

class Writer {
  readonly out: number[] = [];
  readonly unprintable = new Set<string>();
  /** Current text style, for lines that must go out as images. */
  style = { align: 'left' as 'left' | 'center' | 'right', widthMul: 1, heightMul: 1, bold: false };

  constructor(private readonly rasterize: LineRasterizer | undefined) {}

  push(bytes: readonly number[]): void {
    for (const b of bytes) this.out.push(b);
  }

  prepare(text: string): EncodedChar[] {
    const prepared = prepareText(text);
    for (const u of prepared.unprintable) this.unprintable.add(u);
    return [...prepared.chars];
  }

  line(chars: readonly EncodedChar[]): void {
    if (this.rasterize && chars.some((c) => c.replaces !== undefined)) {
      const text = chars.map((c) => c.replaces ?? c.char).join('');
      const { widthMul, heightMul, bold } = this.style;
      const image = this.rasterize(text, columnsOf(chars), widthMul, heightMul, bold);
      if (image) {
        this.push(cmd.rasterImage(image.width, image.height, image.bits));
        return;
      }
    }
    this.push(concatBytes(chars));
    this.out.push(cmd.LF);
  }
}

function spaces(n: number): EncodedChar[] {
  return prepareText(' '.repeat(Math.max(0, n))).chars.slice();
}

function encodeBlock(w: Writer, block: ReceiptBlock, paper: PaperWidth): void {
  const columns = columnsPerLine(paper);
  switch (block.kind) {
    case 'text': {
      w.push(cmd.align(block.align));
      w.style = { align: block.align, widthMul: block.width, heightMul: block.height, bold: block.bold };
      if (block.bold) w.push(cmd.bold(true));
      if (block.underline) w.push(cmd.underline(true));
      if (block.width !== 1 || block.height !== 1) w.push(cmd.size(block.width, block.height));
      const perLine = columnsPerLine(paper, block.width);
      for (const paragraph of block.text.split('\n')) {
        for (const line of wrapChars(w.prepare(paragraph), perLine)) w.line(line);
      }
      if (block.width !== 1 || block.height !== 1) w.push(cmd.size(1, 1));
      if (block.underline) w.push(cmd.underline(false));
      if (block.bold) w.push(cmd.bold(false));
      if (block.align !== 'left') w.push(cmd.align('left'));
      w.style = { align: 'left', widthMul: 1, heightMul: 1, bold: false };
      return;
    }
    case 'pair': {
      w.style = { align: 'left', widthMul: 1, heightMul: 1, bold: block.bold };
      if (block.bold) w.push(cmd.bold(true));
      const left = w.prepare(block.left);
      const right = w.prepare(block.right);
      const leftWidth = columnsOf(left);
      const rightWidth = columnsOf(right);
      if (leftWidth + 1 + rightWidth <= columns) {
        w.line([...left, ...spaces(columns - leftWidth - rightWidth), ...right]);
      } else {
        // Label on its own line(s), value right-aligned underneath so long values stay readable.
        for (const line of wrapChars(left, columns)) w.line(line);
        for (const line of wrapChars(right, columns)) w.line([...spaces(columns - columnsOf(line)), ...line]);
      }
      if (block.bold) w.push(cmd.bold(false));
      w.style = { align: 'left', widthMul: 1, heightMul: 1, bold: false };
      return;
    }
    case 'qr': {
      w.push(cmd.align(block.align));
      w.push(cmd.qr(new TextEncoder().encode(block.data), block.cell, block.level));
      w.out.push(cmd.LF);
      if (block.align !== 'left') w.push(cmd.align('left'));
      return;
    }
    case 'barcode': {
      w.push(cmd.align(block.align));
      if (code128Dots(block.data, block.module) <= paper) {
        w.push(cmd.code128(block.data, block.height, block.module, block.hri));
        w.out.push(cmd.LF);
      } else {
        // A barcode wider than the paper prints nothing on Epson firmware; print the data as text instead.
        w.line(w.prepare(block.data));
      }
      if (block.align !== 'left') w.push(cmd.align('left'));
      return;
    }
    case 'rule':
      w.line(w.prepare((block.style === 'double' ? '=' : '-').repeat(columns)));
      return;
    case 'feed':
      w.push(cmd.feedLines(block.lines));
      return;
    case 'cut':
      w.push(cmd.cut(block.partial));
      return;
  }
}

/** ReceiptDocument → ESC/POS bytes for a Chinese-mode (GB18030) printer. Pure and deterministic. */
export function encodeReceipt(doc: ReceiptDocument, options: EncodeOptions): EncodedReceipt {
  const w = new Writer(options.rasterizeLine);
  w.push(PREAMBLE);
  for (const block of doc.blocks) encodeBlock(w, block, options.paperWidth);
  return { bytes: Uint8Array.from(w.out), unprintable: [...w.unprintable] };
}
