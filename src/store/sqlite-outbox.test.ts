import { describe, expect, it } from 'vitest';
import { outboxConformance } from '../../tests/support/outbox-conformance';
import { submitInput } from '../../tests/integration/store-fixtures';
import { memoryStores } from '../../tests/support/memory-store';
import { recordSubmission } from './record';

const fresh = memoryStores();

outboxConformance('SqliteOutbox', () => fresh().outbox);

describe('SqliteOutbox on the terminal store', () => {
  it('never reuses an op id after the newest rows are acknowledged, even across reopening', () => {
    const store = fresh();
    const op = (k: string) => ({ kind: 'audit' as const, payload: { eventId: k, kind: 't', at: '2026-11-23T09:00:00Z', detail: {} }, idempotencyKey: k, orderingKey: null });
    const a = store.outbox.append(op('a'), 1);
    const b = store.outbox.append(op('b'), 2);
    store.outbox.acknowledge([{ opId: a }, { opId: b }]);
    expect(store.outbox.append(op('c'), 3)).toBeGreaterThan(b);
  });

  it('keeps payloads encrypted on disk (they carry names and ID numbers)', () => {
    const store = fresh();
    const blob = store.blobs.put(Buffer.from('scan'), 'image/jpeg');
    recordSubmission(store, submitInput({ materials: [{ key: 'SM-HUKOU:household', pages: 1, trust: 'C', sha256: blob.sha256, bytes: blob.bytes }] }), 1000);
    const raw = store.db.prepare<[], { payload: Buffer }>('SELECT payload FROM outbox').all();
    expect(raw).toHaveLength(1);
    const text = raw.map((r) => r.payload.toString('latin1')).join();
    expect(text).not.toContain('欧阳');
    expect(text).not.toContain('430102');
    expect(store.outbox.pending(1)[0]?.payload).toMatchObject({ applicant: { name: '欧阳娜娜' } });
  });

  it('marks the application synced with the platform reference when its submission is acknowledged', () => {
    const store = fresh();
    const record = recordSubmission(store, submitInput({ materials: [] }), 1000);
    const [entry] = store.outbox.pending(10);
    expect(store.applications.get(record.id)?.syncedAt).toBeNull();
    store.outbox.acknowledge([{ opId: entry?.opId ?? 0, ref: 'BJ-2026-0001' }]);
    expect(store.applications.get(record.id)).toMatchObject({ platformNo: 'BJ-2026-0001' });
    expect(store.applications.get(record.id)?.syncedAt).not.toBeNull();
    expect(store.outbox.stats().pending).toBe(0);
  });

  it('masks personal data in dead-letter messages', () => {
    const store = fresh();
    const id = store.outbox.append({ kind: 'audit', payload: {}, idempotencyKey: 'k', orderingKey: null }, 1);
    store.outbox.deadLetter(id, 'BAD_REQUEST', 'applicant 430102199003071241 is wrong', 2);
    expect(store.outbox.deadLetters()[0]?.message).not.toContain('430102199003071241');
  });
});

describe('SqliteInbox', () => {
  const config = (seq: number, payload: Record<string, unknown>) => ({ seq, kind: 'config' as const, payload });

  it('applies each message once and advances the cursor with it', () => {
    const store = fresh();
    const seen: number[] = [];
    store.inbox.onApplied((m) => seen.push(m.seq));
    store.inbox.apply(config(1, { 'kiosk.idleSeconds': 90 }));
    store.inbox.apply(config(2, { 'kiosk.idleSeconds': 120 }));
    store.inbox.apply(config(2, { 'kiosk.idleSeconds': 999 }));
    store.inbox.apply(config(1, { 'kiosk.idleSeconds': 999 }));
    expect(seen).toEqual([1, 2]);
    expect(store.inbox.cursor()).toBe(2);
    expect(store.db.prepare('SELECT value FROM platform_config WHERE key = ?').get('kiosk.idleSeconds')).toEqual({ value: '120' });
  });

  it('logs and skips a message it cannot apply, and takes the next one', () => {
    const store = fresh();
    store.inbox.apply(config(5, { 'bad key!': 1 }));
    store.inbox.apply({ seq: 6, kind: 'calendar.update', payload: { year: 2027, holidays: ['not-a-date'], workdays: [] } });
    store.inbox.apply(config(7, { ok: true }));
    expect(store.inbox.cursor()).toBe(7);
    const log = store.db.prepare<[], { seq: number; outcome: string }>('SELECT seq, outcome FROM inbox_log ORDER BY seq').all();
    expect(log).toEqual([
      { seq: 5, outcome: 'invalid' },
      { seq: 6, outcome: 'invalid' },
      { seq: 7, outcome: 'applied' },
    ]);
    // nothing of the refused messages was written
    expect(store.db.prepare('SELECT key FROM platform_config').all()).toEqual([{ key: 'ok' }]);
    expect(store.calendar.years()[2027]).toBeUndefined();
  });

  it('keeps the cursor when the store itself fails, so the message comes again', () => {
    const store = fresh();
    const inbox = store.inbox;
    store.db.exec("CREATE TRIGGER full BEFORE INSERT ON inbox_log BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(() => inbox.apply(config(1, { a: 1 }))).toThrow();
    expect(store.inbox.cursor()).toBe(0);
  });
});
