import type { EvaluationLevel } from '../../../src/contract';
import type { PadInput } from '../../protocols/evaluator/decoder';
import { FrameDecoder, encodeFrame, fnKeyPress } from '../../protocols/evaluator/frame';
import type { BusFrame } from '../../protocols/evaluator/frame';
import { keyForLevel } from '../../protocols/evaluator/keymaps';
import type { KeyMap } from '../../protocols/evaluator/keymaps';
import { encodeKeyboardReports } from '../../protocols/scanner/keyboard-report';
import type { Transport } from '../../transports/transport';

export type PressResult =
  | { readonly ok: true; readonly acknowledged: boolean; readonly attempts: number }
  | { readonly ok: false; readonly reason: 'no-such-key' };

/** What the simulator panel and tests can do to a simulated evaluation pad. */
export interface EvaluatorSimulatorControl {
  press(level: EvaluationLevel): Promise<PressResult>;
}

export interface PadSimulatorOptions {
  readonly input: PadInput;
  readonly keyMap: KeyMap;
  readonly address?: number;
  /** How long the pad waits for the host's echo before resending (bus only). */
  readonly ackTimeoutMs?: number;
  readonly retries?: number;
}

/**
 * The device end of a key pad: on the bus it sends a function-11 frame per press and resends it when the
 * host's echo does not come back; as a USB pad it types the key. Host commands it receives are recorded.
 */
export class PadSimulator implements EvaluatorSimulatorControl {
  /** Frames the host sent that were not echoes (e.g. "start evaluation"). */
  readonly commands: BusFrame[] = [];
  private readonly decoder = new FrameDecoder();
  private waiting: { raw: string; resolve: () => void } | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly transport: Transport,
    private readonly options: PadSimulatorOptions,
  ) {}

  async open(): Promise<void> {
    await this.transport.open();
    this.unsubscribe?.();
    this.unsubscribe = this.transport.events.on('data', (chunk) => this.onData(chunk));
  }

  async close(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.transport.close();
  }

  async press(level: EvaluationLevel): Promise<PressResult> {
    const key = keyForLevel(this.options.keyMap, level);
    if (key === undefined) return { ok: false, reason: 'no-such-key' };
    if (this.options.input === 'hid-keys') {
      for (const report of encodeKeyboardReports(key, 'none')) await this.transport.write(report);
      return { ok: true, acknowledged: true, attempts: 1 };
    }
    const frame = encodeFrame({ address: this.options.address ?? 1, fn: fnKeyPress, data: Uint8Array.of(Number(key)) });
    const attempts = 1 + (this.options.retries ?? 1);
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      const acked = this.waitForEcho(frame);
      await this.transport.write(frame);
      if (await acked) return { ok: true, acknowledged: true, attempts: attempt };
    }
    return { ok: true, acknowledged: false, attempts };
  }

  private waitForEcho(frame: Uint8Array): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        resolve(false);
      }, this.options.ackTimeoutMs ?? 250);
      this.waiting = {
        raw: frame.join(','),
        resolve: () => {
          clearTimeout(timer);
          this.waiting = null;
          resolve(true);
        },
      };
    });
  }

  private onData(chunk: Uint8Array): void {
    for (const item of this.decoder.push(chunk)) {
      if (item.kind !== 'frame') continue;
      if (this.waiting && item.raw.join(',') === this.waiting.raw) this.waiting.resolve();
      else this.commands.push(item.frame);
    }
  }
}
