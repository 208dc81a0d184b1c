import { Bitmap } from '../../preview/bitmap';
import { systemGlyphPainter } from '../../preview/glyphs';
import type { GlyphPainter } from '../../preview/glyphs';
import type { LineRasterizer, RasterImage } from '../../protocols/escpos/encoder';

// Characters outside the printer's 2-byte GB18030 font (𠮷, CJK Ext-A/B) cannot be sent as text. A line
// holding one is drawn here with the terminal's own CJK font and sent as a GS v 0 image instead, so a
// citizen's rare name still prints. Cells follow the printer grid: 12 dots per column, 24 dots high.

const CELL = 24;

/** The system font is loaded on the first line that needs it, not before. */
export function createLineRasterizer(painter?: GlyphPainter): LineRasterizer {
  return (text, columns, widthMul, heightMul, bold): RasterImage | null => {
    const glyphs = painter ?? systemGlyphPainter();
    const width = columns * (CELL / 2) * widthMul;
    const height = CELL * heightMul + 6;
    if (width <= 0) return null;
    const page = new Bitmap(width, height);
    let x = 0;
    for (const char of text) {
      const wide = (char.codePointAt(0) ?? 0) >= 0x80;
      glyphs.draw(page, char, x, 3, CELL * widthMul, CELL * heightMul, bold);
      x += (wide ? CELL : CELL / 2) * widthMul;
    }
    const rowBytes = Math.ceil(width / 8);
    const bits = new Uint8Array(rowBytes * height);
    for (let y = 0; y < height; y++) {
      for (let dx = 0; dx < width; dx++) {
        if (page.get(dx, y)) bits[y * rowBytes + (dx >> 3)] = (bits[y * rowBytes + (dx >> 3)] ?? 0) | (0x80 >> (dx & 7));
      }
    }
    return { width: rowBytes * 8, height, bits };
  };
}
