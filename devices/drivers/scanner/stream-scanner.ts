import { createScanDecoder } from '../../protocols/scanner/decoders';
import type { ScanDecoder, ScanDecoderOptions } from '../../protocols/scanner/decoders';
import type { ScanOutcome } from '../../protocols/scanner/outcome';
import type { Transport } from '../../transports/transport';
import { StreamDevice } from '../shared/stream-device';
import type { InteractiveCheck, StreamDeviceOptions } from '../shared/stream-device';
import type { Scanner, ScannerEvents } from './scanner';

export type StreamScannerOptions = ScanDecoderOptions & StreamDeviceOptions & { readonly interactiveTimeoutMs?: number };

/**
 * A scanner on any byte transport, in one of three input kinds: USB HID-POS reports, HID keyboard-wedge
 * reports (one report per transport chunk), or serial lines. Scans are emitted only while enabled.
 */
export class StreamScanner extends StreamDevice<ScannerEvents> implements Scanner {
  private readonly decoder: ScanDecoder;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private scans = 0;
  private readonly rejected: Record<string, number> = {};

  constructor(
    transport: Transport,
    private readonly options: StreamScannerOptions,
  ) {
    super('scanner', `scanner-${options.input}`, transport, options);
    this.decoder = createScanDecoder(options);
  }

  counts(): { scans: number; rejected: Readonly<Record<string, number>> } {
    return { scans: this.scans, rejected: { ...this.rejected } };
  }

  protected onBytes(chunk: Uint8Array, nowMs: number): void {
    this.deliver(this.decoder.push(chunk, nowMs));
    this.armFlush();
  }

  protected resetInput(): void {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.decoder.reset();
  }

  protected interactiveCheck(): InteractiveCheck & { waitFor: 'scan' } {
    return { prompt: '扫描任意条码 / scan any code', timeoutMs: this.options.interactiveTimeoutMs ?? 15_000, waitFor: 'scan' };
  }

  /** Keyboard-wedge scans without a terminator end after a quiet period. */
  private armFlush(): void {
    const deadline = this.decoder.deadline();
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (deadline === null) return;
    this.flushTimer = setTimeout(
      () => {
        this.flushTimer = null;
        this.deliver(this.decoder.flush(this.now()));
        this.armFlush();
      },
      Math.max(0, deadline - this.now()) + 1,
    );
  }

  private deliver(outcomes: readonly ScanOutcome[]): void {
    for (const outcome of outcomes) {
      if (outcome.kind === 'rejected') {
        this.rejected[outcome.reason] = (this.rejected[outcome.reason] ?? 0) + 1;
        this.events.emit('rejected', { reason: outcome.reason });
      } else if (this.enabled) {
        this.scans += 1;
        this.events.emit('scan', outcome.scan);
      }
    }
  }
}
