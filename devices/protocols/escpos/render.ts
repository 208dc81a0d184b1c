import { createCanvas } from '@napi-rs/canvas';
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Glyph, Interpretation, LayoutItem } from './interpreter';

// Draws an interpreted job as a PNG the width of the paper: the technician console's print preview and
// the pictures a test can decode (QR via jsQR). Glyphs come from the system CJK font (fonts-noto-cjk);
// 1D barcodes are drawn as a striped block of the right size plus their human-readable text — the
// preview shows where the barcode goes, the interpreter's `barcodes` list carries its data.

const MARGIN = 8;
const CJK_FONT = '"Noto Sans CJK SC", "Noto Sans CJK JP", sans-serif';
const LATIN_FONT = '"DejaVu Sans Mono", "Liberation Mono", monospace';

function drawGlyph(ctx: SKRSContext2D, g: Glyph, y: number, lineHeight: number): void {
  const cellHeight = 24 * g.heightMul;
  const baseTop = y + lineHeight - cellHeight - 3;
  ctx.save();
  ctx.translate(g.x, baseTop);
  ctx.scale(g.widthMul, g.heightMul);
  const wide = g.width / g.widthMul >= 24;
  ctx.font = `${g.bold ? 'bold ' : ''}${wide ? 22 : 20}px ${wide ? CJK_FONT : LATIN_FONT}`;
  ctx.textBaseline = 'top';
  ctx.fillText(g.char, wide ? 1 : 0, 1, g.width / g.widthMul);
  if (g.bold) ctx.fillText(g.char, wide ? 2 : 1, 1, g.width / g.widthMul);
  if (g.underline) ctx.fillRect(0, 23, g.width / g.widthMul, 1);
  ctx.restore();
}

function drawItem(ctx: SKRSContext2D, item: LayoutItem, paperWidth: number): void {
  switch (item.kind) {
    case 'text':
      for (const g of item.glyphs) drawGlyph(ctx, g, item.y, item.height);
      return;
    case 'qr':
      for (let row = 0; row < item.modules; row++) {
        for (let col = 0; col < item.modules; col++) {
          if (item.matrix[row * item.modules + col]) ctx.fillRect(item.x + col * item.cell, item.y + row * item.cell, item.cell, item.cell);
        }
      }
      return;
    case 'barcode': {
      let x = item.x;
      let seed = 7;
      for (const ch of item.data) seed = (seed * 31 + ch.charCodeAt(0)) >>> 0;
      while (x < item.x + item.width) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        const bar = (1 + ((seed >>> 16) % 3)) * item.moduleWidth;
        ctx.fillRect(x, item.y, bar, item.height);
        x += bar + (1 + ((seed >>> 20) % 3)) * item.moduleWidth;
      }
      if (item.hri) {
        ctx.font = `20px ${LATIN_FONT}`;
        ctx.textBaseline = 'top';
        const w = item.data.length * 12;
        ctx.fillText(item.data, item.x + Math.max(0, (item.width - w) / 2), item.y + item.height + 2);
      }
      return;
    }
    case 'raster': {
      const widthBytes = item.width / 8;
      for (let row = 0; row < item.height; row++) {
        for (let col = 0; col < item.width; col++) {
          const byte = item.bits[row * widthBytes + (col >> 3)] ?? 0;
          if (byte & (0x80 >> (col & 7))) ctx.fillRect(item.x + col, item.y + row, 1, 1);
        }
      }
      return;
    }
    case 'cut':
      ctx.save();
      ctx.setLineDash([6, 6]);
      ctx.strokeStyle = '#999';
      ctx.beginPath();
      ctx.moveTo(0, item.y + 0.5);
      ctx.lineTo(paperWidth, item.y + 0.5);
      ctx.stroke();
      ctx.restore();
      return;
  }
}

/** PNG bytes of the job as it would come out of the printer (white paper, black dots). */
export function renderPng(job: Interpretation): Uint8Array {
  const height = Math.max(1, Math.ceil(job.height)) + 2 * MARGIN;
  const canvas = createCanvas(job.paperWidth + 2 * MARGIN, Math.min(height, 32_000));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000';
  ctx.translate(MARGIN, MARGIN);
  for (const item of job.items) drawItem(ctx, item, job.paperWidth);
  return new Uint8Array(canvas.toBuffer('image/png'));
}
