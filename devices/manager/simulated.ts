import type { z } from 'zod';
import { ContractError } from '../../src/contract';
import type { EvaluationLevel, EventPayload, evaluatorMethods, scannerMethods } from '../../src/contract';
import type { EvaluatorPad } from '../drivers/evaluator/pad';
import { StreamEvaluatorPad } from '../drivers/evaluator/stream-pad';
import type { Scanner } from '../drivers/scanner/scanner';
import { StreamScanner } from '../drivers/scanner/stream-scanner';
import { keyMaps } from '../protocols/evaluator/keymaps';
import { PadSimulator } from '../simulators/evaluator/pad-simulator';
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

type Input<D extends { input: z.ZodType }> = z.output<D['input']>;
type ScanInput = Input<(typeof scannerMethods)['sim.scanner.scan']>;
type PressInput = Input<(typeof evaluatorMethods)['sim.evaluator.press']>;

/**
 * Handlers for the two simulator methods, for the composition root:
 * `...scannerAndPadSimulatorHandlers(() => devices.simulator?.scannerAndPad ?? null)`.
 */
export function scannerAndPadSimulatorHandlers(controls: () => SimulatedScannerAndPad['simulator'] | null) {
  const get = (): SimulatedScannerAndPad['simulator'] => {
    const c = controls();
    if (!c) throw new ContractError('FORBIDDEN', 'simulator.notAvailable', { detail: 'The simulator is only available with --devices simulated' });
    return c;
  };
  return {
    'sim.scanner.scan': async ({ text }: ScanInput): Promise<{ sent: true }> => {
      await get().scanner.scan(text);
      return { sent: true };
    },
    'sim.evaluator.press': async ({ level }: PressInput): Promise<{ pressed: true }> => {
      const result = await get().evaluator.press(level);
      if (!result.ok) throw new ContractError('DEVICE_ERROR', 'simulator.noSuchKey', { detail: 'The simulated pad has no key for that level' });
      if (!result.acknowledged) throw new ContractError('DEVICE_UNAVAILABLE', 'simulator.notAcknowledged', { detail: 'The evaluation pad driver did not acknowledge the key' });
      return { pressed: true };
    },
  };
}

/** Forwards scans and key presses to the event bus: `unsubscribers.push(forwardScannerAndPadEvents(sp, (n, p) => bus.publish(n, p)))`. */
export function forwardScannerAndPadEvents(
  devices: { readonly scanner: Scanner | null; readonly evaluator: EvaluatorPad | null },
  publish: <E extends 'scan' | 'evaluator.key'>(name: E, payload: EventPayload<E>) => void,
): () => void {
  const offs: (() => void)[] = [];
  if (devices.scanner) offs.push(devices.scanner.events.on('scan', (scan) => publish('scan', scan)));
  if (devices.evaluator) offs.push(devices.evaluator.events.on('key', ({ level }) => publish('evaluator.key', { level })));
  return () => {
    for (const off of offs) off();
  };
}
