import { SamIdCardReader } from '../../drivers/idcard/sam-reader';
import { createMemoryPair } from '../../transports/memory-pair';
import { SamSimulator } from './sam-simulator';
import type { IdCardSimulatorControl } from './control';

/**
 * The simulated profile's reader: the real SAM driver talking to the SAM simulator over an in-memory
 * transport pair, so `npm start` exercises the real protocol code. The simulator is the panel's control.
 */
export function createSimulatedSamReader(pollIntervalMs = 300): {
  reader: SamIdCardReader;
  simulator: SamSimulator;
  control: Required<IdCardSimulatorControl>;
} {
  const { host, device } = createMemoryPair('simulated SAM reader');
  const simulator = new SamSimulator(device, { chunkSize: 64 });
  void simulator.start();
  const reader = new SamIdCardReader({ kind: 'idcard-sam-simulated', candidates: async () => [host], pollIntervalMs });
  const control: Required<IdCardSimulatorControl> = {
    place: (card) => simulator.place(card),
    remove: () => simulator.remove(),
    setConnected: (connected) => (connected ? host.replug() : host.unplug()),
  };
  return { reader, simulator, control };
}
