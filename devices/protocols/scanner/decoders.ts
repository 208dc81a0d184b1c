import { maxScanLength } from '../../../src/contract';
import { HidPosAssembler } from './hid-pos';
import { KeyboardReportDecoder } from './keyboard-report';
import { LineFramer } from './line-framer';
import { finishScan } from './outcome';
import type { FinishOptions, ScanOutcome } from './outcome';
import { decodeScanBytes } from './text';
import { WedgeAssembler, defaultWedgeOptions } from './wedge';
import type { WedgeOptions } from './wedge';

export type ScannerInput = 'hid-pos' | 'keyboard-wedge' | 'serial';

export interface ScanDecoderOptions {
  readonly input: ScannerInput;
  readonly aimPrefix?: boolean;
  readonly maxLength?: number;
  readonly wedge?: Partial<WedgeOptions>;
  /** Serial scanners set up without a CR/LF suffix: a line ends after this much silence. Off by default. */
  readonly serialIdleMs?: number;
}

/**
 * Bytes from one scanner transport in, scan outcomes out. Pure apart from the time the caller passes in;
 * HID transports deliver one report per chunk, serial ones any split.
 */
export interface ScanDecoder {
  push(chunk: Uint8Array, nowMs: number): ScanOutcome[];
  /** When `flush` should next be called (keyboard-wedge idle end), or null. */
  deadline(): number | null;
  flush(nowMs: number): ScanOutcome[];
  reset(): void;
}

// A code of n characters is at most 4n bytes in UTF-8; the text limit is enforced after decoding.
const byteLimit = (maxLength: number): number => maxLength * 4;

export function createScanDecoder(options: ScanDecoderOptions): ScanDecoder {
  const finish: FinishOptions = { aimPrefix: options.aimPrefix ?? false, maxLength: options.maxLength ?? maxScanLength };
  switch (options.input) {
    case 'serial':
      return serialDecoder(finish, options.serialIdleMs);
    case 'hid-pos':
      return hidPosDecoder(finish);
    case 'keyboard-wedge':
      return wedgeDecoder(finish, { ...defaultWedgeOptions, maxLength: finish.maxLength, ...options.wedge });
  }
}

function serialDecoder(finish: FinishOptions, idleMs: number | undefined): ScanDecoder {
  const framer = new LineFramer(byteLimit(finish.maxLength));
  let last = 0;
  const toOutcomes = (frames: ReturnType<LineFramer['push']>): ScanOutcome[] =>
    frames.map((frame) =>
      frame.kind === 'overflow' ? { kind: 'rejected', reason: 'too-long' } : finishScan(decodeScanBytes(frame.bytes), undefined, finish),
    );
  return {
    push(chunk, nowMs) {
      last = nowMs;
      return toOutcomes(framer.push(chunk));
    },
    deadline: () => (idleMs === undefined || framer.pendingBytes() === 0 ? null : last + idleMs),
    flush: (nowMs) => (idleMs === undefined || nowMs - last < idleMs ? [] : toOutcomes(framer.flush())),
    reset: () => framer.reset(),
  };
}

function hidPosDecoder(finish: FinishOptions): ScanDecoder {
  const assembler = new HidPosAssembler(byteLimit(finish.maxLength));
  return {
    push(chunk) {
      const result = assembler.push(chunk);
      if (result === null) return [];
      if (result.kind === 'rejected') return [{ kind: 'rejected', reason: result.reason }];
      // The report carries the AIM identifier; a prefix in the data would be a second copy.
      return [finishScan(decodeScanBytes(result.data), result.aim, { ...finish, aimPrefix: result.aim === undefined && finish.aimPrefix })];
    },
    deadline: () => null,
    flush: () => [],
    reset: () => assembler.reset(),
  };
}

function wedgeDecoder(finish: FinishOptions, wedge: WedgeOptions): ScanDecoder {
  const keyboard = new KeyboardReportDecoder();
  const assembler = new WedgeAssembler(wedge);
  const toOutcomes = (outputs: ReturnType<WedgeAssembler['push']>): ScanOutcome[] =>
    outputs.map((o) => (o.kind === 'rejected' ? { kind: 'rejected', reason: o.reason } : finishScan(o.text, undefined, finish)));
  return {
    push(chunk, nowMs) {
      const outcomes: ScanOutcome[] = [];
      for (const stroke of keyboard.push(chunk)) outcomes.push(...toOutcomes(assembler.push(stroke, nowMs)));
      return outcomes;
    },
    deadline: () => assembler.deadline(),
    flush: (nowMs) => toOutcomes(assembler.flushIfIdle(nowMs)),
    reset() {
      keyboard.reset();
      assembler.reset();
    },
  };
}
