// Worst-case jobs for the ESC/POS interpreter and the preview renderer (issue #23), plus the evaluator's
// bus-frame decoder on one large chunk. Each case is run a few times; the JSON reports medians in ms and,
// for the size series, how the time grows when the input doubles (≈2 linear, ≈4 quadratic).
// Times are for comparison between versions on the same machine; no test asserts on them.
import { interpret } from '../devices/protocols/escpos/interpreter';
import { renderPng } from '../devices/protocols/escpos/render';
import { boxPainter } from '../devices/preview/glyphs';
import { FrameDecoder } from '../devices/protocols/evaluator/frame';
import { round, summarize } from './stats';

const RUNS = 3;
const ESC = 0x1b;
const GS = 0x1d;

/** Median of `runs` timed runs after one untimed warm-up run (module caches, JIT). */
function median(run: () => void, runs = RUNS): number {
  run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    run();
    samples.push(performance.now() - t);
  }
  return round(summarize(samples).p50, 1);
}

function job(parts: readonly (readonly number[])[]): Uint8Array {
  const out: number[] = [ESC, 0x40, 0x1c, 0x26];
  for (const p of parts) for (const b of p) out.push(b);
  return Uint8Array.from(out);
}

const qrData = Array.from(new TextEncoder().encode('https://example.gov.cn/q?n=TRK2026000123'));
const qrStore = [GS, 0x28, 0x6b, qrData.length + 3, 0, 0x31, 0x50, 0x30, ...qrData];
const qrPrint = [GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30];

/** One QR stored once and printed 500 times (≈6 KB). */
const qr500 = job([[GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, 6], qrStore, ...Array.from({ length: 500 }, () => [...qrPrint, 0x0a, ESC, 0x4a, 4])]);

/** ≈5 KB of Code 128 symbols, 255 data bytes each, at the given module width. */
function code128Wall(moduleWidth: number): Uint8Array {
  const symbol = [GS, 0x6b, 73, 255, 0x7b, 0x42, ...Array.from({ length: 253 }, (_, i) => 0x21 + (i % 90))];
  return job([[GS, 0x77, moduleWidth, GS, 0x68, 255, GS, 0x48, 2], ...Array.from({ length: 20 }, () => symbol)]);
}

/** ≈5 KB of the widest Code 128 that still fits 80 mm paper (5 characters at module width 6, 540 dots), full height. */
const code128Fitting = job([
  [GS, 0x77, 6, GS, 0x68, 255, GS, 0x48, 2],
  ...Array.from({ length: 400 }, (_, k) => [GS, 0x6b, 73, 7, 0x7b, 0x42, ...Array.from(String(10000 + k), (c) => c.charCodeAt(0))]),
]);

/** A receipt-sized job for scale: text, one QR, one barcode, a cut. */
const hanzi = [0xb0, 0xec, 0xbc, 0xfe, 0xbb, 0xd8, 0xd6, 0xb4];
const receipt = job([
  [ESC, 0x61, 1, GS, 0x21, 0x11, ...hanzi, 0x0a, GS, 0x21, 0],
  ...Array.from({ length: 20 }, () => [...hanzi, 0x20, ...Array.from('TRK2026000123', (c) => c.charCodeAt(0)), 0x0a]),
  [GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, 6],
  qrStore,
  qrPrint,
  [GS, 0x77, 2, GS, 0x68, 80, GS, 0x6b, 73, 8, 0x7b, 0x42, ...Array.from('TRK-0001', (c) => c.charCodeAt(0))],
  [GS, 0x56, 0x42, 0],
]);

function escposCase(bytes: Uint8Array, runs = RUNS) {
  const interpretMs = median(() => void interpret(bytes, 576), runs);
  const parsed = interpret(bytes, 576);
  const totalMs = median(() => void renderPng(interpret(bytes, 576), boxPainter), runs);
  return { bytes: bytes.length, interpretMs, renderAndInterpretMs: totalMs, problems: parsed.problems.length, items: parsed.items.length };
}

/** `FF 68 03 04 68` repeated: every candidate frame start has a bad layout and costs the decoder one shift. */
function frameGarbage(size: number): Uint8Array {
  const unit = [0xff, 0x68, 0x03, 0x04, 0x68];
  return Uint8Array.from({ length: size }, (_, i) => unit[i % unit.length] ?? 0);
}

function frameSeries(sizes: readonly number[]) {
  const ms = sizes.map((size) => {
    const chunk = frameGarbage(size);
    return median(() => void new FrameDecoder().push(chunk));
  });
  const growth = ms.slice(1).map((t, i) => round(t / Math.max(ms[i] ?? 1, 0.05), 2));
  return { sizes, ms, growthPerDoubling: growth };
}

function qrSeries(counts: readonly number[]) {
  const ms = counts.map((n) => {
    const bytes = job([[GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, 6], qrStore, ...Array.from({ length: n }, () => [...qrPrint, 0x0a])]);
    return median(() => void renderPng(interpret(bytes, 576), boxPainter), 1);
  });
  return { prints: counts, ms, growthPerDoubling: ms.slice(1).map((t, i) => round(t / Math.max(ms[i] ?? 1, 0.05), 2)) };
}

const result = {
  runs: RUNS,
  receipt: escposCase(receipt, 20),
  qr500: escposCase(qr500, 1),
  code128Module6: escposCase(code128Wall(6), 1),
  code128Module255: escposCase(code128Wall(255), 1),
  code128FittingWall: escposCase(code128Fitting, 1),
  qrPrintSeries: qrSeries([50, 100, 200]),
  frameDecoderOneChunk: frameSeries([16_384, 32_768, 65_536]),
  frameDecoderLargeChunk: frameSeries([262_144, 524_288, 1_048_576]),
};
console.log(JSON.stringify(result));
