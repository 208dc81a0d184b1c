import type { EvaluationLevel } from '../../../src/contract';

/**
 * Which key means which level, per pad model. Vendors differ, so the model is configuration; a technician
 * can also give a custom map. Keys are the bus key index (DATA[0] of a function-11 frame) or, for USB pads
 * that act as keyboards, the typed character.
 */
export interface KeyMap {
  readonly model: string;
  readonly description: string;
  /** Where the mapping comes from, and how sure we are (see specs/printer-evaluator.md markers). */
  readonly source: string;
  readonly keys: Readonly<Record<string, EvaluationLevel>>;
}

export const keyMaps = {
  /** Our documented generic five-key pad: key n is GB/T 39046 code n + 1 (A.8: 1 = 非常满意 … 5 = 非常不满意). */
  'generic-5': {
    model: 'generic-5',
    description: 'Generic five-key pad on the window bus: key 0 非常满意 … key 4 非常不满意',
    source: 'This project (ordering of GB/T 39046-2020 code table A.8)',
    keys: { '0': '非常满意', '1': '满意', '2': '基本满意', '3': '不满意', '4': '非常不满意' },
  },
  /** Four-key pads of the open QueueSystem deployments: 0 不满意, 1 default, 2 满意, 3 非常满意. */
  'queuesystem-4': {
    model: 'queuesystem-4',
    description: 'Four-key bus pad (QueueSystem): 不满意 / 基本满意 / 满意 / 非常满意',
    source: 'JackQChen/QueueSystem CallSystem/frmMain.cs, specs/printer-evaluator.md B3.2 [S]; key 1 "default" read as 基本满意 [U]',
    keys: { '0': '不满意', '1': '基本满意', '2': '满意', '3': '非常满意' },
  },
  /** USB "keyboard" pads: no public key map exists (B3.1 [U]); digits 1–5 in GB/T 39046 order is our default. */
  'hid-digits-5': {
    model: 'hid-digits-5',
    description: 'USB keyboard pad typing 1–5: 1 非常满意 … 5 非常不满意',
    source: 'This project; no public HID key map found (specs/printer-evaluator.md B3.1 [U]) — confirm per model',
    keys: { '1': '非常满意', '2': '满意', '3': '基本满意', '4': '不满意', '5': '非常不满意' },
  },
} as const satisfies Record<string, KeyMap>;

export type KeyMapModel = keyof typeof keyMaps;

export type KeyLookup = { readonly ok: true; readonly level: EvaluationLevel } | { readonly ok: false; readonly reason: 'unmapped-key' };

export function levelForKey(map: KeyMap, key: string): KeyLookup {
  const level = Object.prototype.hasOwnProperty.call(map.keys, key) ? map.keys[key] : undefined;
  return level === undefined ? { ok: false, reason: 'unmapped-key' } : { ok: true, level };
}

/** The key a pad sends for a level (the simulator presses it); undefined when the model lacks that level. */
export function keyForLevel(map: KeyMap, level: EvaluationLevel): string | undefined {
  return Object.entries(map.keys).find(([, l]) => l === level)?.[0];
}
