// The sync outbox and inbox on the terminal's own SQLite file (migration 6). append() is synchronous and
// joins whatever transaction is open, so a record and its outbox row commit together (see record.ts).
// op ids come from AUTOINCREMENT: strictly increasing and never reused, even after rows are deleted.
// Payloads carry personal data and are encrypted like every other personal column.
import type Database from 'better-sqlite3';
import type { Acknowledgement, BlobSource, DeadLetter, Inbox, NewOutboxOp, Outbox, OutboxEntry, OutboxStats } from '../sync/outbox';
import type { InboxMessage, OperationKind } from '../wire/sync-protocol';
import type { FieldCipher } from './crypto';
import { maskPersonalDataInText } from '../kernel/mask';

interface Row {
  op_id: number;
  kind: OperationKind;
  payload: Buffer;
  idempotency_key: string;
  ordering_key: string | null;
  created_at: number;
}

interface DeadRow extends Row {
  code: string;
  message: string;
  dead_at: number;
}

const payloadContext = (idempotencyKey: string) => `outbox.payload:${idempotencyKey}`;

export class SqliteOutbox implements Outbox {
  private readonly stmt;
  private readonly appendListeners = new Set<() => void>();

  constructor(
    private readonly db: Database.Database,
    private readonly cipher: FieldCipher,
    readonly blobs: BlobSource,
    /** Called inside the acknowledge transaction for each acknowledged application submission. */
    private readonly onSubmissionAcknowledged: (applicationId: string, ref: string | undefined) => void = () => {},
  ) {
    this.stmt = {
      insert: db.prepare<[string, Buffer, string, string | null, number]>(
        'INSERT INTO outbox (kind, payload, idempotency_key, ordering_key, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      pending: db.prepare<[number], Row>('SELECT * FROM outbox ORDER BY op_id LIMIT ?'),
      get: db.prepare<[number], Row>('SELECT * FROM outbox WHERE op_id = ?'),
      remove: db.prepare<[number]>('DELETE FROM outbox WHERE op_id = ?'),
      bury: db.prepare(
        `INSERT INTO outbox_dead (op_id, kind, payload, idempotency_key, ordering_key, created_at, code, message, dead_at)
         SELECT op_id, kind, payload, idempotency_key, ordering_key, created_at, ?, ?, ? FROM outbox WHERE op_id = ?`,
      ),
      dead: db.prepare<[], DeadRow>('SELECT * FROM outbox_dead ORDER BY op_id'),
      deadOne: db.prepare<[number], DeadRow>('SELECT * FROM outbox_dead WHERE op_id = ?'),
      unbury: db.prepare<[number]>('DELETE FROM outbox_dead WHERE op_id = ?'),
      stats: db.prepare<[], { pending: number; oldest: number | null }>('SELECT COUNT(*) AS pending, MIN(created_at) AS oldest FROM outbox'),
      deadCount: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM outbox_dead'),
    };
  }

  append(op: NewOutboxOp, now: number): number {
    const payload = this.cipher.encrypt(JSON.stringify(op.payload), payloadContext(op.idempotencyKey));
    const opId = Number(this.stmt.insert.run(op.kind, payload, op.idempotencyKey, op.orderingKey, now).lastInsertRowid);
    for (const listener of this.appendListeners) listener();
    return opId;
  }

  /**
   * Told synchronously after each append, possibly inside a transaction that has not committed yet:
   * a listener that wants to read the outbox must defer (setImmediate) until the caller's transaction ends.
   */
  onAppended(listener: () => void): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }

  pending(limit: number): OutboxEntry[] {
    return this.stmt.pending.all(Math.max(0, Math.floor(limit))).map((row) => this.toEntry(row));
  }

  acknowledge(acks: readonly Acknowledgement[]): void {
    if (acks.length === 0) return;
    this.db.transaction(() => {
      for (const { opId, ref } of acks) {
        const row = this.stmt.get.get(opId);
        if (!row) continue;
        this.stmt.remove.run(opId);
        if (row.kind === 'application.submitted' && row.ordering_key) this.onSubmissionAcknowledged(row.ordering_key, ref);
      }
    })();
  }

  deadLetter(opId: number, code: string, message: string, now: number): void {
    this.db.transaction(() => {
      // The platform masks its messages; mask again in case a proxy or another platform does not.
      if (this.stmt.bury.run(code.slice(0, 64), maskPersonalDataInText(message).slice(0, 1000), now, opId).changes > 0) this.stmt.remove.run(opId);
    })();
  }

  deadLetters(): DeadLetter[] {
    return this.stmt.dead.all().map((row) => ({ ...this.toEntry(row), code: row.code, message: row.message, deadAt: row.dead_at }));
  }

  requeueDeadLetter(opId: number, now: number): number | null {
    return this.db.transaction(() => {
      const row = this.stmt.deadOne.get(opId);
      if (!row) return null;
      this.stmt.unbury.run(opId);
      // Same key, same ciphertext (its context is the key): only the op id and the time are new.
      return Number(this.stmt.insert.run(row.kind, row.payload, row.idempotency_key, row.ordering_key, now).lastInsertRowid);
    })();
  }

  stats(): OutboxStats {
    const s = this.stmt.stats.get();
    return { pending: s?.pending ?? 0, oldestPendingAt: s?.oldest ?? null, deadLetters: this.stmt.deadCount.get()?.n ?? 0 };
  }

  private toEntry(row: Row): OutboxEntry {
    return {
      opId: row.op_id,
      kind: row.kind,
      payload: JSON.parse(this.cipher.decrypt(row.payload, payloadContext(row.idempotency_key))) as unknown,
      idempotencyKey: row.idempotency_key,
      orderingKey: row.ordering_key,
      createdAt: row.created_at,
    };
  }
}

/** What applying one inbox message did; 'invalid' messages are logged and skipped, never retried forever. */
export type InboxOutcome = { outcome: 'applied' | 'ignored' | 'invalid'; detail?: string };

export class InboxRejection extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InboxRejection';
  }
}

function isTransientStorageError(error: unknown): boolean {
  const code = error && typeof error === 'object' && 'code' in error ? String((error as { code: unknown }).code) : '';
  return /^SQLITE_(BUSY|LOCKED|FULL|IOERR|NOMEM|INTERRUPT)/.test(code);
}

export class SqliteInbox implements Inbox {
  private readonly listeners = new Set<(message: InboxMessage, outcome: InboxOutcome) => void>();
  private readonly stmt;

  constructor(
    private readonly db: Database.Database,
    /** Applies the effect; runs inside the transaction that advances the cursor. Throw InboxRejection to skip. */
    private readonly effect: (message: InboxMessage) => InboxOutcome,
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {
    this.stmt = {
      cursor: db.prepare<[], { seq: number }>('SELECT seq FROM inbox_cursor WHERE id = 1'),
      setCursor: db.prepare<[number]>('INSERT INTO inbox_cursor (id, seq) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq'),
      log: db.prepare<[number, string, string, string | null, string]>(
        'INSERT INTO inbox_log (seq, kind, outcome, detail, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (seq) DO NOTHING',
      ),
    };
  }

  cursor(): number {
    return this.stmt.cursor.get()?.seq ?? 0;
  }

  /** Told after each message commits (the app reloads its catalogue, publishes status changes, …). */
  onApplied(listener: (message: InboxMessage, outcome: InboxOutcome) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  apply(message: InboxMessage): void {
    const outcome = this.db.transaction((): InboxOutcome | null => {
      if (message.seq <= this.cursor()) return null;
      let result: InboxOutcome;
      try {
        // A savepoint of its own: a refused message leaves no half-applied effect behind.
        result = this.db.transaction(() => this.effect(message))();
      } catch (error) {
        // The disk or a lock failing is worth a retry; anything else about this message will fail again.
        if (isTransientStorageError(error)) throw error;
        const detail = error instanceof InboxRejection ? error.message : `failed to apply: ${error instanceof Error ? error.name : 'error'}`;
        result = { outcome: 'invalid', detail: maskPersonalDataInText(detail).slice(0, 500) };
      }
      this.stmt.log.run(message.seq, message.kind, result.outcome, result.detail ?? null, this.clock());
      this.stmt.setCursor.run(message.seq);
      return result;
    })();
    if (!outcome) return;
    for (const listener of this.listeners) {
      try {
        listener(message, outcome);
      } catch {
        // A listener's failure must not undo or repeat a committed message.
      }
    }
  }
}
