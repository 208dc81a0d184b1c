import { ContractError } from '../../src/contract';
import type { Handlers } from '../../src/contract';
import { sampleCards } from '../../devices/simulators/idcard/sample-cards';
import type { DeviceSet } from '../devices';

type SimulatorHandlers = Pick<Handlers, 'sim.idcard.samples' | 'sim.idcard.insert' | 'sim.idcard.remove' | 'sim.idcard.connection'>;

function simulatorOf(devices: DeviceSet) {
  if (!devices.simulator) throw new ContractError('FORBIDDEN', 'simulator.notAvailable', { detail: 'The simulator is only available with --devices simulated' });
  return devices.simulator;
}

export function simulatorHandlers(devices: DeviceSet): SimulatorHandlers {
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
  };
}
