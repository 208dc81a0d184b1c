import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FieldCipher, KeyError, loadOrCreateKeyFile } from './crypto';

const key = Buffer.alloc(32, 7);

describe('FieldCipher', () => {
  const cipher = new FieldCipher(key);
  it('round-trips and never contains the plaintext', () => {
    const blob = cipher.encrypt('张三 430102199003071234', 'applications.personal:a1');
    expect(blob.toString('utf8')).not.toContain('430102199003071234');
    expect(cipher.decrypt(blob, 'applications.personal:a1')).toBe('张三 430102199003071234');
  });
  it('uses a fresh IV every time', () => {
    expect(cipher.encrypt('x', 'c').equals(cipher.encrypt('x', 'c'))).toBe(false);
  });
  it('rejects a value moved to another row, tampered with, or read with another key', () => {
    const blob = cipher.encrypt('secret', 'applications.personal:a1');
    expect(() => cipher.decrypt(blob, 'applications.personal:a2')).toThrow();
    const tampered = Buffer.from(blob);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(() => cipher.decrypt(tampered, 'applications.personal:a1')).toThrow();
    expect(() => new FieldCipher(Buffer.alloc(32, 8)).decrypt(blob, 'applications.personal:a1')).toThrow();
    expect(() => cipher.decrypt(Buffer.from([9, 9]), 'x')).toThrow(KeyError);
  });
  it('lookup hashes are stable, keyed and case-insensitive', () => {
    expect(cipher.lookupHash('43010219900307123x').equals(cipher.lookupHash('43010219900307123X'))).toBe(true);
    expect(new FieldCipher(Buffer.alloc(32, 1)).lookupHash('a').equals(cipher.lookupHash('a'))).toBe(false);
  });
  it('refuses keys of the wrong size', () => {
    expect(() => new FieldCipher(Buffer.alloc(16))).toThrow(KeyError);
  });
});

describe('loadOrCreateKeyFile', () => {
  it('creates a 32-byte key with mode 0600 and reads it back', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'key-')), 'terminal.key');
    const created = loadOrCreateKeyFile(path);
    expect(created).toHaveLength(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadOrCreateKeyFile(path).equals(created)).toBe(true);
    expect(readFileSync(path).equals(created)).toBe(true);
  });
  it('refuses a damaged key file instead of replacing it', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'key-')), 'terminal.key');
    writeFileSync(path, Buffer.alloc(10), { mode: 0o600 });
    expect(() => loadOrCreateKeyFile(path)).toThrow(KeyError);
    expect(readFileSync(path)).toHaveLength(10);
  });
});
