// Pushes the outbox to the platform in opId order (hence in order within every application). Before an
// operation that references blobs is sent, each blob is uploaded in chunks, resuming at what the platform
// already holds. One step sends at most one batch; the engine decides when to take the next.
import type { Outcome, SyncClient } from './client';
import type { Acknowledgement, Outbox, OutboxEntry } from './outbox';
import { OpEnvelope, type BlobRef } from '../wire/sync-protocol';

export type StepResult =
  | { kind: 'idle' }
  | { kind: 'progress'; acknowledged: number; deadLettered: number }
  | { kind: 'retry'; reason: string; retryAfterMs?: number }
  | { kind: 'reauth'; code: string; message: string };

export interface PusherOptions {
  batchSize?: number;
  chunkBytes?: number;
  /** Blobs uploaded at once. */
  parallelUploads?: number;
  now?: () => number;
}

type Failure = Exclude<Outcome<unknown>, { kind: 'ok' }>;

export class Pusher {
  private readonly batchSize: number;
  private readonly chunkBytes: number;
  private readonly now: () => number;
  private readonly parallelUploads: number;
  /** After a whole batch is refused, ops go one by one until the bad one is found and set aside. */
  private isolating = 0;
  /** Blobs known complete on the platform (it never deletes one), so a retried op does not resend them. */
  private readonly uploaded = new Set<string>();

  constructor(
    private readonly outbox: Outbox,
    private readonly client: SyncClient,
    options: PusherOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 100;
    this.chunkBytes = options.chunkBytes ?? 256 * 1024;
    this.now = options.now ?? Date.now;
    this.parallelUploads = options.parallelUploads ?? 4;
  }

  async step(): Promise<StepResult> {
    const batch = this.outbox.pending(this.isolating > 0 ? 1 : this.batchSize);
    if (batch.length === 0) return { kind: 'idle' };

    let deadLettered = 0;
    const sendable: OpEnvelope[] = [];
    const parsed = batch.map((entry) => ({
      entry,
      envelope: OpEnvelope.safeParse({ opId: entry.opId, idempotencyKey: entry.idempotencyKey, ...(entry.orderingKey ? { orderingKey: entry.orderingKey } : {}), kind: entry.kind, payload: entry.payload }),
    }));
    const early = await this.prefetch(parsed.flatMap(({ envelope }) => (envelope.success ? blobsOf(envelope.data) : [])));
    for (const { entry, envelope } of parsed) {
      if (!envelope.success) {
        this.outbox.deadLetter(entry.opId, 'INVALID_LOCAL_RECORD', 'the record does not match the protocol schema', this.now());
        deadLettered++;
        continue;
      }
      const blobs = blobsOf(envelope.data);
      const failure = await this.uploadAll(entry, blobs, early);
      if (failure === 'dead') {
        deadLettered++;
        continue;
      }
      if (failure) {
        // Ops before this one are ready: send them rather than nothing, then come back for the blob.
        if (sendable.length > 0) break;
        return toStep(failure);
      }
      sendable.push(envelope.data);
    }
    if (sendable.length === 0) return { kind: 'progress', acknowledged: 0, deadLettered };

    const outcome = await this.client.push(sendable);
    if (outcome.kind === 'rejected') {
      if (sendable.length === 1) {
        const only = sendable[0];
        if (only) this.outbox.deadLetter(only.opId, outcome.code, outcome.message, this.now());
        this.isolating = Math.max(0, this.isolating - 1);
        return { kind: 'progress', acknowledged: 0, deadLettered: deadLettered + 1 };
      }
      this.isolating = sendable.length;
      return { kind: 'progress', acknowledged: 0, deadLettered };
    }
    if (outcome.kind !== 'ok') return toStep(outcome);

    const sent = new Set(sendable.map((op) => op.opId));
    const done: Acknowledgement[] = [];
    for (const result of outcome.value.results) {
      if (!sent.has(result.opId)) continue;
      if (result.status === 'rejected') {
        this.outbox.deadLetter(result.opId, result.code ?? 'REJECTED', result.message ?? 'refused by the platform', this.now());
        deadLettered++;
      } else {
        done.push(result.ref === undefined ? { opId: result.opId } : { opId: result.opId, ref: result.ref });
      }
    }
    this.outbox.acknowledge(done);
    if (this.isolating > 0) this.isolating--;
    if (done.length === 0 && deadLettered === 0) return { kind: 'retry', reason: 'platform answered without results for the ops sent' };
    return { kind: 'progress', acknowledged: done.length, deadLettered };
  }

  /** Uploads every blob of one entry. null: all there; 'dead': entry set aside; otherwise why to stop. */
  private async uploadAll(entry: OutboxEntry, blobs: readonly BlobRef[], early: ReadonlyMap<string, Failure>): Promise<Failure | 'dead' | null> {
    for (const blob of blobs) {
      const size = this.outbox.blobs.size(blob.sha256);
      if (size === null || size !== blob.size) {
        this.outbox.deadLetter(entry.opId, 'BLOB_MISSING', `material ${blob.material} is not on this terminal`, this.now());
        return 'dead';
      }
      const failure = early.get(blob.sha256) ?? (await this.upload(blob.sha256, size));
      if (failure?.kind === 'rejected') {
        this.outbox.deadLetter(entry.opId, failure.code, `material ${blob.material}: ${failure.message}`, this.now());
        return 'dead';
      }
      if (failure) return failure;
    }
    return null;
  }

  /**
   * Uploads the batch's blobs a few at a time (round trips dominate small materials). Stops at the first
   * failure; the ordered pass afterwards decides what each failure means for its operation.
   */
  private async prefetch(blobs: readonly BlobRef[]): Promise<Map<string, Failure>> {
    const failures = new Map<string, Failure>();
    const todo = [...new Map(blobs.filter((b) => !this.uploaded.has(b.sha256)).map((b) => [b.sha256, b])).values()];
    let next = 0;
    const worker = async () => {
      while (failures.size === 0) {
        const blob = todo[next++];
        if (!blob) return;
        const size = this.outbox.blobs.size(blob.sha256);
        if (size === null || size !== blob.size) continue;
        const failure = await this.upload(blob.sha256, size);
        if (failure) failures.set(blob.sha256, failure);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.parallelUploads, todo.length) }, worker));
    return failures;
  }

  private async upload(sha256: string, size: number): Promise<Failure | null> {
    if (this.uploaded.has(sha256)) return null;
    const failure = await this.uploadChunks(sha256, size);
    if (!failure) {
      if (this.uploaded.size >= 10_000) this.uploaded.clear();
      this.uploaded.add(sha256);
    }
    return failure;
  }

  private async uploadChunks(sha256: string, size: number): Promise<Failure | null> {
    // Start at 0: a platform that holds part already answers with where to continue.
    let offset = 0;
    for (let guard = 0; guard < 2 + 2 * Math.ceil(size / this.chunkBytes); guard++) {
      const length = Math.min(this.chunkBytes, size - offset);
      const outcome = await this.client.putChunk(sha256, size, offset, this.outbox.blobs.read(sha256, offset, length));
      if (outcome.kind !== 'ok') return outcome;
      if (outcome.value.complete) return null;
      if (outcome.value.received > size) return { kind: 'rejected', code: 'SIZE_MISMATCH', message: 'platform holds more bytes than the blob has' };
      offset = outcome.value.received;
    }
    return { kind: 'retryable', reason: 'blob upload made no progress' };
  }
}

function blobsOf(op: OpEnvelope): BlobRef[] {
  return op.kind === 'application.submitted' ? op.payload.blobs : [];
}

function toStep(failure: Failure): StepResult {
  switch (failure.kind) {
    case 'retryable':
      return failure.retryAfterMs === undefined ? { kind: 'retry', reason: failure.reason } : { kind: 'retry', reason: failure.reason, retryAfterMs: failure.retryAfterMs };
    case 'reauth':
      return { kind: 'reauth', code: failure.code, message: failure.message };
    case 'rejected':
      return { kind: 'retry', reason: `${failure.code}: ${failure.message}` };
  }
}
