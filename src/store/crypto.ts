// Encryption at rest for personal-data columns: AES-256-GCM with a random 96-bit IV per value and the
// table/column/row id as associated data, so a ciphertext cannot be moved to another row unnoticed.
// The master key comes from the shell (Electron safeStorage, or a 0600 key file in the web shell); two
// sub-keys are derived from it with HKDF: one for encryption, one for the applicant lookup HMAC.
import { createHmac, hkdfSync } from 'node:crypto';
import { chmodSync, statSync } from 'node:fs';
import { gcmOpen, gcmSeal, GCM_IV_BYTES, GCM_TAG_BYTES, readOrCreateKeyFile } from '../crypto/aes-gcm';

const VERSION = 1;
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
    return Buffer.concat([Buffer.from([VERSION]), gcmSeal(this.encKey, plaintext, context)]);
  }

  /** Throws when the value was tampered with, moved to another row, or written under another key. */
  decrypt(blob: Uint8Array, context: string): string {
    const data = Buffer.from(blob);
    if (data.length < 1 + GCM_IV_BYTES + GCM_TAG_BYTES || data[0] !== VERSION) throw new KeyError('unknown ciphertext format');
    return gcmOpen(this.encKey, data.subarray(1), context);
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
  const key = readOrCreateKeyFile(path, KEY_BYTES);
  if (key.length !== KEY_BYTES) throw new KeyError(`key file ${path} has ${key.length} bytes, expected ${KEY_BYTES}`);
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  return key;
}
