import type { Glyph, LayoutItem } from './layout-items';
import type { PrinterState } from './state';

// Places what the commands print: a line buffer that fills up character by character (with ESC $ / ESC \
// / HT positions and auto-wrap at the end of the print area), printed by LF / ESC d / ESC J, and blocks
// (images, codes, cuts) placed at the current paper position. Work is capped per job so a hostile or
// broken stream cannot make the preview run away; the cap is reported once.

export interface LayoutLimits {
  /** Paper length laid out, in dots (≈ 12.5 m at 203 dpi). */
  readonly maxLength: number;
  readonly maxItems: number;
  readonly maxGlyphs: number;
}

export const DEFAULT_LIMITS: LayoutLimits = { maxLength: 100_000, maxItems: 5_000, maxGlyphs: 60_000 };

type Pending =
  | { readonly kind: 'glyph'; readonly glyph: Omit<Glyph, 'x'>; readonly x: number; readonly inset: number; readonly advance: number }
  | { readonly kind: 'image'; readonly x: number; readonly width: number; readonly height: number; readonly bits: Uint8Array; readonly rowBytes: number; readonly scaleX: number; readonly scaleY: number };

const COLUMN = 12;

export class Layout {
  readonly items: LayoutItem[] = [];
  readonly lines: string[] = [];
  y = 0;
  /** Set when a limit was reached: nothing more is laid out (commands are still read and counted). */
  full = false;
  private pending: Pending[] = [];
  private x = 0;
  private lineLeft = 0;
  private lineWidth = 0;
  private glyphs = 0;

  constructor(
    readonly paperWidth: number,
    private readonly limits: LayoutLimits,
    private readonly report: (problem: string) => void,
  ) {}

  get cursor(): number {
    return this.x;
  }

  get lineEmpty(): boolean {
    return this.pending.length === 0;
  }

  /** Print area of the line being filled: fixed when its first element arrives (GS L / GS W apply at line start). */
  private area(state: PrinterState): { left: number; width: number } {
    const left = Math.min(Math.max(0, state.leftMargin), this.paperWidth - 1);
    return { left, width: Math.max(1, Math.min(state.areaWidth, this.paperWidth - left)) };
  }

  private startLine(state: PrinterState): void {
    if (this.pending.length > 0) return;
    const { left, width } = this.area(state);
    this.lineLeft = left;
    this.lineWidth = width;
  }

  setX(x: number): void {
    this.x = Math.max(0, x);
  }

  /** HT: the next tab stop after the cursor, in columns of the current single-byte character width. */
  tab(state: PrinterState, columnWidth: number): void {
    const column = Math.floor(this.x / Math.max(1, columnWidth));
    const stop = state.tabs.find((t) => t > column);
    if (stop !== undefined) this.x = stop * columnWidth;
  }

  addGlyph(state: PrinterState, glyph: Omit<Glyph, 'x'>, leftSpace: number, advance: number, at: number): void {
    if (this.full) return;
    if (++this.glyphs > this.limits.maxGlyphs) return this.stop(`more than ${this.limits.maxGlyphs} characters`);
    this.startLine(state);
    if (this.x + advance > this.lineWidth && this.pending.length > 0) {
      this.report(`line wider than the print area at byte ${at}: wrapped`);
      this.printLine(state, state.lineSpacing);
      this.startLine(state);
    }
    this.pending.push({ kind: 'glyph', glyph, x: this.x, inset: leftSpace, advance });
    this.x += advance;
  }

  addImage(state: PrinterState, width: number, height: number, bits: Uint8Array, rowBytes: number, scaleX: number, scaleY: number): void {
    if (this.full) return;
    this.startLine(state);
    this.pending.push({ kind: 'image', x: this.x, width, height, bits, rowBytes, scaleX, scaleY });
    this.x += width;
  }

  /** Prints the line buffer and feeds at least `advance` dots (LF, ESC d, ESC J); an empty buffer just feeds. */
  printLine(state: PrinterState, advance: number): void {
    const pending = this.pending;
    this.pending = [];
    this.x = 0;
    if (pending.length === 0 || this.full) {
      this.feed(advance);
      return;
    }
    let contentWidth = 0;
    let tallest = 0;
    for (const p of pending) {
      contentWidth = Math.max(contentWidth, p.x + (p.kind === 'glyph' ? p.advance : p.width));
      tallest = Math.max(tallest, p.kind === 'glyph' ? p.glyph.cellHeight : p.height);
    }
    const free = Math.max(0, this.lineWidth - contentWidth);
    const offset = this.lineLeft + (state.align === 'center' ? Math.floor(free / 2) : state.align === 'right' ? free : 0);
    const glyphs: Glyph[] = [];
    for (const p of pending) {
      if (p.kind === 'image') {
        this.push({ kind: 'raster', x: offset + p.x, y: this.y + tallest - p.height, width: p.width, height: p.height, bits: p.bits, rowBytes: p.rowBytes, scaleX: p.scaleX, scaleY: p.scaleY });
        continue;
      }
      // Upside-down characters come out rotated by 180°: their order along the line is mirrored too.
      const x = offset + p.inset + (p.glyph.upsideDown ? contentWidth - p.x - p.advance : p.x);
      glyphs.push({ ...p.glyph, x });
    }
    const height = Math.max(advance, tallest);
    if (glyphs.length > 0) {
      const text = lineText(pending);
      this.push({ kind: 'text', y: this.y, height, cellHeight: tallest, glyphs, text });
      this.lines.push(text);
    }
    this.feed(height);
  }

  feed(dots: number): void {
    if (this.full) return;
    this.y += Math.max(0, dots);
    if (this.y > this.limits.maxLength) this.stop(`more than ${this.limits.maxLength} dots of paper`);
  }

  /** x of a block `width` dots wide under the current alignment, or null when it does not fit the print area. */
  blockX(state: PrinterState, width: number): number | null {
    const { left, width: area } = this.area(state);
    if (width > area) return null;
    const free = area - width;
    return left + (state.align === 'center' ? Math.floor(free / 2) : state.align === 'right' ? free : 0);
  }

  /** Places a block item at the current position (after printing the line buffer) and feeds past it. */
  block(state: PrinterState, height: number, make: (y: number) => LayoutItem): void {
    if (this.pending.length > 0) this.printLine(state, 0);
    if (this.full) return;
    this.push(make(this.y));
    this.feed(height);
  }

  cut(state: PrinterState, partial: boolean, feedFirst: number): void {
    if (this.pending.length > 0) this.printLine(state, state.lineSpacing);
    this.feed(feedFirst);
    if (!this.full) this.push({ kind: 'cut', y: this.y, partial });
  }

  /** ESC @ discards the line buffer. */
  clearLine(): void {
    this.pending = [];
    this.x = 0;
  }

  private push(item: LayoutItem): void {
    if (this.items.length >= this.limits.maxItems) return this.stop(`more than ${this.limits.maxItems} printed items`);
    this.items.push(item);
  }

  private stop(why: string): void {
    if (this.full) return;
    this.full = true;
    this.pending = [];
    this.report(`job too long for the preview (${why}): the rest is read but not laid out`);
  }
}

/**
 * The line as text: characters left to right (a position command may go back, as receiptline's tables do),
 * gaps left by position commands as spaces (not leading ones).
 */
function lineText(pending: readonly Pending[]): string {
  let text = '';
  let end: number | null = null;
  const glyphs = pending.filter((p): p is Extract<Pending, { kind: 'glyph' }> => p.kind === 'glyph').sort((a, b) => a.x - b.x);
  for (const p of glyphs) {
    if (end !== null && p.x - end >= COLUMN / 2) text += ' '.repeat(Math.round((p.x - end) / COLUMN));
    text += p.glyph.char;
    end = p.x + p.advance;
  }
  return text;
}
