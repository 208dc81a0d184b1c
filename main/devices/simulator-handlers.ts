// The simulator panel's methods (simulated profile only): place and remove sample cards, pull the
// reader's cable, scan a code, press a pad key. The printer's are in printer-handlers.ts.
import { ContractError } from '../../src/contract';
import type { Handlers } from '../../src/contract';
import type { DeviceSet } from '../../devices/manager/roles';
import { sampleCards } from '../../devices/simulators/idcard/sample-cards';

type SimulatorHandlers = Pick<Handlers, 'sim.idcard.samples' | 'sim.idcard.insert' | 'sim.idcard.remove' | 'sim.idcard.connection' | 'sim.scanner.scan' | 'sim.evaluator.press'>;

function simulatorOf(devices: Pick<DeviceSet, 'simulator'>) {
  if (!devices.simulator) throw new ContractError('FORBIDDEN', 'simulator.notAvailable', { detail: 'The simulator is only available with --devices simulated' });
  return devices.simulator;
}

export function simulatorHandlers(devices: Pick<DeviceSet, 'simulator'>): SimulatorHandlers {
  return {
    'sim.idcard.samples': () => {
      simulatorOf(devices);
      return sampleCards.map(({ id, label }) => ({ id, label }));
    },
    'sim.idcard.insert': ({ id }) => {
      const sample = sampleCards.find((s) => s.id === id);
      if (!sample) throw new ContractError('NOT_FOUND', 'simulator.noSuchSample', { detail: `No sample card called ${id}` });
      simulatorOf(devices).idcard.place(sample.card);
      return { placed: true };
    },
    'sim.idcard.remove': () => ({ removed: simulatorOf(devices).idcard.remove() }),
    'sim.idcard.connection': ({ connected }) => {
      const idcard = simulatorOf(devices).idcard;
      if (!idcard.setConnected) throw new ContractError('FORBIDDEN', 'simulator.noCable', { detail: 'This simulated reader has no cable to pull' });
      idcard.setConnected(connected);
      return { connected };
    },
    'sim.scanner.scan': async ({ text }) => {
      await simulatorOf(devices).scannerAndPad.scanner.scan(text);
      return { sent: true };
    },
    'sim.evaluator.press': async ({ level }) => {
      const result = await simulatorOf(devices).scannerAndPad.evaluator.press(level);
      if (!result.ok) throw new ContractError('DEVICE_ERROR', 'simulator.noSuchKey', { detail: 'The simulated pad has no key for that level' });
      if (!result.acknowledged) throw new ContractError('DEVICE_UNAVAILABLE', 'simulator.notAcknowledged', { detail: 'The evaluation pad driver did not acknowledge the key' });
      return { pressed: true };
    },
  };
}
