// Reads a platform blob straight from a SQLite platform database, as tests that inspect the file do: every
// chunk must be sealed at rest (blob_chunks.sealed = 1) and open under the data key where it lies.
import type Database from 'better-sqlite3';
import { DataCipher } from '../../platform/store/data-cipher';
import { chunkContext } from '../../platform/store/sql-blobs';

export function readSealedBlob(db: Database.Database, dataKey: Uint8Array, sha256: string): Buffer {
  const cipher = new DataCipher(dataKey);
  const rows = db.prepare<[string], { start_at: number; data: Buffer; sealed: number }>('SELECT start_at, data, sealed FROM blob_chunks WHERE sha256 = ? ORDER BY start_at').all(sha256);
  return Buffer.concat(
    rows.map((r) => {
      if (r.sealed !== 1) throw new Error(`chunk ${sha256}@${r.start_at} is stored unsealed`);
      return cipher.openBytes(r.data, chunkContext(sha256, r.start_at));
    }),
  );
}
