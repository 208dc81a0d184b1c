// In-memory Outbox, BlobSource and Inbox, with the same semantics as the SQLite implementation.
import { sha256Hex } from '../wire/signing';
import type { Acknowledgement, BlobSource, DeadLetter, Inbox, NewOutboxOp, Outbox, OutboxEntry, OutboxStats } from './outbox';
import type { InboxMessage } from '../wire/sync-protocol';

export class MemoryBlobs implements BlobSource {
  private readonly store = new Map<string, Uint8Array>();

  put(data: Uint8Array): string {
    const id = sha256Hex(data);
    this.store.set(id, data);
    return id;
  }

  size(sha256: string): number | null {
    return this.store.get(sha256)?.length ?? null;
  }

  read(sha256: string, offset: number, length: number): Uint8Array {
    const data = this.store.get(sha256);
    if (!data) throw new Error(`no blob ${sha256}`);
    return data.subarray(offset, offset + length);
  }
}

export class MemoryOutbox implements Outbox {
  private nextOpId = 1;
  private readonly queue = new Map<number, OutboxEntry>();
  private readonly dead = new Map<number, DeadLetter>();

  constructor(readonly blobs: BlobSource = new MemoryBlobs()) {}

  append(op: NewOutboxOp, now: number): number {
    const opId = this.nextOpId++;
    this.queue.set(opId, { ...op, opId, createdAt: now });
    return opId;
  }

  pending(limit: number): OutboxEntry[] {
    // Map iteration order is insertion order, which is opId order here.
    const out: OutboxEntry[] = [];
    for (const entry of this.queue.values()) {
      if (out.length >= limit) break;
      out.push(entry);
    }
    return out;
  }

  /** Platform references by opId, as a store would record them with the record. */
  readonly refs = new Map<number, string>();

  acknowledge(acks: readonly Acknowledgement[]): void {
    for (const { opId, ref } of acks) {
      if (ref !== undefined && this.queue.has(opId)) this.refs.set(opId, ref);
      this.queue.delete(opId);
    }
  }

  deadLetter(opId: number, code: string, message: string, now: number): void {
    const entry = this.queue.get(opId);
    if (!entry) return;
    this.queue.delete(opId);
    this.dead.set(opId, { ...entry, code, message, deadAt: now });
  }

  deadLetters(): DeadLetter[] {
    return [...this.dead.values()];
  }

  requeueDeadLetter(opId: number, now: number): number | null {
    const entry = this.dead.get(opId);
    if (!entry) return null;
    this.dead.delete(opId);
    return this.append({ kind: entry.kind, payload: entry.payload, idempotencyKey: entry.idempotencyKey, orderingKey: entry.orderingKey }, now);
  }

  stats(): OutboxStats {
    const first = this.queue.values().next();
    return { pending: this.queue.size, oldestPendingAt: first.done ? null : first.value.createdAt, deadLetters: this.dead.size };
  }
}

export class MemoryInbox implements Inbox {
  private seq = 0;
  readonly applied: InboxMessage[] = [];

  constructor(private readonly onMessage: (message: InboxMessage) => void = () => {}) {}

  cursor(): number {
    return this.seq;
  }

  apply(message: InboxMessage): void {
    if (message.seq <= this.seq) return;
    this.onMessage(message);
    this.applied.push(message);
    this.seq = message.seq;
  }
}
