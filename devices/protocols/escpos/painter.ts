import type { DotPage } from './dot-page';

/**
 * Draws one character into a cell of the page. The renderer is handed one; where glyph shapes come from
 * (a font file, a bitmap font, boxes) is the caller's business, so this layer never loads fonts.
 */
export interface GlyphPainter {
  readonly source: string;
  /**
   * `emWidth`×`emHeight` is the font's em square in dots: 24×24 for the common 24-dot CJK font, 48×24
   * at double width, 48×48 at double width and height. Half-width (ASCII) characters take half the em.
   */
  draw(page: DotPage, char: string, x: number, top: number, emWidth: number, emHeight: number, bold: boolean): void;
}

/** Without any font: a hollow box per character, so the layout still shows. */
export const boxPainter: GlyphPainter = {
  source: 'no font (boxes)',
  draw(page, char, x, top, emWidth, emHeight) {
    if (char === ' ' || char === '\u3000') return;
    const wide = (char.codePointAt(0) ?? 0) > 0x2e7f;
    const w = Math.max(2, Math.round(wide ? emWidth : emWidth / 2) - 2);
    const h = emHeight - 4;
    page.fillRect(x + 1, top + 2, w, 1);
    page.fillRect(x + 1, top + 1 + h, w, 1);
    page.fillRect(x + 1, top + 2, 1, h);
    page.fillRect(x + w, top + 2, 1, h);
  },
};
