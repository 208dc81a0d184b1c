// Staff PINs: what a PIN is (6–12 digits) and the platform's scrypt cost; hashing and verifying are the
// project's one PIN hash (src/crypto/pin-hash.ts).
import { hashPin as hashStoredPin, verifyPin } from '../../src/crypto/pin-hash';
import { z } from 'zod';

/** 6 to 12 digits: typed on a keypad, long enough that five guesses per five minutes get nowhere. */
export const Pin = z.string().regex(/^\d{6,12}$/, 'PIN is 6 to 12 digits');

/** The cost staff PINs have been hashed at from the start (stored with each hash, so it can be raised). */
const COST = { N: 16_384, r: 8, p: 1 } as const;

export function hashPin(pin: string): Promise<string> {
  return hashStoredPin(pin, COST);
}

export { verifyPin };
