import type { DeviceRole } from '../../../src/contract';
import { BaseDevice } from '../../model/device';
import type { DeviceEvents, HealthLevel, HealthReport } from '../../model/device';
import { fail, ok } from '../../model/result';
import type { DeviceResult } from '../../model/result';
import { TransportError } from '../../transports/transport';
import type { Transport } from '../../transports/transport';

export interface StreamDeviceOptions {
  /** Reopen delays after the link went away: doubles from `initialMs` up to `maxMs`. */
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number };
  /** Monotonic milliseconds; injectable for tests. */
  readonly now?: () => number;
}

export interface InteractiveCheck {
  /** What the technician must do, e.g. "扫描任意条码". */
  readonly prompt: string;
  readonly timeoutMs: number;
}

const defaultBackoff = { initialMs: 200, maxMs: 5_000 };

function resultOf(error: unknown): DeviceResult<never> {
  if (error instanceof TransportError) {
    if (error.kind === 'not-found') return fail('no-hardware', error.message);
    if (error.kind === 'busy') return fail('busy', error.message);
    if (error.kind === 'timeout') return fail('timeout', error.message);
    return fail('offline', error.message);
  }
  return fail('failure', error instanceof Error ? error.message : String(error));
}

/**
 * A device that only listens (and answers) on one byte transport: scanners and key pads. Owns the link:
 * open, and when the link goes away an `error` status ("disconnected") and reopening with backoff until
 * it is back, then `idle` again. Subclasses turn bytes into events.
 */
export abstract class StreamDevice<E extends DeviceEvents> extends BaseDevice<E> {
  protected readonly now: () => number;
  private readonly backoff: { readonly initialMs: number; readonly maxMs: number };
  private unsubscribers: (() => void)[] = [];
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private nextDelayMs: number;
  private closing = false;
  private reconnects = 0;
  private lastData: number | null = null;
  private linkUp = false;

  protected constructor(
    role: DeviceRole,
    kind: string,
    protected readonly transport: Transport,
    options: StreamDeviceOptions = {},
  ) {
    super(role, kind);
    this.backoff = options.backoff ?? defaultBackoff;
    this.nextDelayMs = this.backoff.initialMs;
    this.now = options.now ?? (() => performance.now());
  }

  /** Bytes from the device, with the time they arrived. */
  protected abstract onBytes(chunk: Uint8Array, nowMs: number): void;
  /** The link was lost: drop half-received input. */
  protected abstract resetInput(): void;
  /** What a technician does for the interactive health check, and the event that proves it worked. */
  protected abstract interactiveCheck(): InteractiveCheck & { readonly waitFor: keyof E };

  protected async doOpen(): Promise<DeviceResult<void>> {
    this.closing = false;
    try {
      await this.transport.open();
    } catch (error) {
      return resultOf(error);
    }
    this.attach();
    return ok(undefined);
  }

  protected async doClose(): Promise<void> {
    this.closing = true;
    this.linkUp = false;
    this.stopReconnecting();
    this.detach();
    await this.transport.close().catch(() => undefined);
    this.resetInput();
  }

  /**
   * Told by the device manager that the port this device uses vanished from the system listing. Serial
   * bindings do not always notice a line that goes away (e.g. right after open); this makes sure the
   * device reports it and starts reconnecting. A no-op when the loss is already known.
   */
  linkGone(reason: string): void {
    if (!this.opened || this.closing || !this.linkUp) return;
    this.onLinkLost(reason);
    void this.transport.close().catch(() => undefined);
  }

  /** Writes to the device; a lost link is a result, not a throw. */
  protected async send(bytes: Uint8Array): Promise<DeviceResult<void>> {
    if (!this.transport.isOpen()) return fail('offline', `${this.transport.description} is not connected`);
    try {
      await this.transport.write(bytes);
      return ok(undefined);
    } catch (error) {
      return resultOf(error);
    }
  }

  async checkHealth(level: HealthLevel): Promise<HealthReport> {
    const at = (): string => new Date().toISOString();
    const linked = this.opened && this.transport.isOpen();
    if (level === 'internal') {
      return { level, ok: this.opened, detail: this.opened ? `${this.kind} opened` : `${this.kind} is not opened`, at: at() };
    }
    if (level === 'external' || !linked) {
      const since = this.lastData === null ? 'no input yet' : `last input ${Math.round(this.now() - this.lastData)} ms ago`;
      const detail = linked
        ? `${this.transport.description} connected; ${since}; reconnects ${this.reconnects}`
        : `${this.transport.description} not connected; reconnects ${this.reconnects}`;
      return { level, ok: linked, detail, at: at() };
    }
    const check = this.interactiveCheck();
    const seen = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        off();
        resolve(false);
      }, check.timeoutMs);
      const off = this.events.on(check.waitFor, () => {
        clearTimeout(timer);
        off();
        resolve(true);
      });
    });
    return {
      level,
      ok: seen,
      detail: seen ? `${check.prompt}: received` : `${check.prompt}: nothing within ${check.timeoutMs} ms`,
      at: at(),
    };
  }

  private attach(): void {
    this.detach();
    this.linkUp = true;
    this.unsubscribers.push(
      this.transport.events.on('data', (chunk) => {
        const t = this.now();
        this.lastData = t;
        this.onBytes(chunk, t);
      }),
      this.transport.events.on('close', ({ reason }) => this.onLinkLost(reason)),
    );
  }

  private detach(): void {
    for (const off of this.unsubscribers) off();
    this.unsubscribers = [];
  }

  private onLinkLost(reason: string): void {
    if (this.closing) return;
    this.linkUp = false;
    this.detach();
    this.resetInput();
    this.setState('error', `disconnected (${reason}); reconnecting`, false);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closing || this.reconnectTimer !== null) return;
    const delay = this.nextDelayMs;
    this.nextDelayMs = Math.min(this.nextDelayMs * 2, this.backoff.maxMs);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.tryReconnect();
    }, delay);
    // Waiting for a cable must not keep a shutting-down process alive.
    this.reconnectTimer.unref?.();
  }

  private async tryReconnect(): Promise<void> {
    if (this.closing) return;
    try {
      await this.transport.open();
    } catch {
      this.scheduleReconnect();
      return;
    }
    if (this.closing) {
      await this.transport.close().catch(() => undefined);
      return;
    }
    this.reconnects += 1;
    this.nextDelayMs = this.backoff.initialMs;
    this.attach();
    this.setState('idle', undefined, true);
  }

  private stopReconnecting(): void {
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.nextDelayMs = this.backoff.initialMs;
  }
}
