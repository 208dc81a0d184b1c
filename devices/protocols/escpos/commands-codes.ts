import QRCode from 'qrcode';
import { decodeBarcode } from './barcode-decode';
import type { Machine } from './machine';
import { u8 } from './machine';
import type { CommandSpec, SizeRule } from './table';
import { GS, fixed, lengthAt16 } from './table';

// 1-D barcodes (GS k, both forms, with GS h / w / H / f) and 2-D codes (GS ( k: QR and PDF417).

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

/** Symbol data as a phone would show it: UTF-8 if it is valid UTF-8, else GB18030, else Latin-1. */
export function symbolText(data: Uint8Array): string {
  try {
    return utf8.decode(data);
  } catch {
    try {
      return gb18030.decode(data);
    } catch {
      return String.fromCharCode(...data);
    }
  }
}

/** GS k m d1…dk NUL (m 0–6) or GS k m n d1…dn (m ≥ 65). */
const barcodeSize: SizeRule = (bytes, i) => {
  const m = bytes[i + 2];
  if (m === undefined) return null;
  if (m >= 65) {
    const n = bytes[i + 3];
    return n === undefined ? null : 4 + n;
  }
  for (let k = i + 3; k < bytes.length && k < i + 3 + 256; k += 1) if (bytes[k] === 0) return k - i + 1;
  return i + 3 + 256 <= bytes.length ? 3 + 256 : null;
};

const HRI_GAP = 4;

function printBarcode(m: Machine, at: number, length: number): void {
  const kind = u8(m, at + 2);
  const data = kind >= 65 ? m.bytes.subarray(at + 4, at + length) : m.bytes.subarray(at + 3, at + length - 1);
  const result = decodeBarcode(kind, data);
  if (!result.ok) return m.report(`${result.reason} at byte ${at}: not printed`);
  const { symbology, text, modules } = result.barcode;
  const b = m.state.barcode;
  const moduleCount = modules?.length ?? (symbology === 'CODE93' ? (text.length + 4) * 9 + 1 : text.length * 12);
  const width = moduleCount * b.moduleWidth;
  const x = m.layout.blockX(m.state, width);
  m.tallies.barcodes.push(text);
  if (x === null) return m.report(`${symbology} ${width} dots wide does not fit the print area at byte ${at}: not printed`);
  const hriHeight = b.hriFont === 1 ? 17 : 24;
  const above = b.hri === 1 || b.hri === 3 ? hriHeight + HRI_GAP : 0;
  const below = b.hri === 2 || b.hri === 3 ? hriHeight + HRI_GAP : 0;
  m.layout.block(m.state, above + b.height + below, (y) => ({
    kind: 'barcode', x, y, width, height: b.height, data: text, symbology, hri: b.hri !== 0, hriPosition: b.hri, hriFont: b.hriFont,
    moduleWidth: b.moduleWidth, bars: modules, barsY: y + above,
  }));
}

const QR_LEVELS = ['L', 'M', 'Q', 'H'] as const;

function printQr(m: Machine, at: number): void {
  const qr = m.state.qr;
  if (!qr.data || qr.data.length === 0) return m.report(`QR print without stored data at byte ${at}`);
  const text = symbolText(qr.data);
  m.tallies.qrCodes.push(text);
  if (qr.model !== 50) m.report(`QR model ${qr.model === 49 ? 1 : 'micro'} drawn as model 2 at byte ${at}`);
  const key = `${qr.level}:${Array.from(qr.data, (b) => b.toString(16)).join('')}`;
  let symbol = m.qrCache.get(key);
  if (symbol === undefined) {
    if (!m.spendSymbol()) return;
    try {
      const created = QRCode.create([{ data: qr.data, mode: 'byte' }], { errorCorrectionLevel: qr.level });
      symbol = { modules: created.modules.size, matrix: Array.from(created.modules.data, (v) => v !== 0) };
    } catch {
      symbol = null;
    }
    m.qrCache.set(key, symbol);
  }
  if (!symbol) return m.report(`QR data (${qr.data.length} bytes) does not fit a symbol at level ${qr.level} at byte ${at}`);
  const size = symbol.modules * qr.cell;
  const x = m.layout.blockX(m.state, size);
  if (x === null) return m.report(`QR ${size} dots wide does not fit the print area at byte ${at}: not printed`);
  const { modules, matrix } = symbol;
  m.layout.block(m.state, size, (y) => ({ kind: 'qr', x, y, cell: qr.cell, modules, data: text, level: qr.level, matrix }));
}

/** PDF417 is decoded, not drawn: a box of about the printed size stands in (no maintained encoder is a dependency). */
function printPdf417(m: Machine, at: number): void {
  const p = m.state.pdf417;
  if (!p.data || p.data.length === 0) return m.report(`PDF417 print without stored data at byte ${at}`);
  const text = symbolText(p.data);
  m.tallies.pdf417.push(text);
  const codewords = Math.ceil((p.data.length * 5) / 6) + 2 + 2 ** (p.level + 1);
  const columns = p.columns > 0 ? p.columns : Math.min(30, Math.max(1, Math.round(Math.sqrt(codewords / 3))));
  const rows = p.rows > 0 ? p.rows : Math.min(90, Math.max(3, Math.ceil(codewords / columns)));
  const width = (17 * columns + (p.truncated ? 35 : 69)) * p.moduleWidth;
  const height = rows * p.rowHeight * p.moduleWidth;
  const x = m.layout.blockX(m.state, width);
  if (x === null) return m.report(`PDF417 ${width} dots wide does not fit the print area at byte ${at}: not printed`);
  m.layout.block(m.state, height, (y) => ({ kind: 'pdf417', x, y, width, height, data: text }));
}

const SYMBOL_NAMES: Record<number, string> = { 50: 'MaxiCode', 51: 'GS1 DataBar', 52: 'Composite', 53: 'Aztec', 54: 'DataMatrix' };

function symbolFunction(m: Machine, at: number, length: number): void {
  const cn = u8(m, at + 5);
  const fn = u8(m, at + 6);
  const n = u8(m, at + 7);
  if (cn === 0x31) {
    const qr = m.state.qr;
    if (fn === 0x41) qr.model = n;
    else if (fn === 0x43) qr.cell = n >= 1 && n <= 16 ? n : qr.cell;
    else if (fn === 0x45) qr.level = QR_LEVELS[n - 48] ?? qr.level;
    else if (fn === 0x50) qr.data = m.bytes.slice(at + 8, at + length);
    else if (fn === 0x51) printQr(m, at);
    else if (fn !== 0x52) m.report(`GS ( k QR function ${fn} unknown at byte ${at}`);
  } else if (cn === 0x30) {
    const p = m.state.pdf417;
    if (fn === 0x41) p.columns = Math.min(30, n);
    else if (fn === 0x42) p.rows = n === 0 || (n >= 3 && n <= 90) ? n : p.rows;
    else if (fn === 0x43) p.moduleWidth = n >= 2 && n <= 8 ? n : p.moduleWidth;
    else if (fn === 0x44) p.rowHeight = n >= 2 && n <= 8 ? n : p.rowHeight;
    else if (fn === 0x45) p.level = n === 48 ? Math.min(8, Math.max(0, u8(m, at + 8) - 48)) : Math.min(8, Math.max(1, Math.ceil(Math.log2(Math.max(2, u8(m, at + 8))))));
    else if (fn === 0x46) p.truncated = (n & 1) === 1;
    else if (fn === 0x50) p.data = m.bytes.slice(at + 8, at + length);
    else if (fn === 0x51) printPdf417(m, at);
    else if (fn !== 0x52) m.report(`GS ( k PDF417 function ${fn} unknown at byte ${at}`);
  } else if (fn === 0x51) {
    m.report(`${SYMBOL_NAMES[cn] ?? `2-D symbol type ${cn}`} is not modelled at byte ${at}: not printed`);
  }
}

export const codeCommands: readonly CommandSpec[] = [
  { prefix: [GS, 0x6b], name: 'GS k', support: 'supported', summary: 'print 1-D barcode: UPC-A/E, EAN-13/8, CODE39, ITF, CODABAR, CODE93, CODE128 (both forms)', size: barcodeSize, run: printBarcode },
  { prefix: [GS, 0x68], name: 'GS h', support: 'supported', summary: 'barcode height', size: fixed(3), run: (m, at) => void (m.state.barcode.height = Math.max(1, u8(m, at + 2))) },
  {
    prefix: [GS, 0x77], name: 'GS w', support: 'supported', summary: 'barcode module width 1–6', size: fixed(3),
    run: (m, at) => {
      const n = u8(m, at + 2);
      if (n >= 1 && n <= 6) m.state.barcode.moduleWidth = n;
      else m.report(`GS w ${n} out of range 1–6 at byte ${at}: ignored`);
    },
  },
  { prefix: [GS, 0x48], name: 'GS H', support: 'supported', summary: 'HRI position: none/above/below/both', size: fixed(3), run: (m, at) => void (m.state.barcode.hri = u8(m, at + 2) & 3) },
  { prefix: [GS, 0x66], name: 'GS f', support: 'supported', summary: 'HRI font A/B', size: fixed(3), run: (m, at) => void (m.state.barcode.hriFont = (u8(m, at + 2) & 1) === 1 ? 1 : 0) },
  { prefix: [GS, 0x28, 0x6b], name: 'GS ( k', support: 'supported', summary: '2-D codes: QR (model, size, level, store, print) and PDF417 (columns, rows, widths, level, options, store, print)', size: lengthAt16(5), run: symbolFunction },
];
