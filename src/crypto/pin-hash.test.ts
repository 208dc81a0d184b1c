import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from './pin-hash';

describe('PIN hashing', () => {
  it('verifies the right PIN, refuses a wrong one, salts every hash and records its cost', async () => {
    const [a, b] = await Promise.all([hashPin('246810'), hashPin('246810', { N: 16_384, r: 8, p: 1 })]);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(b).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toContain('246810');
    expect(await verifyPin('246810', a)).toBe(true);
    expect(await verifyPin('246810', b)).toBe(true);
    expect(await verifyPin('246811', a)).toBe(false);
  });

  it('verifies hashes stored with standard base64 (the platform wrote those before)', async () => {
    // A salt and key chosen so their base64 uses + and /, which base64url would write differently.
    const salt = Buffer.from('fbfffbfffbfffbfffbfffbfffbfffbff', 'hex');
    const key = scryptSync('135790', salt, 32, { N: 16_384, r: 8, p: 1 });
    const stored = `scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    expect(stored).toMatch(/[+/]/);
    expect(await verifyPin('135790', stored)).toBe(true);
    expect(await verifyPin('135791', stored)).toBe(false);
  });

  it('never verifies against a malformed, absurd or tampered hash', async () => {
    const stored = await hashPin('246810');
    expect(await verifyPin('246810', 'plain:246810')).toBe(false);
    expect(await verifyPin('246810', stored.replace('scrypt', 'md5'))).toBe(false);
    expect(await verifyPin('246810', stored.replace('$32768$', '$99999999$'))).toBe(false);
    const parts = stored.split('$');
    parts[5] = randomBytes(32).toString('base64url');
    expect(await verifyPin('246810', parts.join('$'))).toBe(false);
  });
});
