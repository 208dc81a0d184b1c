import { describe, expect, it } from 'vitest';
import { outboxConformance } from '../../tests/support/outbox-conformance';
import { MemoryBlobs, MemoryInbox, MemoryOutbox } from './memory-outbox';

outboxConformance('MemoryOutbox', () => new MemoryOutbox());

describe('memory blobs and inbox', () => {
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
