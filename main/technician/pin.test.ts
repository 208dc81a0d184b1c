import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from './pin';

describe('technician PIN hashing', () => {
  it('verifies the right PIN and refuses a wrong one', async () => {
    const stored = await hashPin('246810');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(stored).not.toContain('246810');
    expect(await verifyPin('246810', stored)).toBe(true);
    expect(await verifyPin('246811', stored)).toBe(false);
    expect(await verifyPin('', stored)).toBe(false);
  });

  it('salts every hash: the same PIN twice gives two different hashes', async () => {
    const [a, b] = await Promise.all([hashPin('975310'), hashPin('975310')]);
    expect(a).not.toBe(b);
    expect(await verifyPin('975310', b)).toBe(true);
  });

  it('never verifies against a malformed or tampered hash', async () => {
    const stored = await hashPin('246810');
    expect(await verifyPin('246810', 'plain:246810')).toBe(false);
    expect(await verifyPin('246810', stored.replace('scrypt', 'md5'))).toBe(false);
    expect(await verifyPin('246810', stored.replace('$32768$', '$99999999$'))).toBe(false);
    const parts = stored.split('$');
    parts[5] = Buffer.alloc(32).toString('base64url');
    expect(await verifyPin('246810', parts.join('$'))).toBe(false);
  });
});
