// The modes an ESC/POS printer keeps between commands, as ESC @ leaves them on a Chinese-firmware printer
// (Chinese mode on: the memory-switch default of printers sold in China, see shared spec A2.1).

export type Alignment = 'left' | 'center' | 'right';

export interface TextStyle {
  /** 0 font A (12×24), 1 font B (9×17). */
  font: 0 | 1;
  /** Width/height multipliers for single-byte characters (ESC !, GS !) and for hanzi (FS !, FS W, GS !). */
  asciiWidth: number;
  asciiHeight: number;
  kanjiWidth: number;
  kanjiHeight: number;
  bold: boolean;
  /** 0 none, 1 or 2 dots. */
  asciiUnderline: 0 | 1 | 2;
  kanjiUnderline: 0 | 1 | 2;
  reverse: boolean;
  upsideDown: boolean;
  rotated: boolean;
  /** ESC SP (right spacing of single-byte characters), FS S (left/right spacing of hanzi), in dots. */
  asciiRightSpacing: number;
  kanjiLeftSpacing: number;
  kanjiRightSpacing: number;
}

export interface BarcodeSettings {
  height: number;
  moduleWidth: number;
  /** 0 none, 1 above, 2 below, 3 both. */
  hri: number;
  hriFont: 0 | 1;
}

export interface QrSettings {
  /** GS ( k 31 41 n1: 49 model 1, 50 model 2, 51 micro. */
  model: number;
  cell: number;
  level: 'L' | 'M' | 'Q' | 'H';
  data: Uint8Array | null;
}

export interface Pdf417Settings {
  columns: number;
  rows: number;
  moduleWidth: number;
  rowHeight: number;
  /** Error-correction level 0–8 (ratio settings are mapped to a level). */
  level: number;
  truncated: boolean;
  data: Uint8Array | null;
}

export interface PrinterState {
  style: TextStyle;
  align: Alignment;
  lineSpacing: number;
  chinese: boolean;
  utf8: boolean;
  codePage: number;
  international: number;
  /** Tab stops in character columns (ESC D); default every 8. */
  tabs: number[];
  leftMargin: number;
  areaWidth: number;
  barcode: BarcodeSettings;
  qr: QrSettings;
  pdf417: Pdf417Settings;
  /** GS ( L / GS 8 L graphics waiting in the print buffer for function 50. */
  bufferedGraphics: { width: number; height: number; bits: Uint8Array; scaleX: number; scaleY: number } | null;
  /** Download/NV graphics by key (kc1 << 8 | kc2). */
  storedGraphics: Map<number, { width: number; height: number; bits: Uint8Array }>;
}

/** ESC 2: 1/6 inch, the 30-dot line of the receipts this terminal prints. */
export const DEFAULT_LINE_SPACING = 30;

export function defaultStyle(): TextStyle {
  return {
    font: 0,
    asciiWidth: 1,
    asciiHeight: 1,
    kanjiWidth: 1,
    kanjiHeight: 1,
    bold: false,
    asciiUnderline: 0,
    kanjiUnderline: 0,
    reverse: false,
    upsideDown: false,
    rotated: false,
    asciiRightSpacing: 0,
    kanjiLeftSpacing: 0,
    kanjiRightSpacing: 0,
  };
}

export function initialState(paperWidth: number, stored?: PrinterState['storedGraphics']): PrinterState {
  return {
    style: defaultStyle(),
    align: 'left',
    lineSpacing: DEFAULT_LINE_SPACING,
    chinese: true,
    utf8: false,
    codePage: 0,
    international: 0,
    tabs: Array.from({ length: 32 }, (_, k) => (k + 1) * 8),
    leftMargin: 0,
    areaWidth: paperWidth,
    barcode: { height: 162, moduleWidth: 3, hri: 0, hriFont: 0 },
    qr: { model: 50, cell: 3, level: 'L', data: null },
    pdf417: { columns: 0, rows: 0, moduleWidth: 3, rowHeight: 3, level: 1, truncated: false, data: null },
    bufferedGraphics: null,
    // NV graphics survive ESC @ on a real printer.
    storedGraphics: stored ?? new Map(),
  };
}
