import type { IdCardReader } from '../devices/drivers/idcard/reader';
import type { IdCardSimulatorControl } from '../devices/simulators/idcard/control';
import { SimulatedIdCardReader } from '../devices/simulators/idcard/simulated-reader';
import type { StartOptions } from './config';

/** The devices one terminal runs with, and (in the simulated profile) the handles of the simulator panel. */
export interface DeviceSet {
  idcard: IdCardReader | null;
  simulator: { idcard: IdCardSimulatorControl } | null;
  all(): IdCardReader[];
}

export function createDeviceSet(mode: StartOptions['devices']): DeviceSet {
  if (mode === 'simulated') {
    const reader = new SimulatedIdCardReader();
    return { idcard: reader, simulator: { idcard: reader }, all: () => [reader] };
  }
  // Configured hardware is bound by the technician (device manager); until then nothing is attached.
  return { idcard: null, simulator: null, all: () => [] };
}

/** open → claim → enable; a device that fails stays in the set and reports its error status. */
export async function startDevices(set: DeviceSet): Promise<void> {
  for (const device of set.all()) {
    const opened = await device.open();
    if (opened.code !== 'ok') continue;
    await device.claim();
    await device.enable();
  }
}
