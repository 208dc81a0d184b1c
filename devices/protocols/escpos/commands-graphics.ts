import type { Machine } from './machine';
import { u16, u8 } from './machine';
import type { CommandSpec, SizeRule } from './table';
import { ESC, FS, GS, computed, fixed, lengthAt16 } from './table';

// Raster and graphics: GS v 0, the GS ( L / GS 8 L graphics functions (print buffer, download and NV
// graphics), ESC * column bit images within a line, and the older GS * / GS / downloaded bit image.

interface Raster {
  readonly width: number;
  readonly height: number;
  readonly bits: Uint8Array;
}

/** Column-format data (each byte 8 vertical dots, bit 7 on top, columns left to right) → raster rows. */
function columnsToRaster(data: Uint8Array, width: number, height: number): Raster {
  const rowBytes = Math.ceil(width / 8);
  const bands = Math.ceil(height / 8);
  const bits = new Uint8Array(rowBytes * height);
  for (let col = 0; col < width; col += 1) {
    for (let band = 0; band < bands; band += 1) {
      const byte = data[col * bands + band] ?? 0;
      if (byte === 0) continue;
      for (let k = 0; k < 8; k += 1) {
        const row = band * 8 + k;
        if (row < height && byte & (0x80 >> k)) bits[row * rowBytes + (col >> 3)] = (bits[row * rowBytes + (col >> 3)] ?? 0) | (0x80 >> (col & 7));
      }
    }
  }
  return { width, height, bits };
}

/** Places a raster image as a block under the current justification; wider than the print area is clipped. */
function placeRaster(m: Machine, at: number, image: Raster, scaleX: number, scaleY: number, what: string): void {
  if (image.width === 0 || image.height === 0) return;
  const rowBytes = Math.ceil(image.width / 8);
  const width = rowBytes * 8 * scaleX;
  const height = image.height * scaleY;
  let x = m.layout.blockX(m.state, width);
  if (x === null) {
    m.report(`${what} ${width} dots wide is wider than the print area at byte ${at}: clipped`);
    x = Math.max(0, Math.min(m.state.leftMargin, m.paperWidth - 1));
  }
  const left = x;
  m.layout.block(m.state, height, (y) => ({ kind: 'raster', x: left, y, width, height, bits: image.bits, rowBytes, scaleX, scaleY }));
}

const rasterSize: SizeRule = computed(8, (h) => 8 + (h(4) + h(5) * 256) * (h(6) + h(7) * 256));

function gsv0(m: Machine, at: number): void {
  const mode = u8(m, at + 3) & 3;
  const rowBytes = u16(m, at + 4);
  const rows = u16(m, at + 6);
  const bits = m.bytes.subarray(at + 8, at + 8 + rowBytes * rows);
  placeRaster(m, at, { width: rowBytes * 8, height: rows, bits }, mode & 1 ? 2 : 1, mode & 2 ? 2 : 1, 'GS v 0 image');
}

/**
 * GS ( L and GS 8 L share their functions; `d` is where the function byte's m sits (5 for GS ( L, 7 for
 * GS 8 L, whose length takes four bytes).
 */
function graphicsFunction(m: Machine, at: number, length: number, d: number): void {
  const fn = u8(m, at + d + 1);
  const end = at + length;
  const scale = (v: number) => (v === 2 ? 2 : 1);
  if (fn === 50) {
    const g = m.state.bufferedGraphics;
    if (!g) return m.report(`graphics print without stored graphics at byte ${at}`);
    m.state.bufferedGraphics = null;
    return placeRaster(m, at, g, g.scaleX, g.scaleY, 'graphics');
  }
  if (fn === 112 || fn === 113) {
    const width = u16(m, at + d + 6);
    const height = u16(m, at + d + 8);
    const data = m.bytes.subarray(at + d + 10, end);
    const image = fn === 112 ? { width, height, bits: data } : columnsToRaster(data, width, height);
    m.state.bufferedGraphics = { ...image, scaleX: scale(u8(m, at + d + 3)), scaleY: scale(u8(m, at + d + 4)) };
    return;
  }
  if (fn === 67 || fn === 83 || fn === 68 || fn === 84) {
    // define NV (67 raster, 68 column) or download (83 raster, 84 column) graphics: a kc1 kc2 b xL xH yL yH c data
    const key = (u8(m, at + d + 3) << 8) | u8(m, at + d + 4);
    const width = u16(m, at + d + 6);
    const height = u16(m, at + d + 8);
    const data = m.bytes.subarray(at + d + 11, end);
    m.state.storedGraphics.set(key, fn === 67 || fn === 83 ? { width, height, bits: data } : columnsToRaster(data, width, height));
    return;
  }
  if (fn === 69 || fn === 85) {
    const key = (u8(m, at + d + 2) << 8) | u8(m, at + d + 3);
    const g = m.state.storedGraphics.get(key);
    if (!g) return m.report(`graphics key ${String.fromCharCode(key >> 8, key & 0xff)} printed before it was defined at byte ${at}`);
    return placeRaster(m, at, g, scale(u8(m, at + d + 4)), scale(u8(m, at + d + 5)), 'graphics');
  }
  if (fn === 65 || fn === 66 || fn === 48 || fn === 49 || fn === 51 || fn === 64 || fn === 80 || fn === 82) {
    m.tallies.skipped.set(`graphics function ${fn}`, (m.tallies.skipped.get(`graphics function ${fn}`) ?? 0) + 1);
    return;
  }
  m.report(`graphics function ${fn} unknown at byte ${at}`);
}

/** ESC * m nL nH d: one band of a column bit image, part of the current line. */
function bitImage(m: Machine, at: number): void {
  const mode = u8(m, at + 2);
  const columns = u16(m, at + 3);
  const tall = mode >= 32;
  if (![0, 1, 32, 33].includes(mode)) return m.report(`ESC * mode ${mode} unknown at byte ${at}`);
  const data = m.bytes.subarray(at + 5, at + 5 + columns * (tall ? 3 : 1));
  const raster = columnsToRaster(data, columns, tall ? 24 : 8);
  // 8-dot modes print each dot three rows tall; single density doubles each column (203 dpi head).
  const scaleX = mode === 0 || mode === 32 ? 2 : 1;
  const scaleY = tall ? 1 : 3;
  m.layout.addImage(m.state, columns * scaleX, raster.height * scaleY, raster.bits, Math.ceil(columns / 8), scaleX, scaleY);
}

const DOWNLOADED_BIT_IMAGE = -1;

/** FS q n [xL xH yL yH d…] × n: NV bit images, x × 8 by y × 8 dots each. */
const nvBitImageSize: SizeRule = (bytes, i) => {
  const n = bytes[i + 2];
  if (n === undefined) return null;
  let k = i + 3;
  for (let image = 0; image < n; image += 1) {
    if (k + 4 > bytes.length) return null;
    k += 4 + ((bytes[k] ?? 0) + (bytes[k + 1] ?? 0) * 256) * ((bytes[k + 2] ?? 0) + (bytes[k + 3] ?? 0) * 256) * 8;
  }
  return k - i;
};

export const graphicsCommands: readonly CommandSpec[] = [
  { prefix: [GS, 0x76, 0x30], name: 'GS v 0', support: 'supported', summary: 'raster bit image, normal/double width/double height/quadruple', size: rasterSize, run: gsv0 },
  { prefix: [GS, 0x28, 0x4c], name: 'GS ( L', support: 'supported', summary: 'graphics: store raster/column data in the print buffer (112/113) and print it (50); define and print download/NV graphics (67, 68, 69, 83, 84, 85)', size: lengthAt16(5), run: (m, at, length) => graphicsFunction(m, at, length, 5) },
  {
    prefix: [GS, 0x38, 0x4c], name: 'GS 8 L', support: 'supported', summary: 'graphics functions with a 4-byte length (as GS ( L)',
    size: computed(7, (h) => 7 + h(3) + h(4) * 256 + h(5) * 65536 + h(6) * 16777216), run: (m, at, length) => graphicsFunction(m, at, length, 7),
  },
  { prefix: [ESC, 0x2a], name: 'ESC *', support: 'supported', summary: 'column bit image in the line: 8-dot and 24-dot, single and double density', size: computed(5, (h) => 5 + (h(3) + h(4) * 256) * (h(2) >= 32 ? 3 : 1)), run: bitImage },
  {
    prefix: [GS, 0x2a], name: 'GS *', support: 'supported', summary: 'define the downloaded bit image (x × 8 by y × 8 dots)', size: computed(4, (h) => 4 + h(2) * h(3) * 8),
    run: (m, at) => {
      const x = u8(m, at + 2) * 8;
      const y = u8(m, at + 3) * 8;
      m.state.storedGraphics.set(DOWNLOADED_BIT_IMAGE, columnsToRaster(m.bytes.subarray(at + 4, at + 4 + x * y), x, y));
    },
  },
  {
    prefix: [GS, 0x2f], name: 'GS /', support: 'supported', summary: 'print the downloaded bit image (normal/double width/height)', size: fixed(3),
    run: (m, at) => {
      const g = m.state.storedGraphics.get(DOWNLOADED_BIT_IMAGE);
      const mode = u8(m, at + 2) & 3;
      if (!g) return m.report(`GS / without a downloaded bit image at byte ${at}`);
      placeRaster(m, at, g, mode & 1 ? 2 : 1, mode & 2 ? 2 : 1, 'downloaded bit image');
    },
  },
  { prefix: [FS, 0x71], name: 'FS q', support: 'skipped', summary: 'define NV bit images (read by length, kept on the printer)', size: nvBitImageSize },
  { prefix: [FS, 0x70], name: 'FS p', support: 'skipped', summary: 'print an NV bit image stored on the printer beforehand (reported: not in the stream)', size: fixed(4), run: (m, at) => m.report(`FS p prints NV bit image ${u8(m, at + 2)} stored on the printer, not in this job, at byte ${at}`) },
];
