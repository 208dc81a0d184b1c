import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataCipher, DataKeyError, loadOrCreateDataKeyFile, parseDataKey, SEAL_OVERHEAD_BYTES } from './data-cipher';

describe('platform data cipher', () => {
  it('seals with a row context and opens only there', () => {
    const cipher = new DataCipher(Buffer.alloc(32, 9));
    const sealed = cipher.seal('张三', 'applications.applicant_name:A-1');
    expect(sealed).toMatch(/^enc1:/);
    expect(sealed).not.toBe(cipher.seal('张三', 'applications.applicant_name:A-1'));
    expect(cipher.open(sealed, 'applications.applicant_name:A-1')).toBe('张三');
    expect(() => cipher.open(sealed, 'applications.applicant_name:A-2')).toThrow(DataKeyError);
    expect(cipher.open('plain legacy value', 'x')).toBe('plain legacy value');
    expect(cipher.openNullable(null, 'x')).toBeNull();
    expect(() => new DataCipher(Buffer.alloc(16))).toThrow(DataKeyError);
  });

  it('seals material bytes bound to their blob and offset, under a key of their own', () => {
    const cipher = new DataCipher(Buffer.alloc(32, 9));
    const bytes = Buffer.from('%PDF-1.7 MARKER-材料', 'utf8');
    const sealed = cipher.sealBytes(bytes, 'blob_chunks:abc:0');
    expect(sealed.length).toBe(bytes.length + SEAL_OVERHEAD_BYTES);
    expect(sealed.includes(Buffer.from('MARKER'))).toBe(false);
    expect(cipher.openBytes(sealed, 'blob_chunks:abc:0').equals(bytes)).toBe(true);
    expect(() => cipher.openBytes(sealed, 'blob_chunks:abc:64')).toThrow(DataKeyError);
    expect(() => cipher.openBytes(sealed, 'blob_chunks:def:0')).toThrow(DataKeyError);
    expect(() => new DataCipher(Buffer.alloc(32, 8)).openBytes(sealed, 'blob_chunks:abc:0')).toThrow(DataKeyError);
    // The column key and the blob key differ: text sealed for a column is not material.
    const text = Buffer.from(cipher.seal('x', 'blob_chunks:abc:0').slice('enc1:'.length), 'base64');
    expect(() => cipher.openBytes(text, 'blob_chunks:abc:0')).toThrow(DataKeyError);
  });

  it('reads PLATFORM_DATA_KEY as hex or base64 and refuses anything else', () => {
    expect(parseDataKey('ab'.repeat(32))).toEqual(Buffer.alloc(32, 0xab));
    expect(parseDataKey(Buffer.alloc(32, 7).toString('base64'))).toEqual(Buffer.alloc(32, 7));
    for (const bad of ['', 'short', 'ab'.repeat(31), Buffer.alloc(16).toString('base64')]) expect(() => parseDataKey(bad)).toThrow(DataKeyError);
  });

  it('creates the key file once (0600) and never replaces a damaged one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'data-key-'));
    const file = join(dir, 'data.key');
    const key = loadOrCreateDataKeyFile(file);
    expect(loadOrCreateDataKeyFile(file)).toEqual(key);
    expect(readFileSync(file)).toEqual(key);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeFileSync(join(dir, 'bad.key'), 'x');
    expect(() => loadOrCreateDataKeyFile(join(dir, 'bad.key'))).toThrow(DataKeyError);
  });
});
