import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpret } from '../../devices/protocols/escpos/interpreter';
import type { LayoutItem } from '../../devices/protocols/escpos/interpreter';
import { boxPainter } from '../../devices/protocols/escpos/painter';
import { MAX_PAGE_HEIGHT, renderPage } from '../../devices/protocols/escpos/render';
import { VirtualPrinter } from '../../devices/simulators/printer/virtual-printer';

// Property and worst-case tests for the ESC/POS interpreter (issue #23). Fixed run counts and seeds; the
// worst cases check the work caps (symbols encoded, items laid out, paper length), never the time.

const ESC = 0x1b;
const GS = 0x1d;
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const SEED = 20_261_203;

/** Well-formed command fragments a receipt is made of. */
const fragment: fc.Arbitrary<readonly number[]> = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'ABCxyz019 -:'), minLength: 1, maxLength: 20 }).map(ascii),
  fc.constantFrom([0xd6, 0xd0], [0xb0, 0xec, 0xbc, 0xfe], [0xa3, 0xa4]),
  fc.constant([0x0a]),
  fc.integer({ min: 0, max: 0x77 }).map((n) => [GS, 0x21, n & 0x11]),
  fc.integer({ min: 0, max: 2 }).map((n) => [ESC, 0x61, n]),
  fc.integer({ min: 0, max: 255 }).map((n) => [ESC, 0x21, n & 0xb9]),
  fc.integer({ min: 0, max: 300 }).map((n) => [ESC, 0x24, n & 0xff, n >> 8]),
  fc.integer({ min: 0, max: 5 }).map((n) => [ESC, 0x64, n]),
  fc.constantFrom([GS, 0x56, 0x42, 0], [GS, 0x56, 1], [ESC, 0x40], [0x1c, 0x26], [0x1c, 0x2e]),
  fc.constantFrom([GS, 0x6b, 2, ...ascii('690123456789'), 0], [GS, 0x6b, 73, 6, 0x7b, 0x42, ...ascii('TRK1')]),
  fc.string({ unit: fc.constantFrom(...'ABC123'), minLength: 1, maxLength: 12 }).map((s) => [GS, 0x28, 0x6b, s.length + 3, 0, 0x31, 0x50, 0x30, ...ascii(s), GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30]),
  fc.uint8Array({ minLength: 1, maxLength: 8 }).map((bits) => [GS, 0x76, 0x30, 0, 1, 0, bits.length, 0, ...bits]),
);

const sameOutput = (a: ReturnType<typeof interpret>, b: ReturnType<typeof interpret>) => {
  expect(b.lines).toEqual(a.lines);
  expect(b.qrCodes).toEqual(a.qrCodes);
  expect(b.barcodes).toEqual(a.barcodes);
  expect(b.cuts).toBe(a.cuts);
};

describe('ESC/POS interpreter under random input', () => {
  it('never throws on random bytes and keeps its report bounded', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        const job = interpret(bytes, 384);
        expect(job.problems.length).toBeLessThanOrEqual(201);
        expect(job.height).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('renders whatever it read', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1500 }), (bytes) => {
        const page = renderPage(interpret(bytes, 576), boxPainter);
        expect(page.height).toBeLessThanOrEqual(MAX_PAGE_HEIGHT);
      }),
      { numRuns: 40, seed: SEED },
    );
  });

  it('an unknown command between two commands changes nothing else', () => {
    fc.assert(
      fc.property(fc.array(fragment, { minLength: 1, maxLength: 30 }), fc.nat(), (parts, where) => {
        const at = where % (parts.length + 1);
        const plain = interpret(Uint8Array.from(parts.flat()), 576);
        const damaged = interpret(Uint8Array.from([...parts.slice(0, at), [ESC, 0xee], ...parts.slice(at)].flat()), 576);
        sameOutput(plain, damaged);
        expect(damaged.problems.filter((p) => p.startsWith('unknown ESC 0xee'))).toHaveLength(1);
      }),
      { numRuns: 150, seed: SEED },
    );
  });

  it('the virtual printer frames a job the same however the bytes are split', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 25 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 10 }), (parts, cuts) => {
        const job = Uint8Array.from([...parts.flat(), GS, 0x72, 1]);
        const printer = new VirtualPrinter({ painter: boxPainter });
        let i = 0;
        let k = 0;
        while (i < job.length) {
          const n = cuts[k++ % cuts.length] ?? 1;
          printer.feed(job.subarray(i, i + n));
          i += n;
        }
        const stored = printer.recentJobs()[0]?.bytes ?? new Uint8Array();
        if (parts.length > 0 && parts.flat().some((b) => b !== 0)) expect([...stored]).toEqual([...job.subarray(0, job.length - 3)]);
      }),
      { numRuns: 150, seed: SEED },
    );
  });
});

describe('ESC/POS worst cases (work is capped, cost stays linear)', () => {
  const qrStore = (data: string) => [GS, 0x28, 0x6b, data.length + 3, 0, 0x31, 0x50, 0x30, ...ascii(data)];
  const qrPrint = [GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30];
  const qrs = (items: readonly LayoutItem[]) => items.flatMap((i) => (i.kind === 'qr' ? [i] : []));

  it('one QR printed 500 times is encoded once', () => {
    const bytes = Uint8Array.from([GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, 6, ...qrStore('https://example.gov.cn/q?n=TRK2026000123'), ...Array.from({ length: 500 }, () => [...qrPrint, 0x0a, ESC, 0x4a, 4]).flat()]);
    const job = interpret(bytes, 576);
    expect(job.qrCodes).toHaveLength(500);
    expect(new Set(qrs(job.items).map((q) => q.matrix)).size).toBe(1);
    expect(renderPage(job, boxPainter).height).toBeLessThanOrEqual(MAX_PAGE_HEIGHT);
  });

  it('500 different QRs: all decoded, no more than the symbol budget drawn', () => {
    const job = interpret(Uint8Array.from(Array.from({ length: 500 }, (_, k) => [...qrStore(`TRK${k}`), ...qrPrint]).flat()), 576);
    expect(job.qrCodes).toHaveLength(500);
    expect(qrs(job.items).length).toBeLessThanOrEqual(64);
  });

  it('5 KB of maximum-width CODE128s: an out-of-range module width is ignored and over-wide symbols are not drawn', () => {
    const symbol = [GS, 0x6b, 73, 255, 0x7b, 0x42, ...Array.from({ length: 253 }, (_, i) => 0x21 + (i % 90))];
    for (const width of [6, 255]) {
      const job = interpret(Uint8Array.from([GS, 0x77, width, GS, 0x68, 255, ...Array.from({ length: 20 }, () => symbol).flat()]), 576);
      expect(job.barcodes).toHaveLength(20);
      expect(job.items).toEqual([]);
      expect(job.problems.filter((p) => p.includes('does not fit'))).toHaveLength(20);
    }
  });

  it('a wall of the widest CODE128 that fits stops at the paper-length cap', () => {
    const bytes = Uint8Array.from([GS, 0x77, 6, GS, 0x68, 255, ...Array.from({ length: 800 }, (_, k) => [GS, 0x6b, 73, 7, 0x7b, 0x42, ...ascii(String(10000 + k))]).flat()]);
    const job = interpret(bytes, 576);
    expect(job.barcodes).toHaveLength(800);
    expect(job.height).toBeLessThanOrEqual(100_000 + 255);
    expect(job.problems).toEqual([expect.stringMatching(/job too long for the preview/)]);
  });

  it('a flood of line feeds and characters is capped in paper and glyphs', () => {
    const job = interpret(Uint8Array.from([...Array(300_000).fill(0x0a), ...Array(200_000).fill(0x41)]), 576);
    expect(job.height).toBeLessThanOrEqual(100_030);
    expect(job.items).toEqual([]);
    expect(renderPage(job, boxPainter).height).toBe(MAX_PAGE_HEIGHT);
  });
});
