// The one reconnect policy of every driver that owns a link (scanners and pads, the SAM reader, the ESC/POS
// printer): how long to wait before the next attempt, what a transport's failure means as a device result,
// and a timer-driven loop for drivers that have no polling loop of their own to retry from.
import { fail, ok } from '../../model/result';
import type { DeviceResult } from '../../model/result';
import { TransportError } from '../../transports/transport';
import type { Transport } from '../../transports/transport';

/** Reopen delays after the link went away: doubles from `initialMs` up to `maxMs`. */
export interface BackoffSchedule {
  readonly initialMs: number;
  readonly maxMs: number;
}

/**
 * A TransportError as a device result: nothing at the port is `no-hardware`, a port someone else holds is
 * `busy`, a silent device is `timeout`, everything else (I/O, closed, unusable configuration) `offline`.
 * Anything that is not a TransportError is a driver-side `failure`.
 */
export function linkFailure(error: unknown): DeviceResult<never> {
  if (error instanceof TransportError) {
    if (error.kind === 'not-found') return fail('no-hardware', error.message);
    if (error.kind === 'busy') return fail('busy', error.message);
    if (error.kind === 'timeout') return fail('timeout', error.message);
    return fail('offline', error.message);
  }
  return fail('failure', error instanceof Error ? error.message : String(error));
}

/** Opens `transport`; a failure comes back as a result, never a throw. */
export async function openLink(transport: Transport): Promise<DeviceResult<void>> {
  try {
    await transport.open();
    return ok(undefined);
  } catch (error) {
    return linkFailure(error);
  }
}

/** The waiting half of the policy, for drivers that sleep in their own loop (the SAM reader). */
export class Backoff {
  private nextMs: number;

  constructor(readonly schedule: BackoffSchedule) {
    if (!(schedule.initialMs >= 0) || !(schedule.maxMs >= schedule.initialMs)) {
      throw new RangeError(`backoff needs 0 <= initialMs <= maxMs (got ${schedule.initialMs}, ${schedule.maxMs})`);
    }
    this.nextMs = schedule.initialMs;
  }

  /** The delay before the next attempt; the one after it is twice as long, up to `maxMs`. */
  take(): number {
    const delay = this.nextMs;
    this.nextMs = Math.min(Math.max(this.nextMs * 2, 1), this.schedule.maxMs);
    return delay;
  }

  /** The link is back: the next loss starts again from `initialMs`. */
  reset(): void {
    this.nextMs = this.schedule.initialMs;
  }
}

/**
 * Retries `attempt` on a timer, waiting the backoff between tries, until one reports success (true) or
 * `stop()` is called. One reconnector per link: `start()` while already trying does nothing.
 */
export class Reconnector {
  private readonly backoff: Backoff;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private trying = false;
  /** Bumped by stop(): an attempt already running when the driver closed must not schedule another. */
  private generation = 0;

  constructor(
    schedule: BackoffSchedule,
    private readonly attempt: () => Promise<boolean>,
  ) {
    this.backoff = new Backoff(schedule);
  }

  /** True from start() until an attempt succeeds or stop(). */
  get active(): boolean {
    return this.trying;
  }

  start(): void {
    if (this.trying) return;
    this.trying = true;
    this.schedule();
  }

  /** Tries at once instead of waiting out the delay (the device was seen coming back); no-op when idle. */
  now(): void {
    if (!this.trying || this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
    void this.run(this.generation);
  }

  stop(): void {
    this.generation += 1;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.trying = false;
    this.backoff.reset();
  }

  private schedule(): void {
    const generation = this.generation;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run(generation);
    }, this.backoff.take());
    // Waiting for a cable must not keep a shutting-down process alive.
    this.timer.unref?.();
  }

  private async run(generation: number): Promise<void> {
    let succeeded: boolean;
    try {
      succeeded = await this.attempt();
    } catch {
      succeeded = false;
    }
    if (generation !== this.generation) return;
    if (succeeded) {
      this.trying = false;
      this.backoff.reset();
      return;
    }
    this.schedule();
  }
}
