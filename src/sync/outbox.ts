// What the sync engine needs from the terminal's storage. The SQLite store implements these on its own
// tables; MemoryOutbox/MemoryInbox (memory-outbox.ts) implement them for tests and benchmarks.
//
// Contract for an implementation:
// - append() is synchronous so it can run inside the same SQLite transaction that writes the record
//   itself: the record and its outbox row commit together or not at all.
// - opIds are per terminal, strictly increasing and never reused (not even after a dead-letter retry).
// - pending() returns entries in opId order, which keeps every ordering key (application) in order.
// - acknowledge()/deadLetter() are durable before they return.
import type { InboxMessage, OperationKind } from '../wire/sync-protocol';

export interface NewOutboxOp {
  kind: OperationKind;
  /** Validated by the protocol schema of `kind` before it is sent. */
  payload: unknown;
  /** Application-level idempotency key, e.g. `submit:<applicationId>`. */
  idempotencyKey: string;
  /** Ordering key, e.g. the application id; null when the op stands alone. */
  orderingKey: string | null;
}

export interface OutboxEntry extends NewOutboxOp {
  opId: number;
  /** Terminal clock, ms since the epoch. */
  createdAt: number;
}

export interface DeadLetter extends OutboxEntry {
  code: string;
  message: string;
  deadAt: number;
}

export interface Acknowledgement {
  opId: number;
  /** The platform's number for the record (办件编号), e.g. for ApplicationRepository.markSynced. */
  ref?: string;
}

export interface OutboxStats {
  pending: number;
  oldestPendingAt: number | null;
  deadLetters: number;
}

/** Local material files, content-addressed. Read in slices: a blob is never held whole in memory. */
export interface BlobSource {
  size(sha256: string): number | null;
  read(sha256: string, offset: number, length: number): Uint8Array;
}

export interface Outbox {
  append(op: NewOutboxOp, now: number): number;
  pending(limit: number): OutboxEntry[];
  /** The platform has the records: forget them (keeping the platform's reference, where given, with the record). */
  acknowledge(acks: readonly Acknowledgement[]): void;
  /** Moves an entry to the dead-letter list; it never blocks the entries behind it. */
  deadLetter(opId: number, code: string, message: string, now: number): void;
  deadLetters(): DeadLetter[];
  /** Technician action: queue a dead letter again under a new opId. Returns the new opId, or null. */
  requeueDeadLetter(opId: number, now: number): number | null;
  stats(): OutboxStats;
  readonly blobs: BlobSource;
}

/** Platform → terminal messages, applied idempotently: the cursor advances with the effect. */
export interface Inbox {
  cursor(): number;
  /** Applies one message (seq > cursor) and stores seq as the cursor, in one transaction. */
  apply(message: InboxMessage): void;
}
