import { describe, expect, it } from 'vitest';
import { MemoryBlobs, MemoryInbox, MemoryOutbox } from './memory-outbox';

const op = (key: string) => ({ kind: 'audit' as const, payload: {}, idempotencyKey: key, orderingKey: null });

describe('memory outbox', () => {
  it('hands out increasing op ids and returns pending entries in order', () => {
    const outbox = new MemoryOutbox();
    const ids = ['a', 'b', 'c'].map((k, i) => outbox.append(op(k), 1000 + i));
    expect(ids).toEqual([1, 2, 3]);
    expect(outbox.pending(2).map((e) => e.opId)).toEqual([1, 2]);
    outbox.acknowledge([1]);
    expect(outbox.stats()).toEqual({ pending: 2, oldestPendingAt: 1001, deadLetters: 0 });
  });

  it('dead-letters without blocking, and requeues under a new op id', () => {
    const outbox = new MemoryOutbox();
    outbox.append(op('a'), 1);
    outbox.append(op('b'), 2);
    outbox.deadLetter(1, 'NOT_FOUND', 'gone', 5);
    expect(outbox.pending(10).map((e) => e.idempotencyKey)).toEqual(['b']);
    expect(outbox.deadLetters()).toMatchObject([{ opId: 1, code: 'NOT_FOUND', deadAt: 5 }]);
    expect(outbox.requeueDeadLetter(1, 6)).toBe(3);
    expect(outbox.requeueDeadLetter(1, 6)).toBeNull();
    expect(outbox.pending(10).map((e) => e.idempotencyKey)).toEqual(['b', 'a']);
  });

  it('reads blobs in slices', () => {
    const blobs = new MemoryBlobs();
    const id = blobs.put(Buffer.from('0123456789'));
    expect(blobs.size(id)).toBe(10);
    expect(Buffer.from(blobs.read(id, 3, 4)).toString()).toBe('3456');
    expect(blobs.size('f'.repeat(64))).toBeNull();
  });

  it('applies each inbox message once', () => {
    const seen: number[] = [];
    const inbox = new MemoryInbox((m) => seen.push(m.seq));
    const message = (seq: number) => ({ seq, kind: 'config' as const, payload: {} });
    inbox.apply(message(1));
    inbox.apply(message(2));
    inbox.apply(message(2));
    inbox.apply(message(1));
    expect(seen).toEqual([1, 2]);
    expect(inbox.cursor()).toBe(2);
  });
});
