// What a receipt will look like on paper, from the same bytes the driver sends: the document is encoded as
// for printing, read back by the ESC/POS interpreter and drawn as a PNG. Callers (the technician console,
// the printer handlers) ask the driver, or this function for a paper width no printer is set to, instead
// of wiring encoder, interpreter and renderer together themselves.
import type { PaperWidth, ReceiptDocument } from '../../../src/kernel/receipt';
import { encodeReceipt } from '../../protocols/escpos/encoder';
import type { LineRasterizer } from '../../protocols/escpos/encoder';
import { interpret } from '../../protocols/escpos/interpreter';
import type { GlyphPainter } from '../../protocols/escpos/painter';
import { renderPng } from '../../protocols/escpos/render';

export interface ReceiptPreview {
  /** PNG of the printed job (white paper, black dots). */
  readonly png: Uint8Array;
  readonly paperWidth: PaperWidth;
  /** The text lines the printer would print, in order. */
  readonly lines: readonly string[];
  /** Characters the printer font lacks (printed as an image or as □), each once. */
  readonly unprintable: readonly string[];
}

export interface PreviewOptions {
  readonly paperWidth: PaperWidth;
  /** As the driver draws lines its font cannot print; without it those characters preview as □. */
  readonly rasterizeLine?: LineRasterizer | null;
  /** Draws the printer's characters in the PNG (the protocols load no fonts themselves). */
  readonly painter: GlyphPainter;
}

export function previewReceipt(doc: ReceiptDocument, options: PreviewOptions): ReceiptPreview {
  const { paperWidth, rasterizeLine, painter } = options;
  const encoded = encodeReceipt(doc, rasterizeLine ? { paperWidth, rasterizeLine } : { paperWidth });
  const job = interpret(encoded.bytes, paperWidth);
  return { png: renderPng(job, painter), paperWidth, lines: [...job.lines], unprintable: [...encoded.unprintable] };
}
