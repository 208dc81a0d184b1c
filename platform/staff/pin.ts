// Staff PINs: the platform's scrypt cost; hashing and verifying are the project's one PIN hash
// (src/crypto/pin-hash.ts). What a PIN is (6–12 digits) is wire format: `Pin` in src/wire/staff-protocol.ts.
import { hashPin as hashStoredPin, verifyPin } from '../../src/crypto/pin-hash';

/** The cost staff PINs have been hashed at from the start (stored with each hash, so it can be raised). */
const COST = { N: 16_384, r: 8, p: 1 } as const;

export function hashPin(pin: string): Promise<string> {
  return hashStoredPin(pin, COST);
}

export { verifyPin };
