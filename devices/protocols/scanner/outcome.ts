import type { ScanPayload } from '../../../src/contract';
import { sanitizeScanText } from './sanitize';
import { splitAimPrefix, symbologyFromAim } from './symbology';

export type RejectReason = 'empty' | 'too-long' | 'malformed' | 'human-typing';

/** What a scanner decoder makes of its input: a scan ready for the `scan` event, or a typed refusal. */
export type ScanOutcome = { readonly kind: 'scan'; readonly scan: ScanPayload } | { readonly kind: 'rejected'; readonly reason: RejectReason };

export interface FinishOptions {
  /** The scanner is configured to prefix each code with its AIM identifier (`]Q1…`). */
  readonly aimPrefix: boolean;
  readonly maxLength: number;
}

/** Turns raw decoded text (+ an AIM identifier when the transport carries one) into a sanitised outcome. */
export function finishScan(raw: string, aim: string | undefined, options: FinishOptions): ScanOutcome {
  let text = raw;
  let id = aim;
  if (id === undefined && options.aimPrefix) {
    const split = splitAimPrefix(raw);
    id = split.aim;
    text = split.rest;
  }
  const clean = sanitizeScanText(text, options.maxLength);
  if (!clean.ok) return { kind: 'rejected', reason: clean.reason };
  const symbology = id === undefined ? undefined : symbologyFromAim(id);
  return { kind: 'scan', scan: symbology === undefined ? { text: clean.text } : { text: clean.text, symbology } };
}
