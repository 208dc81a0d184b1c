// ID card reader benchmark (issue 3). Prints ONE JSON object.
// 1. Software time of one full read (find + select + read text+photo) through the real driver and
//    serialport over a socat PTY pair — a PTY adds no baud-rate delay, so this is our own overhead (driver,
//    decoder, serialport, kernel PTY, and the simulator answering) — as a fraction of the time the same
//    bytes take on the wire at 115200 baud (the physical floor of a read on a real reader).
// 2. Frame decoder throughput on a 10 MB noisy stream.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SamIdCardReader } from '../devices/drivers/idcard/sam-reader';
import { serialCandidates } from '../devices/drivers/idcard/serial-candidates';
import { encodeResponse, FrameDecoder, PREAMBLE, wireTimeMs } from '../devices/protocols/idcard';
import { SamSimulator } from '../devices/simulators/idcard/sam-simulator';
import { sampleCards } from '../devices/simulators/idcard/sample-cards';
import { SerialTransport } from '../devices/transports/serial';
import { round, summarize } from './stats';

const READS = 1000;
const BAUD = 115200;

async function readBenchmark() {
  const dir = mkdtempSync(join(tmpdir(), 'hall-bench-pty-'));
  const host = join(dir, 'host');
  const device = join(dir, 'device');
  const socat = spawn('socat', [`pty,raw,echo=0,link=${host}`, `pty,raw,echo=0,link=${device}`], { stdio: 'ignore' });
  while (!(existsSync(host) && existsSync(device))) await new Promise((r) => setTimeout(r, 10));
  const sim = new SamSimulator(new SerialTransport({ path: device, baudRate: BAUD }), { findOnlyNewCards: false });
  await sim.start();
  const reader = new SamIdCardReader({ kind: 'bench', candidates: serialCandidates({ path: host, baudRate: BAUD, autoBaud: false }) });
  const opened = await reader.open();
  if (opened.code !== 'ok') throw new Error(`reader did not open: ${opened.detail}`);
  const a = sampleCards[0]?.card;
  const b = sampleCards[1]?.card;
  if (!a || !b) throw new Error('samples missing');
  const samples: number[] = [];
  for (let i = 0; i < READS + 20; i += 1) {
    // Alternate two cards so every cycle is a full find → select → read, never "same card still there".
    sim.place(i % 2 === 0 ? a : b);
    const start = performance.now();
    const result = await reader.pollOnce();
    const elapsed = performance.now() - start;
    if (result.code !== 'ok' || result.value !== 'read') throw new Error(`read ${i} failed: ${JSON.stringify(result)}`);
    if (i >= 20) samples.push(elapsed); // the first reads warm up the JIT
  }
  await reader.close();
  await sim.stop();
  socat.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
  // Bytes on the wire for one read: 3 requests of 10 bytes, find (15), select (19) and read (1295) answers.
  const wireBytes = 3 * 10 + 15 + 19 + 1295;
  const wire = wireTimeMs(wireBytes, BAUD);
  const s = summarize(samples);
  return {
    reads: s.n,
    wireBytes,
    wireMsAt115200: round(wire),
    softwareMs: { p50: round(s.p50), p95: round(s.p95), p99: round(s.p99), max: round(s.max), mean: round(s.mean) },
    ratio: { p50: round(s.p50 / wire, 4), p99: round(s.p99 / wire, 4) },
    target: { p50: 0.1, p99: 0.2 },
    meetsTarget: s.p50 / wire <= 0.1 && s.p99 / wire <= 0.2,
  };
}

function noisyStream(totalBytes: number): { stream: Uint8Array; frames: number } {
  const stream = new Uint8Array(totalBytes);
  let at = 0;
  let frames = 0;
  let seed = 12345;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed >>> 8;
  };
  const big = encodeResponse(0x90, Uint8Array.from({ length: 1288 }, () => rand() & 0xff));
  const small = encodeResponse(0x9f, new Uint8Array(4));
  while (at < totalBytes) {
    const noise = rand() % 600;
    for (let i = 0; i < noise && at < totalBytes; i += 1) stream[at++] = rand() & 0xff;
    const frame = rand() % 3 === 0 ? big : small;
    if (at + frame.length > totalBytes) break;
    stream.set(frame, at);
    at += frame.length;
    frames += 1;
  }
  return { stream: stream.subarray(0, at), frames };
}

function containsPreambleCount(stream: Uint8Array): number {
  let n = 0;
  for (let i = 0; i + 5 <= stream.length; i += 1) if (PREAMBLE.every((p, k) => stream[i + k] === p)) n += 1;
  return n;
}

function decoderBenchmark() {
  const { stream, frames } = noisyStream(10 * 1024 * 1024);
  const preambles = containsPreambleCount(stream);
  const runs: number[] = [];
  let found = 0;
  for (let run = 0; run < 5; run += 1) {
    const decoder = new FrameDecoder({ minLen: 4 });
    found = 0;
    const start = performance.now();
    for (let at = 0; at < stream.length; at += 4096) found += decoder.push(stream.subarray(at, at + 4096)).length;
    runs.push(performance.now() - start);
  }
  const s = summarize(runs);
  const mb = stream.length / (1024 * 1024);
  return {
    megabytes: round(mb, 2),
    chunkBytes: 4096,
    runs: runs.length,
    medianMs: round(s.p50),
    mbPerSecond: round(mb / (s.p50 / 1000), 1),
    framesExpected: frames,
    framesFound: found,
    preamblesInStream: preambles,
  };
}

const read = await readBenchmark();
const decoder = decoderBenchmark();
console.log(JSON.stringify({ name: 'idcard', read, decoder }));
