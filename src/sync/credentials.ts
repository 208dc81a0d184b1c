// The terminal's identity and HMAC secret at rest. The secret is encrypted by a SecretCipher: Electron's
// safeStorage when available (main/electron adapts it), otherwise AES-256-GCM with a key file (mode 0600)
// kept apart from the credentials file.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { TerminalCredentials } from './client';
import { HallId, TerminalId } from '../wire/sync-protocol';

export interface SecretCipher {
  encrypt(plain: Uint8Array): Uint8Array;
  decrypt(sealed: Uint8Array): Uint8Array;
}

function writeAtomic(file: string, data: string | Uint8Array, mode: number): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, data, { mode });
  renameSync(tmp, file);
}

/** AES-256-GCM with a random key stored in keyFile (created on first use). Layout: iv(12) tag(16) data. */
export function keyFileCipher(keyFile: string): SecretCipher {
  const key = (): Buffer => {
    if (!existsSync(keyFile)) writeAtomic(keyFile, randomBytes(32), 0o600);
    const bytes = readFileSync(keyFile);
    if (bytes.length !== 32) throw new Error('sync key file is damaged');
    return bytes;
  };
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key(), iv);
      const data = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), data]);
    },
    decrypt(sealed) {
      const bytes = Buffer.from(sealed);
      if (bytes.length < 28) throw new Error('sealed secret too short');
      const decipher = createDecipheriv('aes-256-gcm', key(), bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
    },
  };
}

const StoredCredentials = z.object({
  platformUrl: z.string().url(),
  terminalId: TerminalId,
  hallId: HallId,
  sealedSecret: z.string().min(1),
  enrolledAt: z.string(),
});

export interface EnrolledTerminal extends TerminalCredentials {
  platformUrl: string;
  enrolledAt: string;
}

export function saveCredentials(file: string, cipher: SecretCipher, terminal: EnrolledTerminal): void {
  const stored: z.infer<typeof StoredCredentials> = {
    platformUrl: terminal.platformUrl,
    terminalId: terminal.terminalId,
    hallId: terminal.hallId,
    sealedSecret: Buffer.from(cipher.encrypt(terminal.secret)).toString('base64'),
    enrolledAt: terminal.enrolledAt,
  };
  writeAtomic(file, JSON.stringify(stored, null, 2), 0o600);
}

/** null when the terminal was never enrolled; throws when the file or key is damaged. */
export function loadCredentials(file: string, cipher: SecretCipher): EnrolledTerminal | null {
  if (!existsSync(file)) return null;
  const parsed = StoredCredentials.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error('sync credentials file is damaged');
  const { sealedSecret, ...rest } = parsed.data;
  return { ...rest, secret: cipher.decrypt(Buffer.from(sealedSecret, 'base64')) };
}

export function forgetCredentials(file: string): void {
  rmSync(file, { force: true });
}

/** The part of Electron's safeStorage the terminal uses; main/electron passes the real one in. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

/** safeStorage (OS keychain / DPAPI / libsecret) when available, otherwise the key file. */
export function preferredCipher(safeStorage: SafeStorageLike | null, keyFile: string): SecretCipher {
  if (!safeStorage?.isEncryptionAvailable()) return keyFileCipher(keyFile);
  return {
    encrypt: (plain) => safeStorage.encryptString(Buffer.from(plain).toString('base64')),
    decrypt: (sealed) => Buffer.from(safeStorage.decryptString(Buffer.from(sealed)), 'base64'),
  };
}
