import { DotPage } from '../protocols/escpos/dot-page';
import { encodePng } from '../protocols/escpos/png';

/** One outline command, as fontkit's glyph paths give them (font units, y up). */
export interface PathCommand {
  command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
  args: number[];
}

/** Maps outline coordinates to pixels: px = x·sx + tx, py = y·sy + ty (sy is negative for y-up fonts). */
export interface Placement {
  sx: number;
  sy: number;
  tx: number;
  ty: number;
}

type Point = readonly [number, number];

const CURVE_STEPS = 8;
const SUBSAMPLES = 4;

/** Turns an outline into closed polygons in pixel space. */
export function flatten(commands: readonly PathCommand[], at: Placement): Point[][] {
  const polygons: Point[][] = [];
  let current: Point[] = [];
  let pen: Point = [0, 0];
  const map = (x: number, y: number): Point => [x * at.sx + at.tx, y * at.sy + at.ty];
  const close = () => {
    if (current.length > 2) polygons.push(current);
    current = [];
  };
  for (const { command, args } of commands) {
    const a = args.map(Number);
    if (command === 'moveTo') {
      close();
      pen = map(a[0] ?? 0, a[1] ?? 0);
      current.push(pen);
    } else if (command === 'lineTo') {
      pen = map(a[0] ?? 0, a[1] ?? 0);
      current.push(pen);
    } else if (command === 'quadraticCurveTo') {
      const [x0, y0] = pen;
      const [cx, cy] = map(a[0] ?? 0, a[1] ?? 0);
      const [x1, y1] = map(a[2] ?? 0, a[3] ?? 0);
      for (let i = 1; i <= CURVE_STEPS; i += 1) {
        const t = i / CURVE_STEPS;
        const u = 1 - t;
        current.push([u * u * x0 + 2 * u * t * cx + t * t * x1, u * u * y0 + 2 * u * t * cy + t * t * y1]);
      }
      pen = [x1, y1];
    } else if (command === 'bezierCurveTo') {
      const [x0, y0] = pen;
      const [c1x, c1y] = map(a[0] ?? 0, a[1] ?? 0);
      const [c2x, c2y] = map(a[2] ?? 0, a[3] ?? 0);
      const [x1, y1] = map(a[4] ?? 0, a[5] ?? 0);
      for (let i = 1; i <= CURVE_STEPS; i += 1) {
        const t = i / CURVE_STEPS;
        const u = 1 - t;
        current.push([
          u * u * u * x0 + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * x1,
          u * u * u * y0 + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * y1,
        ]);
      }
      pen = [x1, y1];
    } else {
      close();
    }
  }
  close();
  return polygons;
}

/**
 * Fills outlines into a page with the non-zero winding rule at 4 sub-rows per pixel; a pixel is black when
 * at least half of it is covered.
 */
export function fillPolygons(page: DotPage, polygons: readonly (readonly Point[])[]): void {
  let minY = Infinity;
  let maxY = -Infinity;
  let minX = Infinity;
  let maxX = -Infinity;
  for (const poly of polygons) {
    for (const [x, y] of poly) {
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
    }
  }
  if (!Number.isFinite(minY)) return;
  const top = Math.max(0, Math.floor(minY));
  const bottom = Math.min(page.height, Math.ceil(maxY));
  const left = Math.max(0, Math.floor(minX));
  const right = Math.min(page.width, Math.ceil(maxX));
  if (top >= bottom || left >= right) return;
  const spanWidth = right - left;
  const coverage = new Float32Array(spanWidth);
  const crossings: { x: number; dir: number }[] = [];

  for (let row = top; row < bottom; row += 1) {
    coverage.fill(0);
    for (let s = 0; s < SUBSAMPLES; s += 1) {
      const sy = row + (s + 0.5) / SUBSAMPLES;
      crossings.length = 0;
      for (const poly of polygons) {
        for (let i = 0; i < poly.length; i += 1) {
          const [ax, ay] = poly[i] as Point;
          const [bx, by] = poly[(i + 1) % poly.length] as Point;
          if (ay === by || sy < Math.min(ay, by) || sy >= Math.max(ay, by)) continue;
          crossings.push({ x: ax + ((sy - ay) * (bx - ax)) / (by - ay), dir: by > ay ? 1 : -1 });
        }
      }
      crossings.sort((p, q) => p.x - q.x);
      let winding = 0;
      for (let i = 0; i < crossings.length - 1; i += 1) {
        winding += (crossings[i] as { dir: number }).dir;
        if (winding === 0) continue;
        const x0 = Math.max(left, (crossings[i] as { x: number }).x);
        const x1 = Math.min(right, (crossings[i + 1] as { x: number }).x);
        for (let px = Math.floor(x0); px < x1; px += 1) {
          const covered = Math.min(px + 1, x1) - Math.max(px, x0);
          if (covered > 0) coverage[px - left] = (coverage[px - left] ?? 0) + covered / SUBSAMPLES;
        }
      }
    }
    for (let i = 0; i < spanWidth; i += 1) {
      if ((coverage[i] ?? 0) >= 0.5) page.dots[row * page.width + left + i] = 1;
    }
  }
}

/** A page that can also take outlines and encode itself (the glyph painters and the line rasterizer use it). */
export class Bitmap extends DotPage {
  fillPolygons(polygons: readonly (readonly Point[])[]): void {
    fillPolygons(this, polygons);
  }

  /** Grayscale PNG: black dots on white. */
  toPng(): Uint8Array {
    return encodePng(this);
  }
}
