import { existsSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { DotPage } from '../protocols/escpos/dot-page';
import { boxPainter } from '../protocols/escpos/painter';
import type { GlyphPainter } from '../protocols/escpos/painter';
import type { PathCommand } from './bitmap';
import { fillPolygons, flatten } from './bitmap';

// Glyph shapes from a CJK font on disk, through a pure-JS rasterizer (no native canvas). The renderer in
// devices/protocols takes a painter as a parameter; this is where one that reads fonts is made.

export type { GlyphPainter } from '../protocols/escpos/painter';
export { boxPainter } from '../protocols/escpos/painter';

/** Where hall PCs keep a CJK font, most preferred first; a configured font path is tried before them. */
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

  draw(page: DotPage, char: string, x: number, top: number, emWidth: number, emHeight: number, bold: boolean): void {
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
    fillPolygons(page, flatten(glyph.commands, place(0)));
    if (bold) fillPolygons(page, flatten(glyph.commands, place(1)));
  }
}

const found = new Map<string, GlyphPainter>();

/**
 * The best painter this machine offers, found once per preferred path: `preferredFont` (the configured
 * preview font, read by main/config.ts) first, then the usual CJK font locations, else boxes.
 */
export function systemGlyphPainter(preferredFont?: string): GlyphPainter {
  const key = preferredFont ?? '';
  const cached = found.get(key);
  if (cached) return cached;
  const candidates = preferredFont ? [preferredFont, ...CJK_FONT_CANDIDATES] : CJK_FONT_CANDIDATES;
  let painter: GlyphPainter = boxPainter;
  for (const path of candidates) {
    if (!existsSync(path)) continue;
    const opened = FontPainter.open(path);
    if (opened) {
      painter = opened;
      break;
    }
  }
  found.set(key, painter);
  return painter;
}
