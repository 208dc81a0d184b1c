// Scanner and evaluation pad: decoder cost per code/frame, and read latency from the simulated device to
// the driver's event, over the in-memory pair and over a real PTY (socat + serialport).
import { performance } from 'node:perf_hooks';
import { StreamEvaluatorPad } from '../devices/drivers/evaluator/stream-pad';
import { StreamScanner } from '../devices/drivers/scanner/stream-scanner';
import { createPadDecoder } from '../devices/protocols/evaluator/decoder';
import { encodeFrame, fnKeyPress } from '../devices/protocols/evaluator/frame';
import { keyMaps } from '../devices/protocols/evaluator/keymaps';
import { createScanDecoder } from '../devices/protocols/scanner/decoders';
import { encodeHidPosReports } from '../devices/protocols/scanner/hid-pos';
import { encodeKeyboardReports } from '../devices/protocols/scanner/keyboard-report';
import { PadSimulator } from '../devices/simulators/evaluator/pad-simulator';
import { ScannerSimulator } from '../devices/simulators/scanner/scanner-simulator';
import type { Transport } from '../devices/transports/transport';
import { createMemoryPair } from '../devices/transports/memory-pair';
import { SerialTransport } from '../devices/transports/serial';
import { PtyPair } from '../tests/integration/support/pty-pair';
import { round, summarize } from './stats';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const qrText = `https://zwfw.example.gov.cn/track?no=ZW2026000123&sig=${'a1b2c3d4'.repeat(16)}`;

function decodeCost(label: string, rounds: number, run: () => void): { label: string; usPerOp: ReturnType<typeof summarize> } {
  const samples: number[] = [];
  for (let r = 0; r < 20; r += 1) {
    const start = performance.now();
    for (let i = 0; i < rounds; i += 1) run();
    samples.push(((performance.now() - start) * 1000) / rounds);
  }
  const s = summarize(samples);
  return { label, usPerOp: { ...s, p50: round(s.p50), p95: round(s.p95), min: round(s.min), max: round(s.max), mean: round(s.mean), p99: round(s.p99) } };
}

const serialBytes = utf8(`${qrText}\r\n`);
const hidReports = encodeHidPosReports(utf8(qrText), ']Q1');
const wedgeReports = encodeKeyboardReports('6901234567892');
const padFrame = encodeFrame({ address: 1, fn: fnKeyPress, data: Uint8Array.of(2) });

const decoders = [
  decodeCost('serial line (~190 B QR URL)', 2000, () => {
    createScanDecoder({ input: 'serial' }).push(serialBytes, 0);
  }),
  decodeCost('hid-pos 4 reports (~190 B QR URL)', 2000, () => {
    const d = createScanDecoder({ input: 'hid-pos' });
    for (const r of hidReports) d.push(r, 0);
  }),
  decodeCost('keyboard-wedge EAN-13 (28 reports)', 2000, () => {
    const d = createScanDecoder({ input: 'keyboard-wedge' });
    for (const r of wedgeReports) d.push(r, 0);
  }),
  decodeCost('evaluator bus frame', 5000, () => {
    createPadDecoder({ input: 'bus', keyMap: keyMaps['generic-5'] }).push(padFrame, 0);
  }),
];

async function latency(host: Transport, device: Transport, n: number): Promise<{ scanMs: ReturnType<typeof summarize> }> {
  const scanner = new StreamScanner(host, { input: 'serial', aimPrefix: true });
  const sim = new ScannerSimulator(device, { input: 'serial', aimPrefix: true });
  await sim.open();
  await scanner.open();
  await scanner.claim();
  await scanner.enable();
  const scanSamples: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const got = new Promise<void>((resolve) => {
      const off = scanner.events.on('scan', () => {
        off();
        resolve();
      });
    });
    const t = performance.now();
    await sim.scan(`${qrText}-${i}`, 'qr');
    await got;
    scanSamples.push(performance.now() - t);
  }
  await scanner.close();
  await sim.close();
  return { scanMs: summarize(scanSamples) };
}

async function padLatency(host: Transport, device: Transport, n: number): Promise<ReturnType<typeof summarize>> {
  const pad = new StreamEvaluatorPad(host, { input: 'bus', keyMap: keyMaps['generic-5'] });
  const sim = new PadSimulator(device, { input: 'bus', keyMap: keyMaps['generic-5'], ackTimeoutMs: 1000 });
  await sim.open();
  await pad.open();
  await pad.claim();
  await pad.enable();
  const samples: number[] = [];
  for (let i = 0; i < n; i += 1) {
    // a press counts as done when the pad got its echo (the full round trip a real pad waits for)
    const t = performance.now();
    const result = await sim.press(i % 2 === 0 ? '满意' : '非常满意');
    if (!result.ok || !result.acknowledged) throw new Error('press not acknowledged');
    samples.push(performance.now() - t);
  }
  await pad.close();
  await sim.close();
  return summarize(samples);
}

const rounded = (s: ReturnType<typeof summarize>) => ({ n: s.n, p50: round(s.p50), p95: round(s.p95), max: round(s.max) });

const memScanner = createMemoryPair();
const memory = await latency(memScanner.host, memScanner.device, 500);
const memPad = createMemoryPair();
const memoryPad = await padLatency(memPad.host, memPad.device, 500);

const pty = new PtyPair();
await pty.start();
const overPty = await latency(new SerialTransport({ path: pty.host, baudRate: 9600 }), new SerialTransport({ path: pty.device, baudRate: 9600 }), 200);
const padPty = new PtyPair();
await padPty.start();
const padOverPty = await padLatency(new SerialTransport({ path: padPty.host, baudRate: 9600 }), new SerialTransport({ path: padPty.device, baudRate: 9600 }), 200);
await pty.dispose();
await padPty.dispose();

console.log(
  JSON.stringify({
    decodeMicroseconds: Object.fromEntries(decoders.map((d) => [d.label, { p50: d.usPerOp.p50, p95: d.usPerOp.p95 }])),
    scanToEventMs: { memory: rounded(memory.scanMs), pty: rounded(overPty.scanMs) },
    padPressAcknowledgedMs: { memory: rounded(memoryPad), pty: rounded(padOverPty) },
    note: 'PTYs do not emulate baud rate: on a real 9600-baud line a 190-byte code adds ~200 ms of wire time',
  }),
);
