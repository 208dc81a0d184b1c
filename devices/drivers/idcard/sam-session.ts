import type { Transport } from '../../transports/transport';
import { FrameDecoder, parseResponseBody, requestFor } from '../../protocols/idcard';
import type { SamCommand, SamResponse } from '../../protocols/idcard';

export type SessionFailure =
  /** No valid frame in time. `sawBytes` tells a silent line from one that spoke something else. */
  | { readonly ok: false; readonly error: 'timeout'; readonly detail: string; readonly sawBytes: boolean }
  | { readonly ok: false; readonly error: 'offline' | 'busy'; readonly detail: string; readonly sawBytes: boolean };

export type SessionResult = { readonly ok: true; readonly response: SamResponse; readonly latencyMs: number } | SessionFailure;

interface Pending {
  resolve: (result: SessionResult) => void;
  timer: ReturnType<typeof setTimeout>;
  startedAt: number;
  command: SamCommand;
}

/**
 * One SAM command in flight at a time over a byte transport (the SAM has no request IDs). Bytes that
 * arrive while nothing is pending — a late answer after a timeout — are dropped before the next command.
 * Logs nothing itself; results carry command names, status bytes and lengths only, never card data.
 */
export class SamSession {
  private readonly decoder = new FrameDecoder({ minLen: 4 });
  private pending: Pending | null = null;
  private bytesSinceSend = 0;
  private readonly unsubscribe: (() => void)[];
  /** Bytes received in total and frames rejected, for health figures. */
  readonly counters = { bytesIn: 0, bytesOut: 0, staleFrames: 0 };

  constructor(
    readonly transport: Transport,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.unsubscribe = [
      transport.events.on('data', (chunk) => this.onData(chunk)),
      transport.events.on('close', ({ reason }) => this.fail('offline', `link closed: ${reason}`)),
      transport.events.on('error', ({ message }) => this.fail('offline', `link error: ${message}`)),
    ];
  }

  get decoderStats() {
    return this.decoder.stats;
  }

  busy(): boolean {
    return this.pending !== null;
  }

  async send(command: SamCommand, timeoutMs = command.timeoutMs): Promise<SessionResult> {
    if (this.pending) return { ok: false, error: 'busy', detail: `${this.pending.command.name} is still running`, sawBytes: false };
    if (!this.transport.isOpen()) return { ok: false, error: 'offline', detail: 'link is not open', sawBytes: false };
    this.decoder.reset();
    this.bytesSinceSend = 0;
    const request = requestFor(command);
    const result = new Promise<SessionResult>((resolve) => {
      const timer = setTimeout(() => {
        this.settle({ ok: false, error: 'timeout', detail: `${command.name}: no valid answer in ${timeoutMs} ms`, sawBytes: this.bytesSinceSend > 0 });
      }, timeoutMs);
      this.pending = { resolve, timer, startedAt: this.now(), command };
    });
    try {
      this.counters.bytesOut += request.length;
      await this.transport.write(request);
    } catch (error) {
      this.fail('offline', `write failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return result;
  }

  dispose(): void {
    for (const off of this.unsubscribe) off();
    this.fail('offline', 'session closed');
  }

  private onData(chunk: Uint8Array): void {
    this.counters.bytesIn += chunk.length;
    if (!this.pending) return;
    this.bytesSinceSend += chunk.length;
    for (const body of this.decoder.push(chunk)) {
      const response = parseResponseBody(body);
      if (!response || !this.pending) {
        this.counters.staleFrames += 1;
        continue;
      }
      this.settle({ ok: true, response, latencyMs: this.now() - this.pending.startedAt });
    }
  }

  private fail(error: 'offline', detail: string): void {
    if (this.pending) this.settle({ ok: false, error, detail, sawBytes: this.bytesSinceSend > 0 });
  }

  private settle(result: SessionResult): void {
    const pending = this.pending;
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pending = null;
    pending.resolve(result);
  }
}
