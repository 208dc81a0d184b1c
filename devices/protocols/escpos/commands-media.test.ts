import { describe, expect, it } from 'vitest';
import { interpret } from './interpreter';
import type { LayoutItem } from './interpreter';
import { boxPainter } from './painter';
import { renderPage } from './render';

// Barcodes, 2-D codes and images on hand-written bytes.

const ESC = 0x1b;
const GS = 0x1d;
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const run = (...parts: (number | number[])[]) => interpret(Uint8Array.from(parts.flat()), 576);
const of = <K extends LayoutItem['kind']>(items: readonly LayoutItem[], kind: K) => items.filter((i): i is Extract<LayoutItem, { kind: K }> => i.kind === kind);
const barcodeA = (m: number, data: string) => [GS, 0x6b, m, ...ascii(data), 0];
const barcodeB = (m: number, data: number[]) => [GS, 0x6b, m, data.length, ...data];

describe('GS k', () => {
  it('reads both forms, adds or checks EAN/UPC check digits, and refuses what a printer refuses', () => {
    const job = run(
      barcodeA(2, '690123456789'),
      barcodeA(2, '6901234567891'),
      barcodeB(65, ascii('03600029145')),
      barcodeB(66, ascii('0123456')),
      barcodeB(68, ascii('9638507')),
      barcodeB(69, ascii('*HALL-1*')),
      barcodeB(70, ascii('12345')),
      barcodeB(71, ascii('A40156B')),
      barcodeB(73, [0x7b, 0x43, 20, 26, 0x7b, 0x42, ...ascii('-A')]),
      barcodeB(73, ascii('no code set')),
    );
    expect(job.barcodes).toEqual(['6901234567892', '036000291452', '01234565', '96385074', 'HALL-1', 'A40156B', '2026-A']);
    expect(job.problems).toEqual([
      expect.stringMatching(/^EAN-13 check digit 1 should be 2 at byte 16/),
      expect.stringMatching(/^ITF takes an even number of digits/),
      expect.stringMatching(/^CODE128 data must start with/),
    ]);
    expect(of(job.items, 'barcode').map((b) => [b.symbology, b.bars === null])).toContainEqual(['CODABAR', true]);
  });

  it('uses GS h / w / H / f, ignores a module width outside 1–6, and does not print a symbol wider than the paper', () => {
    const job = run([GS, 0x68, 50, GS, 0x77, 2, GS, 0x48, 3, GS, 0x66, 1, GS, 0x77, 255], barcodeA(2, '690123456789'), [GS, 0x77, 6], barcodeB(73, [0x7b, 0x42, ...ascii('TOO-WIDE-FOR-PAPER')]));
    const [ean] = of(job.items, 'barcode');
    expect(ean).toMatchObject({ width: 95 * 2, height: 50, hriPosition: 3, hriFont: 1, barsY: ean?.y === undefined ? -1 : ean.y + 21 });
    expect(job.problems).toEqual([expect.stringMatching(/GS w 255 out of range/), expect.stringMatching(/CODE128 \d+ dots wide does not fit/)]);
    expect(job.height).toBe(21 + 50 + 21);
  });
});

describe('GS ( k', () => {
  const qrStore = (data: string) => [GS, 0x28, 0x6b, data.length + 3, 0, 0x31, 0x50, 0x30, ...ascii(data)];
  const qrPrint = [GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30];

  it('prints a stored QR at the set module size and level, building the matrix once per job', () => {
    const job = run([GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, 5, GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, 0x33], qrStore('TRK1'), qrPrint, qrPrint);
    const [a, b] = of(job.items, 'qr');
    expect(job.qrCodes).toEqual(['TRK1', 'TRK1']);
    expect(a).toMatchObject({ cell: 5, level: 'H', modules: 21 });
    expect(b?.matrix).toBe(a?.matrix);
    expect(job.height).toBe(2 * 21 * 5);
  });

  it('reports a print without data, data too long for a symbol, and draws no more than the symbol budget', () => {
    expect(run(qrPrint).problems).toEqual(['QR print without stored data at byte 0']);
    const big = 'x'.repeat(3000);
    expect(run([GS, 0x28, 0x6b, (big.length + 3) & 0xff, (big.length + 3) >> 8, 0x31, 0x50, 0x30, ...ascii(big)], qrPrint).problems[0]).toMatch(/does not fit a symbol/);
    const many = interpret(Uint8Array.from(Array.from({ length: 70 }, (_, k) => [...qrStore(`Q${k}`), ...qrPrint]).flat()), 576, { maxSymbols: 64 });
    expect(many.qrCodes).toHaveLength(70);
    expect(of(many.items, 'qr')).toHaveLength(64);
    expect(many.problems).toEqual([expect.stringMatching(/more than 64 different 2-D symbols/)]);
  });

  it('decodes PDF417 settings and data; other 2-D types are reported', () => {
    const data = 'PDF417 DATA';
    const job = run([GS, 0x28, 0x6b, 3, 0, 0x30, 0x41, 4, GS, 0x28, 0x6b, data.length + 3, 0, 0x30, 0x50, 0x30, ...ascii(data), GS, 0x28, 0x6b, 3, 0, 0x30, 0x51, 0x30], [GS, 0x28, 0x6b, 3, 0, 0x36, 0x51, 0x30]);
    expect(job.pdf417).toEqual([data]);
    expect(of(job.items, 'pdf417')[0]).toMatchObject({ width: (17 * 4 + 69) * 3 });
    expect(job.problems).toEqual([expect.stringMatching(/^DataMatrix is not modelled/)]);
  });
});

describe('images', () => {
  it('GS v 0 at double width and height, clipped when wider than the print area', () => {
    const job = run([ESC, 0x61, 1, GS, 0x76, 0x30, 3, 2, 0, 3, 0, 0xff, 0x00, 0x81, 0x42, 0x24, 0x18], [GS, 0x76, 0x30, 0, 80, 0, 1, 0, ...Array(80).fill(0xff)]);
    const [small, wide] = of(job.items, 'raster');
    expect(small).toMatchObject({ width: 32, height: 6, x: (576 - 32) / 2, scaleX: 2, scaleY: 2 });
    expect(wide).toMatchObject({ width: 640, x: 0 });
    expect(job.problems).toEqual([expect.stringMatching(/wider than the print area at byte 17: clipped/)]);
  });

  it('GS ( L / GS 8 L: print-buffer graphics, and download graphics defined then printed by key', () => {
    const store = [GS, 0x28, 0x4c, 12, 0, 0x30, 112, 48, 1, 2, 49, 8, 0, 2, 0, 0xaa, 0x55];
    const print = [GS, 0x28, 0x4c, 2, 0, 0x30, 50];
    const store8 = [GS, 0x38, 0x4c, 11, 0, 0, 0, 0x30, 112, 48, 2, 1, 49, 8, 0, 1, 0, 0xff];
    const define = [GS, 0x28, 0x4c, 12, 0, 0x30, 83, 48, 0x41, 0x42, 1, 8, 0, 1, 0, 49, 0xf0];
    const printKey = (k2: number) => [GS, 0x28, 0x4c, 6, 0, 0x30, 85, 0x41, k2, 1, 1];
    const job = run(store, print, store8, print, define, printKey(0x42), printKey(0x43));
    expect(of(job.items, 'raster').map((r) => [r.width, r.height])).toEqual([[8, 4], [16, 1], [8, 1]]);
    expect(job.problems).toEqual([expect.stringMatching(/graphics key AC printed before it was defined/)]);
  });

  it('ESC * bands sit in the text line; 8-dot modes print each dot three rows tall', () => {
    const job = run(ascii('A'), [ESC, 0x2a, 33, 2, 0, 0xff, 0, 0, 0, 0xff, 0], [ESC, 0x2a, 0, 1, 0, 0x80], 0x0a);
    const bands = of(job.items, 'raster');
    expect(bands.map((b) => [b.x, b.width, b.height])).toEqual([[12, 2, 24], [14, 2, 24]]);
    expect(job.lines).toEqual(['A']);
  });

  it('GS * defines and GS / prints the downloaded bit image', () => {
    const job = run([GS, 0x2a, 1, 1, 0xff, 0, 0, 0, 0, 0, 0, 0], [GS, 0x2f, 0]);
    expect(of(job.items, 'raster')[0]).toMatchObject({ width: 8, height: 8 });
  });
});

describe('limits and drawing', () => {
  it('stops laying out a runaway job and says so once, still counting what it reads', () => {
    const job = interpret(Uint8Array.from([...Array(2000).fill(0x0a), GS, 0x56, 0]), 576, { limits: { maxLength: 3000 } });
    expect(job.problems).toEqual([expect.stringMatching(/more than 3000 dots of paper/)]);
    expect(job.cuts).toBe(1);
    expect(job.height).toBeLessThan(3100);
  });

  it('draws box-drawing characters as the printer font does: lines through the cell middle, joined', () => {
    // packed lines (ESC 3 24), as receiptline prints its tables
    const page = renderPage(run([ESC, 0x33, 24, 0x1c, 0x2e, ESC, 0x74, 1, 0x98, 0x95, 0x0a, 0x96, 0x0a]), boxPainter);
    const column = (x: number, y0: number, y1: number) => Array.from({ length: y1 - y0 }, (_, k) => page.get(x, y0 + k)).every(Boolean);
    expect(column(8 + 5, 8 + 11, 8 + 24 + 24)).toBe(true);
    expect(Array.from({ length: 18 }, (_, k) => page.get(8 + 5 + k, 8 + 11)).every(Boolean)).toBe(true);
  });

  it('draws reverse text white on black', () => {
    const page = renderPage(run([GS, 0x42, 1], ascii('WW'), 0x0a), boxPainter);
    let black = 0;
    for (let y = 8; y < 32; y += 1) for (let x = 8; x < 32; x += 1) black += page.get(x, y) ? 1 : 0;
    expect(black).toBeGreaterThan(24 * 24 * 0.8);
  });
});
