import type { Transport } from '../../transports/transport';

// Matches single-byte printer replies to the request that asked for them. Bytes nobody waits for are
// stale (an answer to a request that already timed out) and are dropped, so a late reply can never be
// taken as the answer to the next question.

interface Waiter {
  accept: (byte: number) => boolean;
  resolve: (byte: number | null) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class ReplyReader {
  private waiter: Waiter | null = null;
  private readonly unsubscribe: (() => void)[];

  constructor(private readonly transport: Transport) {
    this.unsubscribe = [
      transport.events.on('data', (bytes) => {
        for (const b of bytes) this.offer(b);
      }),
      transport.events.on('close', () => this.settle(null)),
    ];
  }

  private offer(byte: number): void {
    const w = this.waiter;
    if (w && w.accept(byte)) this.settle(byte);
  }

  private settle(value: number | null): void {
    const w = this.waiter;
    if (!w) return;
    this.waiter = null;
    clearTimeout(w.timer);
    w.resolve(value);
  }

  /** Writes `request` and waits for the first byte `accept` takes; null on timeout, link loss or write error. */
  async ask(request: Uint8Array, accept: (byte: number) => boolean, timeoutMs: number): Promise<number | null> {
    this.settle(null);
    const answer = new Promise<number | null>((resolve) => {
      this.waiter = { accept, resolve, timer: setTimeout(() => this.settle(null), timeoutMs) };
    });
    try {
      await this.transport.write(request);
    } catch {
      this.settle(null);
    }
    return answer;
  }

  dispose(): void {
    this.settle(null);
    for (const off of this.unsubscribe) off();
  }
}
