import { Bitmap } from '../../preview/bitmap';
import { systemGlyphPainter } from '../../preview/glyphs';
import type { GlyphPainter } from '../../preview/glyphs';
import type { Glyph, Interpretation, LayoutItem } from './interpreter';

// Draws an interpreted job as a 1-bit PNG the width of the paper: the technician console's print preview
// and the pictures a test can decode (QR via jsQR). Glyph shapes come from the system CJK font through a
// pure-JS rasterizer (no native canvas). 1D barcodes are drawn as a hatched box with their
// human-readable text: the preview shows where the barcode goes; the interpreter's `barcodes` list
// carries its data.

const MARGIN = 8;
/** Dot height of the printer's CJK font; ASCII cells are half as wide. */
const CELL = 24;
const MAX_HEIGHT = 32_000;

function drawGlyph(page: Bitmap, painter: GlyphPainter, g: Glyph, y: number, lineHeight: number): void {
  const cellHeight = CELL * g.heightMul;
  const top = y + lineHeight - cellHeight - 3;
  painter.draw(page, g.char, MARGIN + g.x, MARGIN + top, CELL * g.widthMul, cellHeight, g.bold);
  if (g.underline) page.fillRect(MARGIN + g.x, MARGIN + top + cellHeight - 1, g.width, 1);
}

function drawItem(page: Bitmap, painter: GlyphPainter, item: LayoutItem, paperWidth: number): void {
  switch (item.kind) {
    case 'text':
      for (const g of item.glyphs) drawGlyph(page, painter, g, item.y, item.height);
      return;
    case 'qr':
      for (let row = 0; row < item.modules; row += 1) {
        for (let col = 0; col < item.modules; col += 1) {
          if (item.matrix[row * item.modules + col]) {
            page.fillRect(MARGIN + item.x + col * item.cell, MARGIN + item.y + row * item.cell, item.cell, item.cell);
          }
        }
      }
      return;
    case 'barcode': {
      const x = MARGIN + item.x;
      const y = MARGIN + item.y;
      page.fillRect(x, y, item.width, 2);
      page.fillRect(x, y + item.height - 2, item.width, 2);
      page.fillRect(x, y, 2, item.height);
      page.fillRect(x + item.width - 2, y, 2, item.height);
      for (let d = 0; d < item.width + item.height; d += 8) {
        for (let k = 0; k < item.height; k += 1) {
          const px = x + d - k;
          if (px > x && px < x + item.width - 1) page.fillRect(px, y + k, 1, 1);
        }
      }
      if (item.hri) {
        let cx = x + Math.max(0, (item.width - item.data.length * 12) / 2);
        for (const ch of item.data) {
          painter.draw(page, ch, cx, y + item.height + 2, CELL, CELL, false);
          cx += 12;
        }
      }
      return;
    }
    case 'raster': {
      const widthBytes = item.width / 8;
      for (let row = 0; row < item.height; row += 1) {
        for (let col = 0; col < item.width; col += 1) {
          const byte = item.bits[row * widthBytes + (col >> 3)] ?? 0;
          if (byte & (0x80 >> (col & 7))) page.fillRect(MARGIN + item.x + col, MARGIN + item.y + row, 1, 1);
        }
      }
      return;
    }
    case 'cut':
      for (let x = 0; x < paperWidth + 2 * MARGIN; x += 12) page.fillRect(x, MARGIN + item.y, 6, 1);
      return;
  }
}

/** PNG bytes of the job as it would come out of the printer (white paper, black dots). */
export function renderPng(job: Interpretation, painter: GlyphPainter = systemGlyphPainter()): Uint8Array {
  const height = Math.min(Math.max(1, Math.ceil(job.height)) + 2 * MARGIN, MAX_HEIGHT);
  const page = new Bitmap(job.paperWidth + 2 * MARGIN, height);
  for (const item of job.items) drawItem(page, painter, item, job.paperWidth);
  return page.toPng();
}
