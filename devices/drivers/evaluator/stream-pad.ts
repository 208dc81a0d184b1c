import { createPadDecoder } from '../../protocols/evaluator/decoder';
import type { PadDecoder, PadInput, PadItem } from '../../protocols/evaluator/decoder';
import { commandStartEvaluation, encodeFrame, fnHostCommand } from '../../protocols/evaluator/frame';
import type { KeyMap } from '../../protocols/evaluator/keymaps';
import { fail } from '../../model/result';
import type { DeviceResult } from '../../model/result';
import type { Transport } from '../../transports/transport';
import { StreamDevice } from '../shared/stream-device';
import type { InteractiveCheck, StreamDeviceOptions } from '../shared/stream-device';
import type { EvaluatorPad, EvaluatorPadEvents } from './pad';

export interface StreamPadOptions extends StreamDeviceOptions {
  readonly input: PadInput;
  readonly keyMap: KeyMap;
  /** Bus address of this window's pad; when unset every address is taken as ours. */
  readonly address?: number;
  readonly repeatWindowMs?: number;
  readonly interactiveTimeoutMs?: number;
}

/**
 * A key pad on the window bus (framed serial, acknowledged by echo) or a USB pad that types keys. Frames
 * are acknowledged even while disabled, so the pad does not keep resending; key events only when enabled.
 */
export class StreamEvaluatorPad extends StreamDevice<EvaluatorPadEvents> implements EvaluatorPad {
  private readonly decoder: PadDecoder;

  constructor(
    transport: Transport,
    private readonly options: StreamPadOptions,
  ) {
    super('evaluator', `evaluator-${options.input}`, transport, options);
    this.decoder = createPadDecoder(options);
  }

  async startEvaluation(): Promise<DeviceResult<void>> {
    if (!this.enabled) return fail('disabled', 'The evaluation pad is not enabled');
    if (this.options.input !== 'bus') return fail('unsupported', 'A USB key pad takes no commands');
    return this.send(encodeFrame({ address: this.options.address ?? 0, fn: fnHostCommand, data: Uint8Array.of(commandStartEvaluation) }));
  }

  protected onBytes(chunk: Uint8Array, nowMs: number): void {
    for (const item of this.decoder.push(chunk, nowMs)) void this.handle(item);
  }

  protected resetInput(): void {
    this.decoder.reset();
  }

  protected interactiveCheck(): InteractiveCheck & { waitFor: 'key' } {
    return { prompt: '按评价器任意键 / press any pad key', timeoutMs: this.options.interactiveTimeoutMs ?? 15_000, waitFor: 'key' };
  }

  private async handle(item: PadItem): Promise<void> {
    if (item.kind === 'reply') {
      await this.send(item.bytes); // a lost link shows up as a status event, not here
    } else if (item.kind === 'rejected') {
      this.events.emit('rejected', { reason: item.reason });
    } else if (this.enabled) {
      this.events.emit('key', { level: item.level, key: item.key });
    }
  }
}
