// A 1-bit page as a thermal head prints it: 1 = black dot. Pure (no I/O): the renderer draws on it and the
// preview encodes it as PNG; glyph painters are handed one to draw into.

export class DotPage {
  readonly dots: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
      throw new RangeError(`Bitmap size must be positive integers, got ${width}×${height}`);
    }
    this.dots = new Uint8Array(width * height);
  }

  get(x: number, y: number): boolean {
    return x >= 0 && y >= 0 && x < this.width && y < this.height && this.dots[y * this.width + x] === 1;
  }

  set(x: number, y: number, black: boolean): void {
    if (x >= 0 && y >= 0 && x < this.width && y < this.height) this.dots[y * this.width + x] = black ? 1 : 0;
  }

  /** Fills (or with `black = false` clears) a rectangle, clipped to the page. */
  fillRect(x: number, y: number, w: number, h: number, black = true): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    if (x1 <= x0) return;
    for (let row = y0; row < y1; row += 1) this.dots.fill(black ? 1 : 0, row * this.width + x0, row * this.width + x1);
  }

  /** Inverts a rectangle (GS B reverse printing: white on black). */
  invertRect(x: number, y: number, w: number, h: number): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    for (let row = y0; row < y1; row += 1) {
      for (let i = row * this.width + x0; i < row * this.width + x1; i += 1) this.dots[i] = this.dots[i] === 1 ? 0 : 1;
    }
  }
}
