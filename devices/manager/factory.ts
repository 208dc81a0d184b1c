import { StreamEvaluatorPad } from '../drivers/evaluator/stream-pad';
import { StreamScanner } from '../drivers/scanner/stream-scanner';
import { keyMaps } from '../protocols/evaluator/keymaps';
import type { KeyMap } from '../protocols/evaluator/keymaps';
import type { Transport } from '../transports/transport';
import type { DevicesConfig } from './config';

type ScannerEntry = NonNullable<DevicesConfig['devices']['scanner']>;
type EvaluatorEntry = NonNullable<DevicesConfig['devices']['evaluator']>;

export type BuildResult<T> = { readonly ok: true; readonly device: T } | { readonly ok: false; readonly detail: string };

/** The scanner driver a validated configuration entry describes, on the transport the caller opened for its link. */
export function scannerFromConfig(entry: ScannerEntry, transport: Transport): BuildResult<StreamScanner> {
  const input = entry.kind === 'scanner-hid-pos' ? 'hid-pos' : entry.kind === 'scanner-keyboard-wedge' ? 'keyboard-wedge' : 'serial';
  const options = entry.options;
  return {
    ok: true,
    device: new StreamScanner(transport, {
      input,
      ...(options?.aimPrefix === undefined ? {} : { aimPrefix: options.aimPrefix }),
      ...(options?.maxLength === undefined ? {} : { maxLength: options.maxLength }),
      ...(options?.serialIdleMs === undefined ? {} : { serialIdleMs: options.serialIdleMs }),
      ...(options?.wedge === undefined ? {} : { wedge: Object.fromEntries(Object.entries(options.wedge).filter(([, v]) => v !== undefined)) }),
    }),
  };
}

/** The key map in force: the technician's own map when given, else the model's table. */
export function keyMapOf(entry: EvaluatorEntry): KeyMap {
  const custom = entry.options?.keyMap;
  if (custom !== undefined) {
    return { model: 'custom', description: 'Key map set by the technician', source: 'terminal configuration', keys: custom };
  }
  return keyMaps[entry.options?.model ?? 'generic-5'];
}

/** The key-pad driver for a configuration entry; the customer-facing screen kind is not a key pad. */
export function evaluatorPadFromConfig(entry: EvaluatorEntry, transport: Transport): BuildResult<StreamEvaluatorPad> {
  if (entry.kind === 'evaluator-screen') return { ok: false, detail: 'evaluator-screen is a window, not a key pad; the shell builds it' };
  const address = entry.options?.address;
  return {
    ok: true,
    device: new StreamEvaluatorPad(transport, {
      input: entry.kind === 'evaluator-bus' ? 'bus' : 'hid-keys',
      keyMap: keyMapOf(entry),
      ...(address === undefined ? {} : { address }),
    }),
  };
}
