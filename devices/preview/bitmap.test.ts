import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { Bitmap, flatten } from './bitmap';
import type { PathCommand } from './bitmap';

const square = (x: number, y: number, s: number, clockwise = true): PathCommand[] => {
  const pts = clockwise ? [[x, y], [x + s, y], [x + s, y + s], [x, y + s]] : [[x, y], [x, y + s], [x + s, y + s], [x + s, y]];
  return [{ command: 'moveTo', args: pts[0] as number[] }, ...pts.slice(1).map((p) => ({ command: 'lineTo' as const, args: p })), { command: 'closePath', args: [] }];
};
const identity = { sx: 1, sy: 1, tx: 0, ty: 0 };

describe('Bitmap', () => {
  it('fills rectangles, clipped to the page', () => {
    const b = new Bitmap(10, 10);
    b.fillRect(8, 8, 5, 5);
    expect(b.get(9, 9)).toBe(true);
    expect(b.get(7, 7)).toBe(false);
  });

  it('fills an outline with the non-zero rule and leaves counter-wound holes empty', () => {
    const b = new Bitmap(20, 20);
    b.fillPolygons(flatten([...square(2, 2, 16), ...square(7, 7, 6, false)], identity));
    expect(b.get(3, 3)).toBe(true);
    expect(b.get(17, 17)).toBe(true);
    expect(b.get(10, 10)).toBe(false);
    expect(b.get(1, 1)).toBe(false);
  });

  it('flattens curves and flips y-up font outlines', () => {
    const polys = flatten(
      [
        { command: 'moveTo', args: [0, 0] },
        { command: 'quadraticCurveTo', args: [50, 100, 100, 0] },
        { command: 'bezierCurveTo', args: [60, -10, 40, -10, 0, 0] },
      ],
      { sx: 0.1, sy: -0.1, tx: 0, ty: 20 },
    );
    expect(polys).toHaveLength(1);
    expect(polys[0]?.length).toBe(17);
    expect(Math.min(...(polys[0] ?? []).map((p) => p[1]))).toBeCloseTo(15, 0);
  });

  it('encodes a PNG that decodes back to the same dots', () => {
    const b = new Bitmap(8, 4);
    b.fillRect(0, 0, 4, 4);
    const png = PNG.sync.read(Buffer.from(b.toPng()));
    expect([png.width, png.height]).toEqual([8, 4]);
    expect(png.data[0]).toBe(0);
    expect(png.data[4 * 5]).toBe(255);
  });

  it('refuses a nonsense size', () => {
    expect(() => new Bitmap(0, 10)).toThrow(RangeError);
  });
});
