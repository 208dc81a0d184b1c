// PINs at rest (technician console on the terminal, staff accounts on the platform): scrypt with a random
// salt per PIN, stored as one self-describing string `scrypt$N$r$p$salt$hash` so the cost can be raised
// later without breaking stored hashes. The PIN itself is never stored, logged or returned.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

export const DEFAULT_PIN_COST: ScryptCost = { N: 1 << 15, r: 8, p: 1 };
const KEY_BYTES = 32;
/** scrypt needs 128·N·r bytes; leave headroom over Node's 32 MiB default. */
const MAX_MEMORY = 64 * 1024 * 1024;

function derive(pin: string, salt: Buffer, cost: ScryptCost, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin.normalize('NFKC'), salt, length, { ...cost, maxmem: MAX_MEMORY }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url. */
export async function hashPin(pin: string, cost: ScryptCost = DEFAULT_PIN_COST, salt: Buffer = randomBytes(16)): Promise<string> {
  const key = await derive(pin, salt, cost, KEY_BYTES);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

const STORED = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([\w+/=-]+)\$([\w+/=-]+)$/;

/**
 * Constant-time check of a PIN against a stored hash (salt and hash in base64 or base64url: Node decodes
 * both alphabets). A malformed or absurd stored hash never verifies and never throws.
 */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const m = STORED.exec(stored);
  if (!m) return false;
  const [, n, r, p, salt = '', hash = ''] = m;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const saltBytes = Buffer.from(salt, 'base64');
  const expected = Buffer.from(hash, 'base64');
  if (!cost.N || !cost.r || !cost.p || cost.N > 1 << 20 || cost.r > 32 || cost.p > 16 || saltBytes.length < 8 || expected.length < 16) return false;
  try {
    return timingSafeEqual(await derive(pin, saltBytes, cost, expected.length), expected);
  } catch {
    return false;
  }
}
