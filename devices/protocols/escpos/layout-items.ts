import type { Symbology } from './barcode-decode';

// What the interpreter lays out on the paper, in dots from the top-left corner of the printable width.

export interface Glyph {
  readonly char: string;
  readonly x: number;
  /** Cell width in dots (12, 9 or 24 times the width magnification; spacing excluded). */
  readonly width: number;
  readonly widthMul: number;
  readonly heightMul: number;
  readonly bold: boolean;
  readonly underline: boolean;
  /** Dots of the cell's height (24 or 17 times the height magnification). */
  readonly cellHeight: number;
  /** The em square the painter draws into (a half-width character takes half its width). */
  readonly emWidth: number;
  readonly emHeight: number;
  readonly wide: boolean;
  readonly underlineDots: 0 | 1 | 2;
  readonly reverse: boolean;
  readonly upsideDown: boolean;
  readonly rotated: boolean;
}

export type LayoutItem =
  | { readonly kind: 'text'; readonly y: number; readonly height: number; readonly cellHeight: number; readonly glyphs: readonly Glyph[]; readonly text: string }
  | { readonly kind: 'qr'; readonly x: number; readonly y: number; readonly cell: number; readonly modules: number; readonly data: string; readonly level: string; readonly matrix: readonly boolean[] }
  | {
      readonly kind: 'barcode';
      readonly x: number;
      readonly y: number;
      readonly width: number;
      /** Bar height (HRI text is extra). */
      readonly height: number;
      readonly data: string;
      readonly symbology: Symbology;
      readonly hri: boolean;
      /** 0 none, 1 above, 2 below, 3 both. */
      readonly hriPosition: number;
      readonly hriFont: 0 | 1;
      readonly moduleWidth: number;
      /** Bar modules; null when the preview cannot draw this symbology (placeholder). */
      readonly bars: readonly boolean[] | null;
      /** Top of the bars (below an HRI line printed above). */
      readonly barsY: number;
    }
  | { readonly kind: 'pdf417'; readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly data: string }
  | {
      readonly kind: 'raster';
      readonly x: number;
      readonly y: number;
      /** Printed size in dots (after scaling). */
      readonly width: number;
      readonly height: number;
      readonly bits: Uint8Array;
      /** Bytes per source row (bit 7 = leftmost dot). */
      readonly rowBytes: number;
      readonly scaleX: number;
      readonly scaleY: number;
    }
  | { readonly kind: 'cut'; readonly y: number; readonly partial: boolean };
