import { existsSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { Bitmap, PathCommand } from './bitmap';
import { flatten } from './bitmap';

/** Draws one character into a cell of the page; implementations decide where glyph shapes come from. */
export interface GlyphPainter {
  readonly source: string;
  /**
   * `emWidth`×`emHeight` is the font's em square in dots: 24×24 for the common 24-dot CJK font, 48×24
   * at double width, 48×48 at double width and height. Half-width (ASCII) characters take half the em.
   */
  draw(page: Bitmap, char: string, x: number, top: number, emWidth: number, emHeight: number, bold: boolean): void;
}

/** Where hall PCs keep a CJK font, most preferred first. HALL_PREVIEW_FONT overrides. */
export const CJK_FONT_CANDIDATES: readonly string[] = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  'C:\\Windows\\Fonts\\simsun.ttc',
  'C:\\Windows\\Fonts\\msyh.ttc',
  '/System/Library/Fonts/PingFang.ttc',
];

/** Faces tried inside a collection: the monospaced Simplified Chinese face matches printer cells best. */
const PREFERRED_FACES = ['NotoSansMonoCJKsc-Regular', 'NotoSansCJKsc-Regular', 'SimSun', 'MicrosoftYaHei', 'WenQuanYiMicroHei'];

interface FaceLike {
  postscriptName: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  glyphForCodePoint(codePoint: number): { id: number; path: { commands: PathCommand[] } };
}

function pickFace(opened: unknown): FaceLike | null {
  const asFace = (value: unknown): value is FaceLike =>
    typeof value === 'object' && value !== null && 'glyphForCodePoint' in value && 'unitsPerEm' in value;
  if (asFace(opened)) return opened;
  if (typeof opened === 'object' && opened !== null && 'fonts' in opened && Array.isArray(opened.fonts)) {
    const faces = (opened.fonts as unknown[]).filter(asFace);
    for (const name of PREFERRED_FACES) {
      const face = faces.find((f) => f.postscriptName === name);
      if (face) return face;
    }
    return faces[0] ?? null;
  }
  return null;
}

/** Glyph shapes from an OpenType/TrueType font (or collection) on disk. */
export class FontPainter implements GlyphPainter {
  private readonly cache = new Map<number, { id: number; commands: PathCommand[] }>();

  constructor(
    private readonly face: FaceLike,
    readonly source: string,
  ) {}

  static open(path: string): FontPainter | null {
    try {
      const face = pickFace(fontkit.openSync(path));
      return face ? new FontPainter(face, `${path} (${face.postscriptName})`) : null;
    } catch {
      return null;
    }
  }

  private outline(codePoint: number): { id: number; commands: PathCommand[] } {
    let glyph = this.cache.get(codePoint);
    if (!glyph) {
      const g = this.face.glyphForCodePoint(codePoint);
      glyph = { id: g.id, commands: g.path.commands };
      this.cache.set(codePoint, glyph);
    }
    return glyph;
  }

  draw(page: Bitmap, char: string, x: number, top: number, emWidth: number, emHeight: number, bold: boolean): void {
    const codePoint = char.codePointAt(0) ?? 0x3f;
    const glyph = this.outline(codePoint);
    if (glyph.id === 0) {
      boxPainter.draw(page, char, x, top, emWidth, emHeight, bold);
      return;
    }
    const extent = this.face.ascent - this.face.descent || this.face.unitsPerEm;
    const baseline = top + (emHeight * this.face.ascent) / extent;
    const sx = emWidth / this.face.unitsPerEm;
    const sy = emHeight / this.face.unitsPerEm;
    const place = (dx: number) => ({ sx, sy: -sy, tx: x + dx, ty: baseline });
    page.fillPolygons(flatten(glyph.commands, place(0)));
    if (bold) page.fillPolygons(flatten(glyph.commands, place(1)));
  }
}

/** Without any font: a hollow box per character, so the layout still shows. */
export const boxPainter: GlyphPainter = {
  source: 'no font (boxes)',
  draw(page, char, x, top, emWidth, emHeight) {
    const wide = (char.codePointAt(0) ?? 0) > 0x2e7f;
    const w = Math.max(2, Math.round(wide ? emWidth : emWidth / 2) - 2);
    const h = emHeight - 4;
    page.fillRect(x + 1, top + 2, w, 1);
    page.fillRect(x + 1, top + 1 + h, w, 1);
    page.fillRect(x + 1, top + 2, 1, h);
    page.fillRect(x + w, top + 2, 1, h);
  },
};

let cached: GlyphPainter | null = null;

/** The best painter this machine offers, found once. */
export function systemGlyphPainter(env: NodeJS.ProcessEnv = process.env): GlyphPainter {
  if (cached) return cached;
  const candidates = env.HALL_PREVIEW_FONT ? [env.HALL_PREVIEW_FONT, ...CJK_FONT_CANDIDATES] : CJK_FONT_CANDIDATES;
  for (const path of candidates) {
    if (!existsSync(path)) continue;
    const painter = FontPainter.open(path);
    if (painter) return (cached = painter);
  }
  return (cached = boxPainter);
}
