// Material bytes on the platform: content-addressed blobs received in chunks, each chunk sealed at rest
// (AES-256-GCM under the data key's blob sub-key, the blob's sha256 and the chunk's start offset as
// associated data, so a chunk moved to another offset or blob does not open). Offsets count plaintext bytes;
// a chunk row stores its sealed bytes (28 bytes longer) with sealed = 1. Rows written before sealing
// (sealed = 0) are read as they are and sealed on open, one chunk at a time. Reading and hash verification
// walk the chunks one by one, never holding a whole blob.
import { createHash } from 'node:crypto';
import type { BlobStatus } from '../../src/wire/sync-protocol';
import type { DataCipher } from './data-cipher';
import type { ChunkResult } from './repository';
import type { SqlEngine, SqlExecutor } from './sql';
import type { BlobRow } from './sql-rows';

export const chunkContext = (sha256: string, startAt: number) => `blob_chunks:${sha256}:${startAt}`;

export class SqlBlobStore {
  private readonly lock: string;

  constructor(
    private readonly db: SqlEngine,
    private readonly cipher: DataCipher,
  ) {
    this.lock = db.dialect === 'postgres' ? ' FOR UPDATE' : '';
  }

  async status(sha256: string): Promise<BlobStatus> {
    const row = await this.db.get<BlobRow>('SELECT * FROM blobs WHERE sha256 = ?', [sha256]);
    return row ? { sha256, received: row.received, size: row.size, complete: row.complete === 1 } : { sha256, received: 0, size: null, complete: false };
  }

  append(sha256: string, size: number, offset: number, data: Uint8Array): Promise<ChunkResult> {
    return this.db.transaction(async (tx): Promise<ChunkResult> => {
      let row = await tx.get<BlobRow>(`SELECT * FROM blobs WHERE sha256 = ?${this.lock}`, [sha256]);
      if (!row) {
        await tx.run('INSERT INTO blobs (sha256, size, received, complete) VALUES (?, ?, 0, 0) ON CONFLICT DO NOTHING', [sha256, size]);
        row = await tx.get<BlobRow>(`SELECT * FROM blobs WHERE sha256 = ?${this.lock}`, [sha256]);
        if (!row) throw new Error('blob row vanished');
      }
      const status = (r: BlobRow): BlobStatus => ({ sha256, received: r.received, size: r.size, complete: r.complete === 1 });
      if (row.complete === 1) return { ok: true, status: status(row) };
      if (offset === 0 && data.length === size && row.received === 0 && row.size === size) {
        // The whole blob in one chunk: verify it before storing anything.
        if (createHash('sha256').update(data).digest('hex') !== sha256) return { ok: false, code: 'HASH_MISMATCH', status: status(row) };
        if (size > 0) await this.insertChunk(tx, sha256, 0, data);
        await tx.run('UPDATE blobs SET received = ?, complete = 1 WHERE sha256 = ?', [size, sha256]);
        return { ok: true, status: { sha256, received: size, size, complete: true } };
      }
      if (row.size !== size || offset + data.length > size) return { ok: false, code: 'SIZE_MISMATCH', status: status(row) };
      if (offset !== row.received) return { ok: false, code: 'OFFSET_MISMATCH', status: status(row) };
      if (data.length > 0) await this.insertChunk(tx, sha256, offset, data);
      const received = offset + data.length;
      if (received < size) {
        await tx.run('UPDATE blobs SET received = ? WHERE sha256 = ?', [received, sha256]);
        return { ok: true, status: { sha256, received, size, complete: false } };
      }
      const hash = createHash('sha256');
      for await (const chunk of this.chunks(tx, sha256)) hash.update(chunk);
      if (hash.digest('hex') !== sha256) {
        // Start over: the bytes received are not the content the name promises.
        await tx.run('DELETE FROM blob_chunks WHERE sha256 = ?', [sha256]);
        await tx.run('UPDATE blobs SET received = 0 WHERE sha256 = ?', [sha256]);
        return { ok: false, code: 'HASH_MISMATCH', status: { sha256, received: 0, size, complete: false } };
      }
      await tx.run('UPDATE blobs SET received = ?, complete = 1 WHERE sha256 = ?', [received, sha256]);
      return { ok: true, status: { sha256, received, size, complete: true } };
    });
  }

  read(sha256: string): AsyncIterable<Uint8Array> {
    return this.chunks(this.db, sha256);
  }

  private async insertChunk(tx: SqlExecutor, sha256: string, startAt: number, data: Uint8Array): Promise<void> {
    await tx.run('INSERT INTO blob_chunks (sha256, start_at, data, sealed) VALUES (?, ?, ?, 1)', [sha256, startAt, this.cipher.sealBytes(data, chunkContext(sha256, startAt))]);
  }

  /** The plaintext chunks in order; throws DataKeyError when a sealed chunk does not open where it lies. */
  private async *chunks(db: SqlExecutor, sha256: string): AsyncIterable<Uint8Array> {
    let at = 0;
    for (;;) {
      const row = await db.get<{ data: Uint8Array; sealed: number }>('SELECT data, sealed FROM blob_chunks WHERE sha256 = ? AND start_at = ?', [sha256, at]);
      if (!row) return;
      const plain = Number(row.sealed) === 1 ? this.cipher.openBytes(row.data, chunkContext(sha256, at)) : row.data;
      if (plain.length === 0) return;
      yield plain;
      at += plain.length;
    }
  }
}

/** Seals chunks stored before material was sealed at rest, one chunk per statement; returns how many. */
export async function sealLegacyChunks(db: SqlEngine, cipher: DataCipher): Promise<number> {
  let sealed = 0;
  for (;;) {
    const keys = await db.all<{ sha256: string; start_at: number }>('SELECT sha256, start_at FROM blob_chunks WHERE sealed = 0 ORDER BY sha256, start_at LIMIT 100');
    if (keys.length === 0) return sealed;
    for (const k of keys) {
      const startAt = Number(k.start_at);
      const row = await db.get<{ data: Uint8Array }>('SELECT data FROM blob_chunks WHERE sha256 = ? AND start_at = ? AND sealed = 0', [k.sha256, startAt]);
      if (!row) continue;
      sealed += await db.run('UPDATE blob_chunks SET data = ?, sealed = 1 WHERE sha256 = ? AND start_at = ? AND sealed = 0', [cipher.sealBytes(row.data, chunkContext(k.sha256, startAt)), k.sha256, startAt]);
    }
  }
}
