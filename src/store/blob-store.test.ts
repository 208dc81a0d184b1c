import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { memoryStores } from '../../tests/support/memory-store';
import { BlobError, BlobStore } from './blob-store';

const fresh = memoryStores();

describe('BlobStore', () => {
  it('names content by its sha256, stores it once, and reads any slice back', () => {
    const store = fresh();
    const data = randomBytes(200_000);
    const first = store.blobs.put(data, 'image/jpeg');
    expect(first).toEqual({ sha256: createHash('sha256').update(data).digest('hex'), bytes: 200_000 });
    expect(store.blobs.put(data, 'image/png')).toEqual(first);
    expect(store.blobs.info(first.sha256)).toMatchObject({ bytes: 200_000, mediaType: 'image/jpeg' });
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM blob_chunks').get()).toEqual({ n: 4 });
    for (const [offset, length] of [[0, 10], [65_530, 20], [0, 200_000], [131_072, 65_536], [199_990, 100], [200_000, 5]] as const) {
      expect(Buffer.from(store.blobs.read(first.sha256, offset, length))).toEqual(data.subarray(offset, offset + length));
    }
    expect(store.blobs.has(first.sha256)).toBe(true);
    expect(store.blobs.has('0'.repeat(64))).toBe(false);
    expect(store.blobs.size('not a hash')).toBeNull();
  });

  it('stores an empty material', () => {
    const store = fresh();
    const empty = store.blobs.put(new Uint8Array(0));
    expect(store.blobs.size(empty.sha256)).toBe(0);
    expect(store.blobs.read(empty.sha256, 0, 10)).toHaveLength(0);
  });

  it('keeps the bytes encrypted at rest and refuses chunks moved or written under another key', () => {
    const store = fresh();
    const data = Buffer.from('身份证扫描件 '.repeat(20_000));
    const { sha256 } = store.blobs.put(data);
    const raw = store.db.prepare<[], { data: Buffer }>('SELECT data FROM blob_chunks').all();
    expect(raw.some((r) => r.data.includes(Buffer.from('身份证')))).toBe(false);
    const other = new BlobStore(store.db, Buffer.alloc(32, 1));
    expect(() => other.read(sha256, 0, 10)).toThrow(BlobError);
    // swap chunks 0 and 1: each is still a valid ciphertext, but of another position
    store.db.prepare('UPDATE blob_chunks SET idx = 100 WHERE idx = 0').run();
    store.db.prepare('UPDATE blob_chunks SET idx = 0 WHERE idx = 1').run();
    store.db.prepare('UPDATE blob_chunks SET idx = 1 WHERE idx = 100').run();
    expect(() => store.blobs.read(sha256, 0, 10)).toThrow(/damaged/);
  });

  it('rejects reads outside the material and unknown names with typed errors', () => {
    const store = fresh();
    const { sha256 } = store.blobs.put(Buffer.from('abc'));
    expect(() => store.blobs.read(sha256, 4, 1)).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE' }));
    expect(() => store.blobs.read('f'.repeat(64), 0, 1)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(store.blobs.delete(sha256)).toBe(true);
    expect(store.blobs.has(sha256)).toBe(false);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM blob_chunks').get()).toEqual({ n: 0 });
  });
});
