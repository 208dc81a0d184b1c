import { describe, expect, it, vi } from 'vitest';
import { submitInput } from '../../tests/integration/store-fixtures';
import { memoryStores } from '../../tests/support/memory-store';
import { ApplicationSubmitted, EvaluationRecorded, StatusChanged } from '../wire/sync-protocol';
import { RecordError, recordEvaluation, recordSubmission, recordTransition } from './record';
import type { Store } from './store';

const fresh = memoryStores({ catalog: true });

const count = (store: Store, table: string) => (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

function withScan(store: Store) {
  const scan = store.blobs.put(Buffer.from('household register scan'), 'image/jpeg');
  return submitInput({ materials: [{ key: 'SM-HUKOU:household', pages: 2, trust: 'C', sha256: scan.sha256, bytes: scan.bytes }, { key: 'SM-UNMARRIED-STATEMENT:mother', pages: 1, trust: 'D' }] });
}

describe('recordSubmission', () => {
  it('writes the application and a valid application.submitted op with its blobs in one go', () => {
    const store = fresh();
    const record = recordSubmission(store, withScan(store), 5000);
    const [entry] = store.outbox.pending(10);
    expect(entry).toMatchObject({ kind: 'application.submitted', idempotencyKey: `submit:${record.id}`, orderingKey: record.id, createdAt: 5000 });
    const payload = ApplicationSubmitted.parse(entry?.payload);
    expect(payload).toMatchObject({ applicationId: record.id, trackingNumber: record.trackingNo, itemCode: 'BND-BIRTH' });
    expect(payload.department).not.toBe('unknown');
    expect(payload.blobs).toEqual([{ sha256: record.materials[0]?.sha256, size: 23, mediaType: 'image/jpeg', material: 'SM-HUKOU:household' }]);
  });

  it('refuses a material whose file is not stored, writing nothing', () => {
    const store = fresh();
    expect(() => recordSubmission(store, submitInput(), 1)).toThrow(RecordError);
    expect(count(store, 'applications')).toBe(0);
    expect(count(store, 'outbox')).toBe(0);
  });

  it('rolls the application back when the outbox append fails', () => {
    const store = fresh();
    const input = withScan(store);
    const spy = vi.spyOn(store.outbox, 'append').mockImplementation(() => {
      throw new Error('disk full');
    });
    expect(() => recordSubmission(store, input, 1)).toThrow('disk full');
    spy.mockRestore();
    expect(count(store, 'applications')).toBe(0);
    expect(count(store, 'application_materials')).toBe(0);
    expect(count(store, 'application_audit')).toBe(0);
    expect(count(store, 'outbox')).toBe(0);
    // and the next one goes through normally
    recordSubmission(store, input, 2);
    expect(count(store, 'applications')).toBe(1);
  });
});

describe('recordTransition and recordEvaluation', () => {
  it('queue ordered status and evaluation ops behind the submission', () => {
    const store = fresh();
    const record = recordSubmission(store, withScan(store), 1);
    recordTransition(store, record.id, { to: 'withdrawn', actor: { kind: 'citizen', id: 'kiosk' }, terminal: 'QX01-K01', at: '2026-11-23T09:40:00.000Z', reason: '不办了' }, 2);
    recordEvaluation(store, { applicationId: record.id, channel: 'kiosk', level: '满意', at: '2026-11-23T09:41:00.000Z', terminal: 'QX01-K01' }, 3);
    const ops = store.outbox.pending(10);
    expect(ops.map((o) => o.kind)).toEqual(['application.submitted', 'application.status', 'evaluation']);
    expect(ops.every((o) => o.orderingKey === record.id)).toBe(true);
    expect(StatusChanged.parse(ops[1]?.payload)).toMatchObject({ status: 'withdrawn', actor: { kind: 'citizen', id: 'kiosk' }, reason: '不办了' });
    expect(ops[1]?.idempotencyKey).toBe(`status:${record.id}:2`);
    expect(EvaluationRecorded.parse(ops[2]?.payload)).toMatchObject({ level: '满意', window: 'kiosk', round: 1 });
  });

  it('write nothing when the state machine refuses the change', () => {
    const store = fresh();
    const record = recordSubmission(store, withScan(store), 1);
    expect(() => recordTransition(store, record.id, { to: 'delivered', actor: { kind: 'citizen', id: 'kiosk' }, terminal: 'T', at: '2026-11-23T09:40:00.000Z' }, 2)).toThrow();
    expect(() => recordEvaluation(store, { applicationId: 'nope', channel: 'kiosk', level: '满意', at: '2026-11-23T09:41:00.000Z', terminal: 'T' }, 3)).toThrow(RecordError);
    expect(store.outbox.stats().pending).toBe(1);
  });
});
