// SW3 status codes (spec §5) and what a driver should do about each.

/**
 * - `ok`: success (90, and 9F for find).
 * - `no-card`: find found nothing (80) — the normal idle answer.
 * - `absent-item`: the requested item is not on the card (91), e.g. no additional address.
 * - `replace-card`: the card was moved or read badly; ask to re-place, retry the whole sequence.
 * - `retry`: a link or sequencing problem; resend once.
 * - `not-id-card`: something that is not an ID card is on the reader.
 * - `fault`: reader hardware or licensing fault; alert the technician.
 * - `bug`: our request was wrong.
 */
export type StatusKind = 'ok' | 'no-card' | 'absent-item' | 'replace-card' | 'retry' | 'not-id-card' | 'fault' | 'bug' | 'unknown';

export interface StatusInfo {
  readonly sw3: number;
  readonly kind: StatusKind;
  /** Short plain-language meaning, safe for logs. */
  readonly meaning: string;
}

const table: Readonly<Record<number, { kind: StatusKind; meaning: string }>> = {
  0x90: { kind: 'ok', meaning: 'success' },
  0x9f: { kind: 'ok', meaning: 'card found' },
  0x91: { kind: 'absent-item', meaning: 'item not on the card' },
  0x10: { kind: 'retry', meaning: 'SAM received a bad checksum' },
  0x11: { kind: 'retry', meaning: 'SAM received a bad length' },
  0x21: { kind: 'bug', meaning: 'command error' },
  0x23: { kind: 'bug', meaning: 'operation not permitted' },
  0x24: { kind: 'retry', meaning: 'unrecognised error' },
  0x31: { kind: 'replace-card', meaning: 'card failed to authenticate the SAM' },
  0x32: { kind: 'replace-card', meaning: 'SAM failed to authenticate the card' },
  0x33: { kind: 'replace-card', meaning: 'information verification error' },
  0x37: { kind: 'replace-card', meaning: 'fingerprint information verification failed' },
  0x3f: { kind: 'replace-card', meaning: 'information length error' },
  0x40: { kind: 'not-id-card', meaning: 'unrecognised card type' },
  0x41: { kind: 'replace-card', meaning: 'reading the card failed' },
  0x47: { kind: 'replace-card', meaning: 'getting a random number failed' },
  0x60: { kind: 'fault', meaning: 'SAM self-test failed' },
  0x66: { kind: 'fault', meaning: 'SAM not authorised' },
  0x80: { kind: 'no-card', meaning: 'no card found' },
  0x81: { kind: 'replace-card', meaning: 'select card failed' },
};

export const knownStatusCodes: readonly number[] = Object.keys(table).map(Number);

export function describeStatus(sw3: number): StatusInfo {
  const entry = table[sw3];
  if (entry) return { sw3, ...entry };
  return { sw3, kind: 'unknown', meaning: `unknown status 0x${sw3.toString(16).padStart(2, '0')}` };
}

export function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}
