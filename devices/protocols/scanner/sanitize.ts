import { maxScanLength } from '../../../src/contract';

export type SanitizeResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: 'empty' | 'too-long' };

// C0 controls, DEL, C1 controls, and the Unicode direction overrides/isolates that can make text display
// differently from what it is. GS (0x1D, the GS1 separator) goes too: the issue asks for all control
// characters to be stripped, and nothing on the terminal parses GS1 element strings.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unwanted = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;

/**
 * Scanned text is untrusted input: strip control characters and refuse what is empty or too long. The
 * limit counts code points after stripping.
 */
export function sanitizeScanText(raw: string, maxLength: number = maxScanLength): SanitizeResult {
  const text = raw.replace(unwanted, '').trim();
  if (text.length === 0) return { ok: false, reason: 'empty' };
  let count = 0;
  for (const _ of text) {
    count += 1;
    if (count > maxLength) return { ok: false, reason: 'too-long' };
  }
  return { ok: true, text };
}
