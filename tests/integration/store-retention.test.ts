import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store';
import { APPLICANT_ID, KEY, submitInput, tempDbPath } from './store-fixtures';

describe('retention purge', () => {
  it('purges personal data of synced applications older than the retention, and nothing else', () => {
    const store = openStore({ path: tempDbPath(), key: KEY });
    const oldSynced = store.applications.submit(submitInput({ at: '2026-09-01T09:00:00.000Z' }));
    const oldUnsynced = store.applications.submit(submitInput({ at: '2026-09-01T10:00:00.000Z' }));
    const recentSynced = store.applications.submit(submitInput({ at: '2026-11-20T09:00:00.000Z' }));
    store.applications.markSynced(oldSynced.id, '2026-09-01T09:05:00.000Z', 'PLATFORM-1');
    store.applications.markSynced(recentSynced.id, '2026-11-20T09:05:00.000Z');
    store.applications.transition(oldSynced.id, {
      to: 'precheckReturned',
      actor: { kind: 'staff', id: 'S1' },
      terminal: 'W1',
      at: '2026-09-02T09:00:00.000Z',
      reason: '照片不清晰',
    });
    store.evaluations.add({
      applicationId: oldSynced.id,
      channel: 'kiosk',
      level: '满意',
      text: '很好',
      evaluator: { kind: 'person', name: '某某', idNumber: APPLICANT_ID, anonymous: false },
      at: '2026-09-02T09:00:00Z',
      terminal: 'K1',
    });

    expect(store.purgePersonalData('2026-11-23T12:00:00.000Z')).toBe(1);

    const purged = store.applications.get(oldSynced.id);
    expect(purged?.personal).toBeNull();
    expect(purged?.purgedAt).toBe('2026-11-23T12:00:00.000Z');
    expect(purged?.trackingNo).toBe(oldSynced.trackingNo); // progress queries still work
    expect(purged?.platformNo).toBe('PLATFORM-1');
    expect(purged?.materials).toHaveLength(2);
    expect(store.applications.audit(oldSynced.id).map((a) => a.reason)).toEqual([undefined, undefined]);
    expect(store.evaluations.list(oldSynced.id)[0]?.text).toBeUndefined();
    expect(store.evaluations.list(oldSynced.id)[0]?.evaluator).toBeUndefined();
    expect(store.evaluations.list(oldSynced.id)[0]?.level).toBe('满意'); // the rating itself stays
    expect(store.applications.findByApplicant(APPLICANT_ID).map((a) => a.id).sort()).toEqual([oldUnsynced.id, recentSynced.id].sort());

    expect(store.applications.get(oldUnsynced.id)?.personal).not.toBeNull();
    expect(store.applications.get(recentSynced.id)?.personal).not.toBeNull();
    // idempotent
    expect(store.purgePersonalData('2026-11-23T12:00:00.000Z')).toBe(0);
    // a shorter retention reaches the recent one
    expect(store.purgePersonalData('2026-11-23T12:00:00.000Z', 1)).toBe(1);
    expect(() => store.purgePersonalData('2026-11-23T12:00:00.000Z', -1)).toThrow(RangeError);
    store.close();
  });
});
