import type { DeviceRole } from '../../../src/contract';
import { BaseDevice } from '../../model/device';
import type { DeviceEvents, HealthLevel, HealthReport } from '../../model/device';
import { fail, ok } from '../../model/result';
import type { DeviceResult } from '../../model/result';
import type { Transport } from '../../transports/transport';
import { Reconnector, linkFailure, openLink } from './reconnect';
import type { BackoffSchedule } from './reconnect';

export interface StreamDeviceOptions {
  /** Reopen delays after the link went away (the shared reconnect policy, ./reconnect.ts). */
  readonly backoff?: BackoffSchedule;
  /** Monotonic milliseconds; injectable for tests. */
  readonly now?: () => number;
}

export interface InteractiveCheck {
  /** What the technician must do, e.g. "扫描任意条码". */
  readonly prompt: string;
  readonly timeoutMs: number;
}

const defaultBackoff: BackoffSchedule = { initialMs: 200, maxMs: 5_000 };

/**
 * A device that only listens (and answers) on one byte transport: scanners and key pads. Owns the link:
 * open, and when the link goes away an `error` status ("disconnected") and reopening with backoff until
 * it is back, then `idle` again. Subclasses turn bytes into events.
 */
export abstract class StreamDevice<E extends DeviceEvents> extends BaseDevice<E> {
  protected readonly now: () => number;
  private readonly reconnector: Reconnector;
  private unsubscribers: (() => void)[] = [];
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
    this.reconnector = new Reconnector(options.backoff ?? defaultBackoff, () => this.tryReconnect());
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
    const opened = await openLink(this.transport);
    if (opened.code !== 'ok') return opened;
    this.attach();
    return ok(undefined);
  }

  protected async doClose(): Promise<void> {
    this.closing = true;
    this.linkUp = false;
    this.reconnector.stop();
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

  /**
   * Told by the device manager that the port this device is bound to is listed again: try to reopen now
   * instead of waiting out the backoff. A no-op unless the device is reconnecting.
   */
  linkBack(): void {
    this.reconnector.now();
  }

  /** Writes to the device; a lost link is a result, not a throw. */
  protected async send(bytes: Uint8Array): Promise<DeviceResult<void>> {
    if (!this.transport.isOpen()) return fail('offline', `${this.transport.description} is not connected`);
    try {
      await this.transport.write(bytes);
      return ok(undefined);
    } catch (error) {
      return linkFailure(error);
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
    this.reconnector.start();
  }

  /** One reconnect attempt; true when the link is back (or there is nothing left to reconnect). */
  private async tryReconnect(): Promise<boolean> {
    if (this.closing) return true;
    try {
      await this.transport.open();
    } catch {
      return false;
    }
    if (this.closing) {
      await this.transport.close().catch(() => undefined);
      return true;
    }
    this.reconnects += 1;
    this.attach();
    this.setState('idle', undefined, true);
    return true;
  }
}
