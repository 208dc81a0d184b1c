import type { DeviceRole, DeviceState, DeviceStatus } from '../../src/contract';
import { TypedEmitter } from './emitter';
import { fail, ok } from './result';
import type { DeviceResult } from './result';

/** Three depths of health check, as in UnifiedPOS CheckHealth. */
export type HealthLevel = 'internal' | 'external' | 'interactive';

export interface HealthReport {
  readonly level: HealthLevel;
  readonly ok: boolean;
  /** Plain language for the technician; never personal data. */
  readonly detail: string;
  readonly at: string;
}

export interface DeviceEvents {
  status: DeviceStatus;
  error: { detail: string };
}

/** What the device manager and the shells need from any driver, whatever its class. */
export interface Device<E extends DeviceEvents = DeviceEvents> {
  readonly role: DeviceRole;
  readonly kind: string;
  readonly events: TypedEmitter<E>;
  status(): DeviceStatus;
  open(): Promise<DeviceResult<void>>;
  claim(timeoutMs?: number): Promise<DeviceResult<void>>;
  enable(): Promise<DeviceResult<void>>;
  disable(): Promise<DeviceResult<void>>;
  release(): Promise<DeviceResult<void>>;
  close(): Promise<void>;
  checkHealth(level: HealthLevel): Promise<HealthReport>;
}

/**
 * Lifecycle bookkeeping shared by drivers: open → claim → enable, with a status event on every change.
 * Subclasses implement the hardware steps; the base keeps the state honest.
 */
export abstract class BaseDevice<E extends DeviceEvents = DeviceEvents> implements Device<E> {
  readonly events = new TypedEmitter<E>();
  private state: DeviceState = 'closed';
  private detail: string | undefined;
  private connected = false;
  protected opened = false;
  protected claimed = false;
  protected enabled = false;

  protected constructor(
    readonly role: DeviceRole,
    readonly kind: string,
  ) {}

  status(): DeviceStatus {
    const status: DeviceStatus = {
      role: this.role,
      kind: this.kind,
      state: this.state,
      connected: this.connected,
      updatedAt: new Date().toISOString(),
    };
    return this.detail === undefined ? status : { ...status, detail: this.detail };
  }

  protected setState(state: DeviceState, detail?: string, connected = this.connected): void {
    if (state === this.state && detail === this.detail && connected === this.connected) return;
    this.state = state;
    this.detail = detail;
    this.connected = connected;
    (this.events as unknown as TypedEmitter<DeviceEvents>).emit('status', this.status());
  }

  protected abstract doOpen(): Promise<DeviceResult<void>>;
  protected abstract doClose(): Promise<void>;
  protected async doEnable(): Promise<DeviceResult<void>> {
    return ok(undefined);
  }
  protected async doDisable(): Promise<void> {}
  abstract checkHealth(level: HealthLevel): Promise<HealthReport>;

  async open(): Promise<DeviceResult<void>> {
    if (this.opened) return ok(undefined);
    const result = await this.doOpen();
    if (result.code === 'ok') {
      this.opened = true;
      this.setState('idle', undefined, true);
    } else {
      this.setState('error', result.detail, false);
    }
    return result;
  }

  async claim(): Promise<DeviceResult<void>> {
    if (!this.opened) return fail('closed', 'Open the device before claiming it');
    this.claimed = true;
    return ok(undefined);
  }

  async enable(): Promise<DeviceResult<void>> {
    if (!this.opened) return fail('closed', 'Open the device before enabling it');
    if (!this.claimed) return fail('not-claimed', 'Claim the device before enabling it');
    if (this.enabled) return ok(undefined);
    const result = await this.doEnable();
    if (result.code === 'ok') this.enabled = true;
    return result;
  }

  async disable(): Promise<DeviceResult<void>> {
    if (this.enabled) await this.doDisable();
    this.enabled = false;
    return ok(undefined);
  }

  async release(): Promise<DeviceResult<void>> {
    await this.disable();
    this.claimed = false;
    return ok(undefined);
  }

  async close(): Promise<void> {
    await this.release();
    if (this.opened) await this.doClose();
    this.opened = false;
    this.setState('closed', undefined, false);
  }
}
