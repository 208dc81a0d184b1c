// Encryption at rest for personal-data columns: AES-256-GCM with a random 96-bit IV per value and the
// table/column/row id as associated data, so a ciphertext cannot be moved to another row unnoticed.
// The master key comes from the shell (Electron safeStorage, or a 0600 key file in the web shell); two
// sub-keys are derived from it with HKDF: one for encryption, one for the applicant lookup HMAC.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, linkSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export class KeyError extends Error {}

export class FieldCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(masterKey: Uint8Array) {
    if (masterKey.length !== KEY_BYTES) throw new KeyError(`the data key must be ${KEY_BYTES} bytes`);
    const salt = Buffer.from('hall-terminal/store/v1');
    this.encKey = Buffer.from(hkdfSync('sha256', masterKey, salt, 'field-encryption', KEY_BYTES));
    this.macKey = Buffer.from(hkdfSync('sha256', masterKey, salt, 'applicant-lookup', KEY_BYTES));
  }

  encrypt(plaintext: string, context: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
  }

  /** Throws when the value was tampered with, moved to another row, or written under another key. */
  decrypt(blob: Uint8Array, context: string): string {
    const data = Buffer.from(blob);
    if (data.length < 1 + IV_BYTES + TAG_BYTES || data[0] !== VERSION) throw new KeyError('unknown ciphertext format');
    const iv = data.subarray(1, 1 + IV_BYTES);
    const tag = data.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, iv);
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  /** Deterministic keyed hash for finding rows by an ID number without storing it. */
  lookupHash(value: string): Buffer {
    return createHmac('sha256', this.macKey).update(value.trim().toUpperCase()).digest();
  }
}

/**
 * Reads the 32-byte key at `path`, or creates it (mode 0600, exclusive create so two starts cannot race
 * to different keys). A key file of the wrong size is an error, never silently replaced: replacing it
 * would make every encrypted value unreadable.
 */
export function loadOrCreateKeyFile(path: string): Buffer {
  // Written whole and flushed under a temporary name, then hard-linked into place: link() fails if the
  // name exists (so two starts cannot race to different keys), and a crash at any moment leaves either
  // no key file or a complete one — never an empty file that would lock the terminal out of its data.
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const fd = openSync(tmp, 'wx', 0o600);
    const key = randomBytes(KEY_BYTES);
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
  const key = readFileSync(path);
  if (key.length !== KEY_BYTES) throw new KeyError(`key file ${path} has ${key.length} bytes, expected ${KEY_BYTES}`);
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  return key;
}
