import type { IdCard } from '../../../src/contract';

/** What the simulator panel can do to a simulated ID card reader, whatever wire it simulates. */
export interface IdCardSimulatorControl {
  place(card: IdCard): void;
  remove(): boolean;
  /** Pulls (false) or re-plugs (true) the simulated reader's cable, where the simulated wire allows it. */
  setConnected?(connected: boolean): void;
}
