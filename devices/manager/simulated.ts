// The simulated profile's four devices: the real drivers and the real wire protocols, joined by in-memory
// transports to the simulators instead of cables, plus the handles the simulator panel drives them with.
import type { EvaluationLevel } from '../../src/contract';
import type { PaperWidth } from '../../src/kernel/receipt';
import type { EvaluatorPad } from '../drivers/evaluator/pad';
import type { SamIdCardReader } from '../drivers/idcard/sam-reader';
import { EscPosPrinter } from '../drivers/printer/escpos-printer';
import type { ReceiptPrinter } from '../drivers/printer/printer';
import { StreamEvaluatorPad } from '../drivers/evaluator/stream-pad';
import type { Scanner } from '../drivers/scanner/scanner';
import { StreamScanner } from '../drivers/scanner/stream-scanner';
import { keyMaps } from '../protocols/evaluator/keymaps';
import { PadSimulator } from '../simulators/evaluator/pad-simulator';
import type { IdCardSimulatorControl } from '../simulators/idcard/control';
import { createSimulatedSamReader } from '../simulators/idcard/simulated-sam-reader';
import { attachToTransport } from '../simulators/printer/hosts';
import { VirtualPrinter } from '../simulators/printer/virtual-printer';
import type { EvaluatorSimulatorControl, PressResult } from '../simulators/evaluator/pad-simulator';
import { ScannerSimulator } from '../simulators/scanner/scanner-simulator';
import type { ScannerSimulatorControl } from '../simulators/scanner/scanner-simulator';
import { createMemoryPair } from '../transports/memory-pair';

export interface SimulatedScannerAndPad {
  readonly scanner: Scanner;
  readonly evaluator: EvaluatorPad;
  /** Handles for the simulator panel (`sim.scanner.scan`, `sim.evaluator.press`). */
  readonly simulator: { readonly scanner: ScannerSimulatorControl; readonly evaluator: EvaluatorSimulatorControl };
  all(): [Scanner, EvaluatorPad];
}

/**
 * The simulated profile's scanner and evaluation pad: the real drivers and the real wire protocols (a
 * serial scanner with AIM prefixes, a generic five-key pad on the window bus), joined by in-memory
 * transports instead of cables. Open/claim/enable them like any other device.
 */
export function createSimulatedScannerAndPad(): SimulatedScannerAndPad {
  const scannerLink = createMemoryPair('simulated scanner');
  const padLink = createMemoryPair('simulated evaluation pad');
  const scanner = new StreamScanner(scannerLink.host, { input: 'serial', aimPrefix: true });
  const evaluator = new StreamEvaluatorPad(padLink.host, { input: 'bus', keyMap: keyMaps['generic-5'], address: 1 });
  const scannerSim = new ScannerSimulator(scannerLink.device, { input: 'serial', aimPrefix: true });
  const padSim = new PadSimulator(padLink.device, { input: 'bus', keyMap: keyMaps['generic-5'], address: 1 });
  let scannerReady: Promise<void> | null = null;
  let padReady: Promise<void> | null = null;
  return {
    scanner,
    evaluator,
    simulator: {
      scanner: {
        async scan(text, symbology) {
          scannerReady ??= scannerSim.open();
          await scannerReady;
          await scannerSim.scan(text, symbology);
        },
      },
      evaluator: {
        async press(level: EvaluationLevel): Promise<PressResult> {
          padReady ??= padSim.open();
          await padReady;
          return padSim.press(level);
        },
      },
    },
    all: () => [scanner, evaluator],
  };
}

/** Simulated ID card reader: the real SAM driver talking to the SAM simulator over an in-memory pair. */
export function createSimulatedIdCardReader(): { reader: SamIdCardReader; control: Required<IdCardSimulatorControl> } {
  const { reader, control } = createSimulatedSamReader();
  return { reader, control };
}

/** What the simulator panel may do to the virtual printer. */
export interface PrinterSimulatorControl {
  readonly virtual: VirtualPrinter;
}

/** Simulated receipt printer: the real ESC/POS driver talking to a virtual printer over an in-memory pair. */
export function createSimulatedPrinter(paperWidth: PaperWidth = 576): { printer: ReceiptPrinter; control: PrinterSimulatorControl } {
  const pair = createMemoryPair('simulated printer');
  const virtual = new VirtualPrinter({ paperWidth });
  void pair.device.open();
  attachToTransport(virtual, pair.device);
  const printer = new EscPosPrinter(pair.host, { paperWidth, kind: 'printer-simulated', statusTimeoutMs: 500, jobTimeoutMs: 3000, pollIntervalMs: 2000 });
  return { printer, control: { virtual } };
}

/** The simulator panel's handles, one per role; replaced when the technician binds a fresh simulated device. */
export interface SimulatorControls {
  idcard: IdCardSimulatorControl;
  printer: PrinterSimulatorControl;
  scannerAndPad: SimulatedScannerAndPad['simulator'];
}

/** The simulated profile's four devices and the panel's handles for them. Nothing is opened yet. */
export function createSimulatedProfile(paperWidth: PaperWidth): {
  devices: { idcard: SamIdCardReader; printer: ReceiptPrinter; scanner: Scanner; evaluator: EvaluatorPad };
  controls: SimulatorControls;
} {
  const idcard = createSimulatedIdCardReader();
  const printer = createSimulatedPrinter(paperWidth);
  const scannerAndPad = createSimulatedScannerAndPad();
  return {
    devices: { idcard: idcard.reader, printer: printer.printer, scanner: scannerAndPad.scanner, evaluator: scannerAndPad.evaluator },
    controls: { idcard: idcard.control, printer: printer.control, scannerAndPad: scannerAndPad.simulator },
  };
}
