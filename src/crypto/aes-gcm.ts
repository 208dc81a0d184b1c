// AES-256-GCM sealing and the one-time creation of a key file, shared by the terminal store's column
// encryption (src/store/crypto.ts) and material chunks (src/store/blob-store.ts) and the platform's
// (platform/store/data-cipher.ts). Each keeps its own key derivation and stored format; this is the part
// that was the same.
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const GCM_IV_BYTES = 12;
export const GCM_TAG_BYTES = 16;

/** iv | tag | ciphertext of `plaintext`, with `aad` (table/column/row) bound as associated data. */
export function gcmSeal(key: Uint8Array, plaintext: string, aad: string): Buffer {
  return gcmSealBytes(key, Buffer.from(plaintext, 'utf8'), aad);
}

/** Opens what gcmSeal made; throws when it was tampered with, moved to another row or sealed under another key. */
export function gcmOpen(key: Uint8Array, sealed: Uint8Array, aad: string): string {
  return gcmOpenBytes(key, sealed, aad).toString('utf8');
}

/** The binary form of gcmSeal (material bytes): iv | tag | ciphertext, GCM_IV_BYTES + GCM_TAG_BYTES longer than `plaintext`. */
export function gcmSealBytes(key: Uint8Array, plaintext: Uint8Array, aad: string): Buffer {
  const iv = randomBytes(GCM_IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Opens what gcmSealBytes made; throws like gcmOpen. */
export function gcmOpenBytes(key: Uint8Array, sealed: Uint8Array, aad: string): Buffer {
  const data = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (data.length < GCM_IV_BYTES + GCM_TAG_BYTES) throw new RangeError('sealed value too short');
  const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, GCM_IV_BYTES));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(data.subarray(GCM_IV_BYTES, GCM_IV_BYTES + GCM_TAG_BYTES));
  return Buffer.concat([decipher.update(data.subarray(GCM_IV_BYTES + GCM_TAG_BYTES)), decipher.final()]);
}

/**
 * Reads the key file at `path`, or creates it with `bytes` random bytes (mode 0600). Written whole and
 * flushed under a temporary name, then hard-linked into place: link() fails if the name exists (so two
 * starts cannot race to different keys), and a crash at any moment leaves either no key file or a complete
 * one. The caller checks the size of an existing file: a wrong one must be an error, never replaced.
 */
export function readOrCreateKeyFile(path: string, bytes: number): Buffer {
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const fd = openSync(tmp, 'wx', 0o600);
    const key = randomBytes(bytes);
    try {
      writeSync(fd, key);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    linkSync(tmp, path);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(tmp, { force: true });
  }
  return readFileSync(path);
}
