// ESC/POS command bytes for the subset a hall receipt needs (see shared/specs/printer-evaluator.md A1, A4).
// Only byte builders live here; layout and text encoding are elsewhere.

export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const LF = 0x0a;

export type Bytes = readonly number[];

const clampByte = (n: number) => Math.max(0, Math.min(255, Math.trunc(n)));

export const initialize: Bytes = [ESC, 0x40];
/** Chinese (Kanji) mode on: bytes ≥ 0x80 are read as 2-byte GB18030 codes. */
export const chineseModeOn: Bytes = [FS, 0x26];
export const chineseSpacingZero: Bytes = [FS, 0x53, 0, 0];
export const rightSpacingZero: Bytes = [ESC, 0x20, 0];
export const defaultLineSpacing: Bytes = [ESC, 0x32];
/** Stops citizens feeding paper with the FEED key on a kiosk. */
export const disablePanelButtons: Bytes = [ESC, 0x63, 0x35, 1];

export const alignCode = { left: 0, center: 1, right: 2 } as const;
export const align = (a: keyof typeof alignCode): Bytes => [ESC, 0x61, alignCode[a]];
export const bold = (on: boolean): Bytes => [ESC, 0x45, on ? 1 : 0];
/** ASCII underline (ESC -) and hanzi underline (FS -) together. */
export const underline = (on: boolean): Bytes => [ESC, 0x2d, on ? 1 : 0, FS, 0x2d, on ? 1 : 0];
/** GS ! — width and height multipliers 1–8. */
export const size = (width: number, height: number): Bytes => [GS, 0x21, ((clampByte(width - 1) & 7) << 4) | (clampByte(height - 1) & 7)];
export const feedLines = (n: number): Bytes => [ESC, 0x64, clampByte(n)];

/** Function B cut: the printer feeds to the cutter itself, so the cut never lands in the text. */
export const cut = (partial: boolean): Bytes => [GS, 0x56, partial ? 0x42 : 0x41, 0];

export const qrLevelCode = { L: 0x30, M: 0x31, Q: 0x32, H: 0x33 } as const;

/** GS ( k, model 2: set model, module size, error correction, store, print. */
export function qr(data: Uint8Array, cell: number, level: keyof typeof qrLevelCode): number[] {
  const storeLength = data.length + 3;
  return [
    ...[GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0],
    ...[GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, clampByte(cell)],
    ...[GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, qrLevelCode[level]],
    ...[GS, 0x28, 0x6b, storeLength & 0xff, (storeLength >> 8) & 0xff, 0x31, 0x50, 0x30],
    ...data,
    ...[GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30],
  ];
}

/** Code 128 (GS k 73) with code set B; a literal `{` is escaped as `{{`. */
export function code128(data: string, height: number, moduleWidth: number, hri: boolean): number[] {
  const payload = [0x7b, 0x42, ...Array.from(data.replaceAll('{', '{{'), (c) => c.charCodeAt(0) & 0x7f)];
  return [
    ...[GS, 0x48, hri ? 2 : 0],
    ...[GS, 0x66, 0],
    ...[GS, 0x68, clampByte(height)],
    ...[GS, 0x77, clampByte(moduleWidth)],
    ...[GS, 0x6b, 73, clampByte(payload.length)],
    ...payload,
  ];
}

/** GS v 0 — raster bit image, normal density; `bits` rows of ceil(width / 8) bytes. */
export function rasterImage(width: number, height: number, bits: Uint8Array): number[] {
  const widthBytes = Math.ceil(width / 8);
  return [GS, 0x76, 0x30, 0, widthBytes & 0xff, (widthBytes >> 8) & 0xff, height & 0xff, (height >> 8) & 0xff, ...bits];
}

/** DLE EOT n — real-time status, answered at once with one byte even when the printer is offline. */
export const realtimeStatus = (n: 1 | 2 | 3 | 4): Bytes => [DLE, 0x04, n];
/** DLE ENQ 2 — recover from an error after clearing the buffers. */
export const recoverClearing: Bytes = [DLE, 0x05, 2];
/** GS r 1 — paper sensor status; answered only after everything before it was processed (end-of-job marker). */
export const transmitPaperStatus: Bytes = [GS, 0x72, 1];
