import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Bitmap } from './bitmap';
import { CJK_FONT_CANDIDATES, FontPainter, boxPainter, systemGlyphPainter } from './glyphs';

const notoPath = CJK_FONT_CANDIDATES[0] ?? '';
// CI installs fonts-noto-cjk; a developer machine without it still runs the box-painter tests.
const haveNoto = existsSync(notoPath);

function blackInRow(page: Bitmap, y: number, x0: number, x1: number): number {
  let n = 0;
  for (let x = x0; x < x1; x += 1) if (page.get(x, y)) n += 1;
  return n;
}

describe('glyph painters', () => {
  it.runIf(haveNoto)('draws 一 as one horizontal stroke across the middle of a 24-dot cell', () => {
    const painter = FontPainter.open(notoPath);
    expect(painter?.source).toContain('NotoSansMonoCJKsc');
    const page = new Bitmap(24, 24);
    painter?.draw(page, '一', 0, 0, 24, 24, false);
    const rows = Array.from({ length: 24 }, (_, y) => blackInRow(page, y, 0, 24));
    const strokeRows = rows.filter((n) => n >= 16).length;
    expect(strokeRows).toBeGreaterThanOrEqual(1);
    expect(strokeRows).toBeLessThanOrEqual(4);
    expect(rows[0]).toBe(0);
    expect(rows[23]).toBe(0);
  });

  it.runIf(haveNoto)('draws a double-width glyph twice as wide and a bold one darker', () => {
    const painter = FontPainter.open(notoPath);
    const count = (widthMul: number, bold: boolean) => {
      const page = new Bitmap(60, 24);
      painter?.draw(page, '张', 0, 0, 24 * widthMul, 24, bold);
      return page.dots.reduce((s, d) => s + d, 0);
    };
    expect(count(2, false)).toBeGreaterThan(count(1, false) * 1.5);
    expect(count(1, true)).toBeGreaterThan(count(1, false));
  });

  it('draws boxes when there is no font', () => {
    const page = new Bitmap(24, 24);
    boxPainter.draw(page, '张', 0, 0, 24, 24, false);
    expect(page.get(1, 2)).toBe(true);
    expect(page.get(12, 12)).toBe(false);
  });

  it('falls back to boxes when the configured font is not a font', () => {
    expect(FontPainter.open('/etc/hostname')).toBeNull();
    expect(systemGlyphPainter('/no/such/font.ttf').source).toBeTruthy();
    expect(systemGlyphPainter('/etc/hostname').source).not.toContain('/etc/hostname');
  });
});
