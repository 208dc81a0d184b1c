import { drawBoxCharacter } from './box-drawing';
import { DotPage } from './dot-page';
import type { Interpretation } from './interpreter';
import type { Glyph, LayoutItem } from './layout-items';
import type { GlyphPainter } from './painter';
import { encodePng } from './png';

// Draws an interpreted job as a 1-bit page the width of the paper: the technician console's print preview
// and the pictures tests decode (QR with jsQR, 1-D barcodes with ZXing). Glyph shapes come from the
// painter the caller passes (a font, or boxes): this layer loads nothing. PDF417 and the 1-D symbologies
// without bar tables (Codabar, Code 93) are drawn as hatched boxes of about their size.

const MARGIN = 8;
/** Pages are cut off here (≈ 4 m of paper); the interpretation still holds everything. */
export const MAX_PAGE_HEIGHT = 32_000;

function transformed(page: DotPage, painter: GlyphPainter, g: Glyph, x: number, top: number): void {
  const w = g.width;
  const h = g.cellHeight;
  // Rotated, the glyph is drawn h wide and w tall first (a half-width character into an em twice as wide),
  // so that turned by 90° it fills its w × h cell.
  const emWidth = g.rotated ? (g.wide ? h : 2 * h) : g.emWidth;
  const emHeight = g.rotated ? w : g.emHeight;
  const size = Math.max(emWidth, emHeight, w, h);
  const scratch = new DotPage(size, size);
  painter.draw(scratch, g.char, 0, 0, emWidth, emHeight, g.bold);
  for (let sy = 0; sy < size; sy += 1) {
    for (let sx = 0; sx < size; sx += 1) {
      if (!scratch.get(sx, sy)) continue;
      let dx = sx;
      let dy = sy;
      if (g.rotated) [dx, dy] = [w - 1 - sy, sx];
      if (g.upsideDown) [dx, dy] = [w - 1 - dx, h - 1 - dy];
      if (dx < 0 || dy < 0 || dx >= w || dy >= h) continue;
      page.set(x + dx, top + dy, !g.reverse);
    }
  }
}

function drawGlyph(page: DotPage, painter: GlyphPainter, g: Glyph, lineTop: number, lineCell: number): void {
  const x = MARGIN + g.x;
  const top = MARGIN + lineTop + lineCell - g.cellHeight;
  if (drawBoxCharacter(page, g.char, x, top, g.width, g.cellHeight, g.bold)) {
    if (g.reverse) page.invertRect(x, top, g.width, g.cellHeight);
  } else if (g.reverse || g.upsideDown || g.rotated) {
    if (g.reverse) page.fillRect(x, top, g.width, g.cellHeight);
    transformed(page, painter, g, x, top);
  } else painter.draw(page, g.char, x, top, g.emWidth, g.emHeight, g.bold);
  if (g.underlineDots > 0) page.fillRect(x, top + g.cellHeight - g.underlineDots, g.width, g.underlineDots, !g.reverse);
}

function hatch(page: DotPage, x: number, y: number, width: number, height: number): void {
  page.fillRect(x, y, width, 2);
  page.fillRect(x, y + height - 2, width, 2);
  page.fillRect(x, y, 2, height);
  page.fillRect(x + width - 2, y, 2, height);
  for (let k = 0; k < height; k += 1) {
    for (let d = (k % 8) + 1; d < width - 1; d += 8) page.fillRect(x + d, y + k, 1, 1);
  }
}

function drawText(page: DotPage, painter: GlyphPainter, text: string, centreX: number, top: number, fontB: boolean): void {
  const cell = fontB ? 9 : 12;
  let x = centreX - Math.floor((text.length * cell) / 2);
  for (const ch of text) {
    painter.draw(page, ch, x, top, cell * 2, fontB ? 17 : 24, false);
    x += cell;
  }
}

function drawItem(page: DotPage, painter: GlyphPainter, item: LayoutItem, paperWidth: number): void {
  switch (item.kind) {
    case 'text':
      for (const g of item.glyphs) drawGlyph(page, painter, g, item.y, item.cellHeight);
      return;
    case 'qr':
      for (let row = 0; row < item.modules; row += 1) {
        for (let col = 0; col < item.modules; col += 1) {
          if (item.matrix[row * item.modules + col]) page.fillRect(MARGIN + item.x + col * item.cell, MARGIN + item.y + row * item.cell, item.cell, item.cell);
        }
      }
      return;
    case 'barcode': {
      const x = MARGIN + item.x;
      const barsTop = MARGIN + item.barsY;
      if (item.bars) {
        let k = 0;
        while (k < item.bars.length) {
          if (!item.bars[k]) {
            k += 1;
            continue;
          }
          let end = k;
          while (end < item.bars.length && item.bars[end]) end += 1;
          page.fillRect(x + k * item.moduleWidth, barsTop, (end - k) * item.moduleWidth, item.height);
          k = end;
        }
      } else hatch(page, x, barsTop, item.width, item.height);
      const centre = x + Math.floor(item.width / 2);
      if (item.hriPosition === 1 || item.hriPosition === 3) drawText(page, painter, item.data, centre, MARGIN + item.y, item.hriFont === 1);
      if (item.hriPosition === 2 || item.hriPosition === 3) drawText(page, painter, item.data, centre, barsTop + item.height + 4, item.hriFont === 1);
      return;
    }
    case 'pdf417':
      hatch(page, MARGIN + item.x, MARGIN + item.y, item.width, item.height);
      return;
    case 'raster': {
      const sourceWidth = item.width / item.scaleX;
      const rows = item.height / item.scaleY;
      for (let row = 0; row < rows; row += 1) {
        const y = MARGIN + item.y + row * item.scaleY;
        if (y >= page.height) break;
        for (let byteIndex = 0; byteIndex < item.rowBytes; byteIndex += 1) {
          const byte = item.bits[row * item.rowBytes + byteIndex] ?? 0;
          if (byte === 0) continue;
          for (let k = 0; k < 8; k += 1) {
            const col = byteIndex * 8 + k;
            if (col < sourceWidth && byte & (0x80 >> k)) page.fillRect(MARGIN + item.x + col * item.scaleX, y, item.scaleX, item.scaleY);
          }
        }
      }
      return;
    }
    case 'cut':
      for (let x = 0; x < paperWidth + 2 * MARGIN; x += 12) page.fillRect(x, MARGIN + item.y, 6, 1);
      return;
  }
}

/** The job as it would come out of the printer, on a page with an 8-dot white border. */
export function renderPage(job: Interpretation, painter: GlyphPainter): DotPage {
  const height = Math.min(Math.max(1, Math.ceil(job.height)) + 2 * MARGIN, MAX_PAGE_HEIGHT);
  const page = new DotPage(job.paperWidth + 2 * MARGIN, height);
  for (const item of job.items) {
    if (MARGIN + item.y >= height) continue;
    drawItem(page, painter, item, job.paperWidth);
  }
  return page;
}

/** PNG bytes of the job (white paper, black dots). */
export function renderPng(job: Interpretation, painter: GlyphPainter): Uint8Array {
  return encodePng(renderPage(job, painter));
}
