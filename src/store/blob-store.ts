// Material blobs (scans, photos): content-addressed by the SHA-256 of their bytes, encrypted at rest in
// fixed-size chunks (AES-256-GCM under a key derived from the store key, the blob name and chunk index as
// associated data), so read(sha256, offset, length) decrypts only the chunks it needs and a blob is never
// loaded whole. put() is idempotent: the same bytes give the same name and are stored once.
import { createHash, hkdfSync } from 'node:crypto';
import type Database from 'better-sqlite3';
import { gcmOpenBytes, gcmSealBytes } from '../crypto/aes-gcm';
import type { BlobSource } from '../sync/outbox';
import { KEY_BYTES, KeyError } from './crypto';

export const BLOB_CHUNK_BYTES = 64 * 1024;
export const MAX_BLOB_BYTES = 64 * 1024 * 1024;
const SHA256 = /^[0-9a-f]{64}$/;

export class BlobError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'OUT_OF_RANGE' | 'TOO_LARGE' | 'CORRUPT' | 'BAD_REQUEST',
    message: string,
  ) {
    super(message);
    this.name = 'BlobError';
  }
}

export interface StoredBlob {
  readonly sha256: string;
  readonly bytes: number;
}

export interface BlobInfo extends StoredBlob {
  readonly mediaType: string;
  readonly createdAt: string;
}

interface BlobRow {
  sha256: string;
  size: number;
  media_type: string;
  chunk_bytes: number;
  created_at: string;
}

export class BlobStore implements BlobSource {
  private readonly key: Buffer;
  private readonly stmt;

  constructor(
    private readonly db: Database.Database,
    masterKey: Uint8Array,
    private readonly chunkBytes = BLOB_CHUNK_BYTES,
  ) {
    if (masterKey.length !== KEY_BYTES) throw new KeyError(`the data key must be ${KEY_BYTES} bytes`);
    this.key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.from('hall-terminal/store/v1'), 'blob-encryption', KEY_BYTES));
    this.stmt = {
      get: db.prepare<[string], BlobRow>('SELECT * FROM blobs WHERE sha256 = ?'),
      insert: db.prepare('INSERT INTO blobs (sha256, size, media_type, chunk_bytes, created_at) VALUES (?, ?, ?, ?, ?)'),
      insertChunk: db.prepare('INSERT INTO blob_chunks (sha256, idx, data) VALUES (?, ?, ?)'),
      chunks: db.prepare<[string, number, number], { idx: number; data: Buffer }>('SELECT idx, data FROM blob_chunks WHERE sha256 = ? AND idx BETWEEN ? AND ? ORDER BY idx'),
      remove: db.prepare('DELETE FROM blobs WHERE sha256 = ?'),
      removeChunks: db.prepare('DELETE FROM blob_chunks WHERE sha256 = ?'),
    };
  }

  /** Stores the bytes (once) and returns their name. `mediaType` is kept the first time only. */
  put(data: Uint8Array, mediaType = 'application/octet-stream', now: string = new Date().toISOString()): StoredBlob {
    if (data.length > MAX_BLOB_BYTES) throw new BlobError('TOO_LARGE', `a material is at most ${MAX_BLOB_BYTES} bytes`);
    if (mediaType.length === 0 || mediaType.length > 100) throw new BlobError('BAD_REQUEST', 'media type must be 1-100 characters');
    const sha256 = createHash('sha256').update(data).digest('hex');
    this.db.transaction(() => {
      if (this.stmt.get.get(sha256)) return;
      this.stmt.insert.run(sha256, data.length, mediaType, this.chunkBytes, now);
      for (let idx = 0, at = 0; at < data.length; idx++, at += this.chunkBytes) {
        this.stmt.insertChunk.run(sha256, idx, this.seal(data.subarray(at, at + this.chunkBytes), sha256, idx));
      }
    })();
    return { sha256, bytes: data.length };
  }

  has(sha256: string): boolean {
    return SHA256.test(sha256) && this.stmt.get.get(sha256) !== undefined;
  }

  info(sha256: string): BlobInfo | null {
    const row = SHA256.test(sha256) ? this.stmt.get.get(sha256) : undefined;
    return row ? { sha256: row.sha256, bytes: row.size, mediaType: row.media_type, createdAt: row.created_at } : null;
  }

  size(sha256: string): number | null {
    return this.info(sha256)?.bytes ?? null;
  }

  /** Decrypts only the chunks that overlap [offset, offset + length). */
  read(sha256: string, offset: number, length: number): Uint8Array {
    const row = SHA256.test(sha256) ? this.stmt.get.get(sha256) : undefined;
    if (!row) throw new BlobError('NOT_FOUND', 'no such material on this terminal');
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || offset > row.size) {
      throw new BlobError('OUT_OF_RANGE', 'read outside the material');
    }
    const end = Math.min(row.size, offset + length);
    if (end === offset) return new Uint8Array(0);
    const first = Math.floor(offset / row.chunk_bytes);
    const last = Math.floor((end - 1) / row.chunk_bytes);
    const out = Buffer.allocUnsafe(end - offset);
    let written = 0;
    let expected = first;
    for (const chunk of this.stmt.chunks.iterate(sha256, first, last)) {
      if (chunk.idx !== expected++) throw new BlobError('CORRUPT', 'a chunk of the material is missing');
      const plain = this.open(chunk.data, sha256, chunk.idx);
      const from = chunk.idx === first ? offset - first * row.chunk_bytes : 0;
      const to = Math.min(plain.length, end - chunk.idx * row.chunk_bytes);
      written += plain.copy(out, written, from, to);
    }
    if (written !== out.length) throw new BlobError('CORRUPT', 'the material is shorter than recorded');
    return out;
  }

  delete(sha256: string): boolean {
    return this.db.transaction(() => {
      this.stmt.removeChunks.run(sha256);
      return this.stmt.remove.run(sha256).changes > 0;
    })();
  }

  private seal(plain: Uint8Array, sha256: string, idx: number): Buffer {
    return gcmSealBytes(this.key, plain, `blob:${sha256}:${idx}`);
  }

  private open(sealed: Buffer, sha256: string, idx: number): Buffer {
    try {
      return gcmOpenBytes(this.key, sealed, `blob:${sha256}:${idx}`);
    } catch {
      throw new BlobError('CORRUPT', 'a chunk of the material is damaged or was written under another key');
    }
  }
}
