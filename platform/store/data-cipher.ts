// Encryption at rest of the platform's secrets and personal data (terminal HMAC secrets, applicant name,
// ID number, phone, form values, evaluation text, agents and collectors): AES-256-GCM under a sub-key of the
// platform data key, with the table, column and row id as associated data, so a value copied to another row
// does not open.
// Values are stored as text ("enc1:" + base64 of iv|tag|ciphertext) in the existing TEXT columns, the same
// on SQLite and PostgreSQL. A value without the prefix is a row written before encryption; open() returns
// it as is and SqlRepository seals such rows on start. Material bytes (blob chunks) are sealed as bytes
// (iv|tag|ciphertext) under a second sub-key, with the blob's sha256 and the chunk's offset as associated data.
import { hkdfSync } from 'node:crypto';
import { gcmOpen, gcmOpenBytes, gcmSeal, gcmSealBytes, GCM_IV_BYTES, GCM_TAG_BYTES, readOrCreateKeyFile } from '../../src/crypto/aes-gcm';

export const DATA_KEY_BYTES = 32;
const PREFIX = 'enc1:';
/** How much longer sealed bytes are than the plaintext (iv and tag). */
export const SEAL_OVERHEAD_BYTES = GCM_IV_BYTES + GCM_TAG_BYTES;

export class DataKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataKeyError';
  }
}

export class DataCipher {
  private readonly key: Buffer;
  private readonly blobKey: Buffer;

  constructor(dataKey: Uint8Array) {
    if (dataKey.length !== DATA_KEY_BYTES) throw new DataKeyError(`the platform data key must be ${DATA_KEY_BYTES} bytes`);
    this.key = Buffer.from(hkdfSync('sha256', dataKey, Buffer.from('hall-platform/v1'), 'column-encryption', DATA_KEY_BYTES));
    this.blobKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.from('hall-platform/v1'), 'blob-encryption', DATA_KEY_BYTES));
  }

  /** Seals material bytes: SEAL_OVERHEAD_BYTES longer than `plain`. */
  sealBytes(plain: Uint8Array, context: string): Buffer {
    return gcmSealBytes(this.blobKey, plain, context);
  }

  /** Throws when the bytes were written under another key, tampered with or moved (another blob or offset). */
  openBytes(sealed: Uint8Array, context: string): Buffer {
    try {
      return gcmOpenBytes(this.blobKey, sealed, context);
    } catch {
      throw new DataKeyError('sealed bytes do not open here (moved, damaged or another PLATFORM_DATA_KEY)');
    }
  }

  seal(plain: string, context: string): string {
    return PREFIX + gcmSeal(this.key, plain, context).toString('base64');
  }

  sealNullable(plain: string | null, context: string): string | null {
    return plain === null ? null : this.seal(plain, context);
  }

  /** Throws when the value was written under another key or moved from another row. */
  open(stored: string, context: string): string {
    if (!isSealed(stored)) return stored;
    const data = Buffer.from(stored.slice(PREFIX.length), 'base64');
    if (data.length < GCM_IV_BYTES + GCM_TAG_BYTES) throw new DataKeyError('sealed value too short');
    try {
      return gcmOpen(this.key, data, context);
    } catch {
      throw new DataKeyError('a sealed value does not open with this data key (wrong PLATFORM_DATA_KEY?)');
    }
  }

  openNullable(stored: string | null, context: string): string | null {
    return stored === null ? null : this.open(stored, context);
  }
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/** PLATFORM_DATA_KEY: 32 bytes as base64 (44 characters) or hex (64 characters). */
export function parseDataKey(text: string): Buffer {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/]{43}=$/.test(value)) return Buffer.from(value, 'base64');
  throw new DataKeyError('PLATFORM_DATA_KEY must be 32 bytes, as 64 hex digits or base64');
}

/**
 * Reads the data key file, or creates it (mode 0600; written and flushed under a temporary name, then
 * linked into place, so a crash never leaves a partial key and two starts cannot race to different keys).
 * A file of the wrong size is an error, never replaced: that would make every sealed value unreadable.
 */
export function loadOrCreateDataKeyFile(path: string): Buffer {
  const key = readOrCreateKeyFile(path, DATA_KEY_BYTES);
  if (key.length !== DATA_KEY_BYTES) throw new DataKeyError(`data key file ${path} has ${key.length} bytes, expected ${DATA_KEY_BYTES}`);
  return key;
}
