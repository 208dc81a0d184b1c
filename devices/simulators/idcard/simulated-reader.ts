import type { IdCard } from '../../../src/contract';
import { BaseDevice } from '../../model/device';
import type { HealthLevel, HealthReport } from '../../model/device';
import { fail, ok } from '../../model/result';
import type { DeviceResult } from '../../model/result';
import type { IdCardReader, IdCardReaderEvents } from '../../drivers/idcard/reader';
import type { IdCardSimulatorControl } from './control';

/**
 * A reader with no wire: the simulator panel places and removes cards directly. Used by the walking
 * skeleton; the SAM protocol simulator replaces it where the real protocol path is wanted.
 */
export class SimulatedIdCardReader extends BaseDevice<IdCardReaderEvents> implements IdCardReader, IdCardSimulatorControl {
  private card: IdCard | null = null;

  constructor() {
    super('idcard', 'idcard-simulated');
  }

  protected async doOpen(): Promise<DeviceResult<void>> {
    return ok(undefined);
  }

  protected async doClose(): Promise<void> {
    this.card = null;
  }

  place(card: IdCard): void {
    if (!this.enabled) return;
    this.card = card;
    this.events.emit('card', card);
  }

  remove(): boolean {
    if (this.card === null) return false;
    this.card = null;
    this.events.emit('removed', {});
    return true;
  }

  currentCard(): IdCard | null {
    return this.card;
  }

  async readCard(): Promise<DeviceResult<IdCard | null>> {
    if (!this.enabled) return fail('disabled', 'The reader is not enabled');
    return ok(this.card);
  }

  async checkHealth(level: HealthLevel): Promise<HealthReport> {
    const healthy = this.enabled;
    return {
      level,
      ok: healthy,
      detail: healthy ? 'Simulated reader ready' : 'Simulated reader not enabled',
      at: new Date().toISOString(),
    };
  }
}
