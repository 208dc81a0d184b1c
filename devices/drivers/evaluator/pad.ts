import type { EvaluationLevel } from '../../../src/contract';
import type { Device, DeviceEvents } from '../../model/device';
import type { DeviceResult } from '../../model/result';

export interface EvaluatorPadEvents extends DeviceEvents {
  /** One key press (a resent bus frame is not a second press). */
  key: { level: EvaluationLevel; key: string };
  rejected: { reason: string };
}

/** A window evaluation pad with physical keys (serial bus or USB keyboard pad). */
export interface EvaluatorPad extends Device<EvaluatorPadEvents> {
  /** Tells the pad a rating is wanted (lights/voice on pads that support it); a no-op result where not. */
  startEvaluation(): Promise<DeviceResult<void>>;
}
