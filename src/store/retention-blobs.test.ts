import { describe, expect, it } from 'vitest';
import { submitInput } from '../../tests/integration/store-fixtures';
import { memoryStores } from '../../tests/support/memory-store';

const fresh = memoryStores();

describe('retention of material files', () => {
  it('deletes a scan with the last purged application using it, and old orphans, but nothing still needed', () => {
    const store = fresh();
    const put = (text: string, at: string) => store.blobs.put(Buffer.from(text), 'image/jpeg', at);
    const onlyOld = put('old application only', '2026-09-01T09:00:00.000Z');
    const shared = put('shared by old and unsynced', '2026-09-01T09:00:00.000Z');
    const unsynced = put('unsynced application', '2026-09-01T09:00:00.000Z');
    const oldOrphan = put('abandoned capture', '2026-09-01T09:00:00.000Z');
    const freshOrphan = put('capture in progress', '2026-11-23T11:59:00.000Z');
    const material = (key: string, b: { sha256: string; bytes: number }) => ({ key, pages: 1, trust: 'C' as const, sha256: b.sha256, bytes: b.bytes });
    const old = store.applications.submit(submitInput({ at: '2026-09-01T09:00:00.000Z', materials: [material('A', onlyOld), material('B', shared)] }));
    store.applications.submit(submitInput({ at: '2026-09-01T10:00:00.000Z', materials: [material('B', shared), material('C', unsynced)] }));
    store.applications.markSynced(old.id, '2026-09-01T09:05:00.000Z');

    expect(store.purgePersonalData('2026-11-23T12:00:00.000Z')).toBe(1);
    expect([onlyOld, shared, unsynced, oldOrphan, freshOrphan].map((b) => store.blobs.has(b.sha256))).toEqual([false, true, true, false, true]);
    expect(store.db.prepare('SELECT COUNT(DISTINCT sha256) AS n FROM blob_chunks').get()).toEqual({ n: 3 });
    store.close();
  });
});
