import { describe, expect, it } from 'vitest';
import { submitInput } from '../../tests/integration/store-fixtures';
import { memoryStores } from '../../tests/support/memory-store';

const fresh = memoryStores();

describe('EvaluationRepository.latestUnrated', () => {
  it('is the newest application without a first-round rating on that channel', () => {
    const store = fresh();
    expect(store.evaluations.latestUnrated('windowPad')).toBeNull();
    const older = store.applications.submit(submitInput({ materials: [], at: '2026-11-23T09:00:00.000Z' }));
    const newer = store.applications.submit(submitInput({ materials: [], subjectId: 'GA-03', kind: 'item', at: '2026-11-23T10:00:00.000Z' }));
    expect(store.evaluations.latestUnrated('windowPad')).toEqual({ applicationId: newer.id, subjectId: 'GA-03' });
    store.evaluations.add({ applicationId: newer.id, channel: 'windowPad', level: '满意', at: '2026-11-23T10:05:00.000Z', terminal: 'T' });
    expect(store.evaluations.latestUnrated('windowPad')).toEqual({ applicationId: older.id, subjectId: 'BND-BIRTH' });
    // A rating on another channel does not count for this one.
    expect(store.evaluations.latestUnrated('kiosk')).toEqual({ applicationId: newer.id, subjectId: 'GA-03' });
  });
});
