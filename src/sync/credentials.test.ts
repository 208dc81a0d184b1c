import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { forgetCredentials, keyFileCipher, loadCredentials, preferredCipher, saveCredentials } from './credentials';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('terminal credentials at rest', () => {
  it('round-trips and never stores the secret in clear', () => {
    dir = mkdtempSync(join(tmpdir(), 'cred-'));
    const cipher = keyFileCipher(join(dir, 'keys', 'sync.key'));
    const secret = Buffer.alloc(32, 0x5a);
    const file = join(dir, 'sync.json');
    saveCredentials(file, cipher, { platformUrl: 'http://127.0.0.1:8280', terminalId: 'T-0123456789', hallId: 'hall-1', secret, enrolledAt: '2026-11-23T09:00:00Z' });
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(secret.toString('base64'));
    expect(statSync(join(dir, 'keys', 'sync.key')).mode & 0o777).toBe(0o600);
    expect(Buffer.from(loadCredentials(file, cipher)?.secret ?? [])).toEqual(secret);
    forgetCredentials(file);
    expect(loadCredentials(file, cipher)).toBeNull();
  });

  it('refuses a secret sealed under another key', () => {
    dir = mkdtempSync(join(tmpdir(), 'cred-'));
    const file = join(dir, 'sync.json');
    saveCredentials(file, keyFileCipher(join(dir, 'a.key')), { platformUrl: 'http://127.0.0.1:1', terminalId: 'T-0123456789', hallId: 'h', secret: Buffer.alloc(32), enrolledAt: 'x' });
    expect(() => loadCredentials(file, keyFileCipher(join(dir, 'b.key')))).toThrow();
    writeFileSync(file, '{"platformUrl":1}');
    expect(() => loadCredentials(file, keyFileCipher(join(dir, 'a.key')))).toThrow(/damaged/);
  });

  it('uses safeStorage when the OS offers it, the key file otherwise', () => {
    dir = mkdtempSync(join(tmpdir(), 'cred-'));
    const sealed: string[] = [];
    const fake = {
      isEncryptionAvailable: () => true,
      encryptString: (plain: string) => {
        sealed.push(plain);
        return Buffer.from(plain.split('').reverse().join(''));
      },
      decryptString: (data: Buffer) => data.toString().split('').reverse().join(''),
    };
    const cipher = preferredCipher(fake, join(dir, 'unused.key'));
    expect(Buffer.from(cipher.decrypt(cipher.encrypt(Buffer.from([1, 2, 3]))))).toEqual(Buffer.from([1, 2, 3]));
    expect(sealed).toHaveLength(1);
    const fallback = preferredCipher({ ...fake, isEncryptionAvailable: () => false }, join(dir, 'k.key'));
    expect(Buffer.from(fallback.decrypt(fallback.encrypt(Buffer.from('x'))))).toEqual(Buffer.from('x'));
    expect(sealed).toHaveLength(1);
  });
});
