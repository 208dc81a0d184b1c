import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import EscPosEncoder from 'esc-pos-encoder';
import iconv from 'iconv-lite';
import { ThermalPrinter, PrinterTypes, CharacterSet } from 'node-thermal-printer';
import receiptline from 'receiptline';

// The same hall receipt written by four independent ESC/POS encoders, as a developer in China would use
// them against an 80 mm GB18030 printer: receiptline natively (encoding gb18030), the two Leenheer
// encoders with the hanzi sent as raw GB18030 bytes inside FS & … FS . (they only encode single-byte code
// pages), node-thermal-printer with its CHINA character set (ESC R 15 + GB2312 bytes; the printer is in
// Chinese mode from power-on). Used by tests/integration/escpos-conformance.test.ts and the bench.

export const RECEIPT = {
  title: '办件回执',
  label: '受理编号',
  number: 'TRK2026000123',
  item: '事项：不动产登记',
  qr: 'https://example.gov.cn/q?n=TRK2026000123',
  ean13: '6901234567892',
  code128: 'TRK-2026-000123',
  pdf417: 'PDF417 TRK2026000123',
} as const;

export interface ConformanceStream {
  readonly encoder: string;
  readonly bytes: Uint8Array;
  /** What the document asks for, in this encoder's terms. */
  readonly expect: {
    readonly cuts: number;
    readonly feeds: number;
    /** QR printed natively (GS ( k) rather than as an image. */
    readonly nativeQr: boolean;
    readonly pdf417: boolean;
    /** Left edge of the title's first hanzi in dots. */
    readonly titleX: number;
    /** The label/number pair ends at the right edge of the paper (false: the encoder's own width bug wraps it). */
    readonly pairFits: boolean;
  };
}

const gb = (text: string): number[] => [0x1c, 0x26, ...iconv.encode(text, 'gb18030'), 0x1c, 0x2e];

function receiptlineStream(command: 'escpos' | 'generic'): ConformanceStream {
  const doc = [
    `^^^${RECEIPT.title}`,
    `|${RECEIPT.label} | ${RECEIPT.number}|`,
    RECEIPT.item,
    '-',
    `{code:${RECEIPT.qr};option:qrcode,6,l}`,
    // receiptline packs lines (ESC 3 0): a blank line keeps the QR's quiet zone free of the EAN bars.
    '',
    `{code:${RECEIPT.ean13};option:ean,2,72,hri}`,
    `{code:${RECEIPT.code128};option:code128,2,72,hri}`,
    '',
  ].join('\n');
  const out = receiptline.transform(doc, { cpl: 48, encoding: 'gb18030', command, cutting: true });
  return { encoder: `receiptline (${command})`, bytes: new Uint8Array(Buffer.from(out, 'binary')), expect: { cuts: 1, feeds: 0, nativeQr: false, pdf417: false, titleX: 192, pairFits: true } };
}

interface LeenheerEncoder {
  initialize(): this;
  align(value: 'left' | 'center' | 'right'): this;
  bold(value: boolean): this;
  size(width: number, height: number): this;
  raw(data: number[]): this;
  newline(): this;
  line(value: string): this;
  text(value: string): this;
  qrcode(value: string, model: number, size: number, level: string): this;
  barcode(value: string, symbology: string, options: { height: number; width: number; text: boolean }): this;
  pdf417?(value: string): this;
  rule(): this;
  cut(): this;
  encode(): Uint8Array;
}

function leenheerStream(name: string, encoder: LeenheerEncoder): ConformanceStream {
  let e = encoder
    .initialize()
    .align('center')
    .bold(true)
    .size(2, 2)
    .raw(gb(RECEIPT.title))
    .newline()
    .size(1, 1)
    .bold(false)
    .align('left')
    .raw(gb(RECEIPT.label))
    .raw(Array.from({ length: 48 - 8 - RECEIPT.number.length }, () => 0x20))
    .text(RECEIPT.number)
    .newline()
    .raw(gb(RECEIPT.item))
    .newline()
    .rule()
    .align('center')
    .qrcode(RECEIPT.qr, 2, 6, 'l')
    // width 1 is GS w 2 in both: at their default (GS w 3) this Code 128 is 600 dots, wider than 80 mm paper.
    .barcode(RECEIPT.ean13, 'ean13', { height: 72, width: 1, text: true })
    .barcode(RECEIPT.code128, 'code128', { height: 72, width: 1, text: true });
  if (e.pdf417) e = e.pdf417(RECEIPT.pdf417);
  const bytes = e.cut().encode();
  // The Leenheer encoders align text by padding what they measure; raw bytes get no ESC a, so the title prints at the left.
  return { encoder: name, bytes, expect: { cuts: 1, feeds: 0, nativeQr: true, pdf417: encoder.pdf417 !== undefined, titleX: 0, pairFits: true } };
}

function nodeThermalPrinterStream(): ConformanceStream {
  const p = new ThermalPrinter({ type: PrinterTypes.EPSON, width: 48, characterSet: CharacterSet.CHINA, interface: 'tcp://127.0.0.1:9' });
  p.alignCenter();
  p.bold(true);
  p.setTextQuadArea();
  p.println(RECEIPT.title);
  p.setTextNormal();
  p.bold(false);
  p.alignLeft();
  p.leftRight(RECEIPT.label, RECEIPT.number);
  p.println(RECEIPT.item);
  p.drawLine();
  p.alignCenter();
  p.printQR(RECEIPT.qr, { cellSize: 6, correction: 'L', model: 2 });
  p.newLine();
  // Its typings name the module width LARGE/MEDIUM/SMALL; the implementation sends the number (GS w n).
  const narrow = { hriPos: 2, width: 2, height: 72 } as unknown as Parameters<ThermalPrinter['printBarcode']>[2];
  p.printBarcode(RECEIPT.ean13.slice(0, 12), 67, narrow);
  p.newLine();
  p.code128(RECEIPT.code128, narrow as Parameters<ThermalPrinter['code128']>[1]);
  p.newLine();
  p.cut();
  // cut() queues ESC d 4 twice before GS V 0, then ESC @. Its quad-area title is ESC ! 0x30, which Epson
  // firmware applies to single-byte characters only: the hanzi print at normal size, centred. leftRight()
  // measures 受理编号 as 4 columns instead of 8, so the pair is 4 columns too wide and wraps.
  return { encoder: 'node-thermal-printer', bytes: new Uint8Array(p.getBuffer()), expect: { cuts: 1, feeds: 2, nativeQr: true, pdf417: false, titleX: 240, pairFits: false } };
}

export function conformanceStreams(): ConformanceStream[] {
  return [
    receiptlineStream('escpos'),
    receiptlineStream('generic'),
    leenheerStream('@point-of-sale/receipt-printer-encoder', new ReceiptPrinterEncoder({ columns: 48, language: 'esc-pos' }) as unknown as LeenheerEncoder),
    leenheerStream('esc-pos-encoder', new EscPosEncoder({ columns: 48 }) as unknown as LeenheerEncoder),
    nodeThermalPrinterStream(),
  ];
}
