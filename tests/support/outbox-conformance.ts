// What every Outbox implementation must do, as a reusable vitest suite: the in-memory one runs it now,
// the SQLite store's implementation should call it with its own factory.
import { describe, expect, it } from 'vitest';
import type { Outbox } from '../../src/sync/outbox';

const op = (key: string, orderingKey: string | null = null) => ({ kind: 'audit' as const, payload: { eventId: key, kind: 'test', at: '2026-11-23T09:00:00Z', detail: {} }, idempotencyKey: key, orderingKey });

export function outboxConformance(name: string, make: () => Outbox | Promise<Outbox>): void {
  describe(`Outbox contract: ${name}`, () => {
    it('hands out strictly increasing op ids and returns pending entries in that order', async () => {
      const outbox = await make();
      const ids = ['a', 'b', 'c', 'd'].map((k, i) => outbox.append(op(k, 'app-1'), 1000 + i));
      for (let i = 1; i < ids.length; i++) expect(ids[i]).toBeGreaterThan(ids[i - 1] ?? Infinity);
      expect(outbox.pending(3).map((e) => e.idempotencyKey)).toEqual(['a', 'b', 'c']);
      expect(outbox.pending(10)[0]).toMatchObject({ opId: ids[0], kind: 'audit', orderingKey: 'app-1', createdAt: 1000 });
    });

    it('forgets acknowledged entries and ignores unknown ids', async () => {
      const outbox = await make();
      const a = outbox.append(op('a'), 1);
      const b = outbox.append(op('b'), 2);
      outbox.acknowledge([{ opId: a, ref: 'P-1' }, { opId: 999_999 }]);
      expect(outbox.pending(10).map((e) => e.opId)).toEqual([b]);
      expect(outbox.stats()).toEqual({ pending: 1, oldestPendingAt: 2, deadLetters: 0 });
    });

    it('moves a dead letter out of the way and keeps its reason', async () => {
      const outbox = await make();
      const a = outbox.append(op('a'), 1);
      outbox.append(op('b'), 2);
      outbox.deadLetter(a, 'NOT_FOUND', 'no such application', 3);
      expect(outbox.pending(10).map((e) => e.idempotencyKey)).toEqual(['b']);
      expect(outbox.deadLetters()).toMatchObject([{ opId: a, idempotencyKey: 'a', code: 'NOT_FOUND', message: 'no such application', deadAt: 3 }]);
      expect(outbox.stats().deadLetters).toBe(1);
    });

    it('queues a dead letter again under a new, higher op id, never reusing one', async () => {
      const outbox = await make();
      const a = outbox.append(op('a'), 1);
      const b = outbox.append(op('b'), 2);
      outbox.acknowledge([{ opId: b }]);
      outbox.deadLetter(a, 'X', 'x', 3);
      const again = outbox.requeueDeadLetter(a, 4);
      expect(again).not.toBeNull();
      expect(again ?? 0).toBeGreaterThan(b);
      expect(outbox.requeueDeadLetter(a, 5)).toBeNull();
      expect(outbox.deadLetters()).toEqual([]);
      expect(outbox.pending(10)).toMatchObject([{ opId: again, idempotencyKey: 'a', createdAt: 4 }]);
      expect(outbox.append(op('c'), 6)).toBeGreaterThan(again ?? Infinity);
    });

    it('reports an empty outbox', async () => {
      const outbox = await make();
      expect(outbox.pending(10)).toEqual([]);
      expect(outbox.stats()).toEqual({ pending: 0, oldestPendingAt: null, deadLetters: 0 });
    });
  });
}
