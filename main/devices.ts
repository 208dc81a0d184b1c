import type { IdCardReader } from '../devices/drivers/idcard/reader';
import type { IdCardSimulatorControl } from '../devices/simulators/idcard/control';
import { createConfiguredIdCardReader, createSimulatedIdCardReader } from './idcard-device';
import type { Device, DeviceEvents } from '../devices/model/device';
import type { TypedEmitter } from '../devices/model/emitter';
import type { ReceiptPrinter } from '../devices/drivers/printer/printer';
import type { StartOptions } from './config';
import { createConfiguredPrinter, createSimulatedPrinter } from './printer-device';
import type { PrinterSimulatorControl } from './printer-device';

/** Any device as the app manages it: lifecycle and status events, whatever its class-specific events. */
export type ManagedDevice = Omit<Device, 'events'> & { readonly events: Pick<TypedEmitter<DeviceEvents>, 'on'> };

/** The devices one terminal runs with, and (in the simulated profile) the handles of the simulator panel. */
export interface DeviceSet {
  idcard: IdCardReader | null;
  printer: ReceiptPrinter | null;
  simulator: { idcard: IdCardSimulatorControl; printer: PrinterSimulatorControl } | null;
  all(): ManagedDevice[];
}

export function createDeviceSet(mode: StartOptions['devices'], env: NodeJS.ProcessEnv = process.env): DeviceSet {
  if (mode === 'simulated') {
    const { reader, control } = createSimulatedIdCardReader();
    const printer = createSimulatedPrinter();
    return { idcard: reader, printer: printer.printer, simulator: { idcard: control, printer: printer.control }, all: () => [reader, printer.printer] };
  }
  // Configured hardware is bound by the technician (device manager); until then nothing is attached.
  // The receipt printer comes from HALL_PRINTER (see main/printer-device.ts), the ID card reader from
  // HALL_IDCARD_PORT (see main/idcard-device.ts).
  const printer = createConfiguredPrinter(env);
  const idcard = createConfiguredIdCardReader(env);
  return {
    idcard,
    printer,
    simulator: null,
    all: () => [...(idcard ? [idcard] : []), ...(printer ? [printer] : [])],
  };
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
