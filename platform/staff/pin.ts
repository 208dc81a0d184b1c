// Staff PINs at rest: scrypt with a random salt per account, in one self-describing string
// (scrypt$N$r$p$salt$hash) so the cost can be raised later without breaking stored hashes.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** 6 to 12 digits: typed on a keypad, long enough that five guesses per five minutes get nowhere. */
export const Pin = z.string().regex(/^\d{6,12}$/, 'PIN is 6 to 12 digits');

const COST = { N: 16_384, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

function derive(pin: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, KEY_BYTES, { ...cost, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, COST);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

const STORED = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

/** Constant-time comparison; false for a malformed stored hash rather than a throw. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const m = STORED.exec(stored);
  if (!m) return false;
  const [, n, r, p, salt = '', hash = ''] = m;
  const expected = Buffer.from(hash, 'base64');
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (expected.length !== KEY_BYTES || cost.N > 1 << 20 || cost.r > 32 || cost.p > 16) return false;
  const key = await derive(pin, Buffer.from(salt, 'base64'), cost);
  return timingSafeEqual(key, expected);
}
