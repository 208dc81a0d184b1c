import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gcmOpen, gcmOpenBytes, gcmSeal, gcmSealBytes, readOrCreateKeyFile } from './aes-gcm';

const key = Buffer.alloc(32, 9);

describe('AES-256-GCM shared by the terminal and platform stores', () => {
  it('opens what it sealed only with the same key and associated data; a flipped bit is refused', () => {
    const sealed = gcmSeal(key, '王䶮 11010519491231002X', 'applications.personal:app-1');
    expect(sealed.length).toBe(12 + 16 + Buffer.byteLength('王䶮 11010519491231002X'));
    expect(gcmOpen(key, sealed, 'applications.personal:app-1')).toBe('王䶮 11010519491231002X');
    expect(() => gcmOpen(key, sealed, 'applications.personal:app-2')).toThrow();
    expect(() => gcmOpen(Buffer.alloc(32, 8), sealed, 'applications.personal:app-1')).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered.at(-1) ?? 0) ^ 1;
    expect(() => gcmOpen(key, tampered, 'applications.personal:app-1')).toThrow();
    expect(() => gcmOpen(key, sealed.subarray(0, 20), 'x')).toThrow(/too short/);
    expect(gcmSeal(key, 'same', 'a').equals(gcmSeal(key, 'same', 'a'))).toBe(false);
  });

  it('seals and opens bytes (any value, empty too) bound to their associated data', () => {
    const bytes = Buffer.from([0, 255, 1, 2, 0xff, 0xd8, 0x00]);
    const sealed = gcmSealBytes(key, bytes, 'blob:abc@0');
    expect(sealed.length).toBe(12 + 16 + bytes.length);
    expect(sealed.includes(bytes)).toBe(false);
    expect(gcmOpenBytes(key, sealed, 'blob:abc@0').equals(bytes)).toBe(true);
    expect(() => gcmOpenBytes(key, sealed, 'blob:abc@7')).toThrow();
    expect(gcmOpenBytes(key, gcmSealBytes(key, Buffer.alloc(0), 'e'), 'e')).toHaveLength(0);
    expect(gcmOpenBytes(key, new Uint8Array(gcmSealBytes(key, bytes, 'u')), 'u').equals(bytes)).toBe(true);
  });

  it('creates a key file once (0600) and reads the same key afterwards', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'gcm-')), 'k.key');
    const first = readOrCreateKeyFile(path, 32);
    expect(first).toHaveLength(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readOrCreateKeyFile(path, 32).equals(first)).toBe(true);
    const short = join(mkdtempSync(join(tmpdir(), 'gcm-')), 'short.key');
    writeFileSync(short, Buffer.alloc(5));
    expect(readOrCreateKeyFile(short, 32)).toHaveLength(5);
  });
});
