import type { IdCard } from '../src/contract';
import type { EvaluatorPad } from '../devices/drivers/evaluator/pad';
import type { IdCardReader } from '../devices/drivers/idcard/reader';
import type { Scanner } from '../devices/drivers/scanner/scanner';
import { createSimulatedScannerAndPad } from '../devices/manager/simulated';
import type { SimulatedScannerAndPad } from '../devices/manager/simulated';
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

/**
 * Full cards from whichever reader holds the idcard role now. Services that need the card itself (the
 * citizen session, the window's walk-in intake) subscribe once here; when the technician binds another
 * reader, `follow` moves the feed to it and they keep hearing cards.
 */
export class CardFeed {
  private readonly listeners = new Set<(card: IdCard) => void>();
  private off: (() => void) | null = null;

  follow(reader: IdCardReader | null): void {
    this.off?.();
    this.off = reader
      ? reader.events.on('card', (card) => {
          for (const listener of [...this.listeners]) listener(card);
        })
      : null;
  }

  on(listener: (card: IdCard) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * The devices one terminal runs with, and (in the simulated profile) the handles of the simulator panel.
 * Roles change while the terminal runs (technician binding): read the fields at the time of use.
 */
export interface DeviceSet {
  idcard: IdCardReader | null;
  printer: ReceiptPrinter | null;
  scanner: Scanner | null;
  evaluator: EvaluatorPad | null;
  /** Follows `idcard`: set the reader through `setIdCard` so the feed moves with it. */
  readonly cards: CardFeed;
  simulator: {
    idcard: IdCardSimulatorControl;
    printer: PrinterSimulatorControl;
    scannerAndPad: SimulatedScannerAndPad['simulator'];
  } | null;
  all(): ManagedDevice[];
}

export function createDeviceSet(mode: StartOptions['devices'], env: NodeJS.ProcessEnv = process.env): DeviceSet {
  if (mode === 'simulated') {
    const { reader, control } = createSimulatedIdCardReader();
    const printer = createSimulatedPrinter();
    const scannerAndPad = createSimulatedScannerAndPad();
    return withAll({
      idcard: reader,
      printer: printer.printer,
      scanner: scannerAndPad.scanner,
      evaluator: scannerAndPad.evaluator,
      simulator: { idcard: control, printer: printer.control, scannerAndPad: scannerAndPad.simulator },
    });
  }
  // Configured hardware is bound by the technician (device manager); until then nothing is attached.
  // The receipt printer comes from HALL_PRINTER (see main/printer-device.ts), the ID card reader from
  // HALL_IDCARD_PORT (see main/idcard-device.ts).
  const printer = createConfiguredPrinter(env);
  const idcard = createConfiguredIdCardReader(env);
  // Scanners and evaluation pads come only from the technician's bindings (main/binding), applied over
  // this set before anything starts.
  return withAll({ idcard, printer, scanner: null, evaluator: null, simulator: null });
}

/** `all()` reads the roles as they are now: the technician console binds and unbinds them live. */
function withAll(set: Omit<DeviceSet, 'all' | 'cards'>): DeviceSet {
  const full = set as DeviceSet;
  full.all = () => [full.idcard, full.printer, full.scanner, full.evaluator].filter((d): d is NonNullable<typeof d> => d !== null);
  (full as { cards: CardFeed }).cards = new CardFeed();
  full.cards.follow(full.idcard);
  return full;
}

/** Puts `reader` in the idcard role (or empties it) and moves the card feed with it. */
export function setIdCard(set: DeviceSet, reader: IdCardReader | null): void {
  set.idcard = reader;
  set.cards.follow(reader);
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
