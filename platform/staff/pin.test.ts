import { describe, expect, it } from 'vitest';
import { Pin } from '../../src/wire/staff-protocol';
import { hashPin, verifyPin } from './pin';

describe('staff PIN hashing', () => {
  it('verifies the right PIN and refuses a wrong one, with a fresh salt each time', async () => {
    const a = await hashPin('246810');
    const b = await hashPin('246810');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('246810');
    expect(await verifyPin('246810', a)).toBe(true);
    expect(await verifyPin('246811', a)).toBe(false);
  });

  it('treats a malformed or absurd stored hash as a mismatch', async () => {
    expect(await verifyPin('246810', 'plain-text')).toBe(false);
    expect(await verifyPin('246810', 'scrypt$99999999$8$1$AAAA$AAAA')).toBe(false);
  });

  it('accepts 6 to 12 digits only', () => {
    expect(Pin.safeParse('123456').success).toBe(true);
    expect(Pin.safeParse('12345').success).toBe(false);
    expect(Pin.safeParse('12345a').success).toBe(false);
    expect(Pin.safeParse('1234567890123').success).toBe(false);
  });
});
