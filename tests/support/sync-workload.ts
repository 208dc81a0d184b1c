// A terminal-side workload for sync tests and benchmarks: applications with materials queued in a
// MemoryOutbox, and the check that the platform holds each exactly once, in order, with intact blobs.
import { createHash } from 'node:crypto';
import type { PlatformRepository } from '../../platform/store/repository';
import { MemoryBlobs, MemoryOutbox } from '../../src/sync/memory-outbox';
import { application } from './sync-fixtures';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function material(seed: string, size: number): Buffer {
  const out = Buffer.alloc(size);
  let block = createHash('sha256').update(seed).digest();
  for (let at = 0; at < size; at += block.length) {
    block.copy(out, at);
    block = createHash('sha256').update(block).digest();
  }
  return out;
}

const SYSTEM_PATH = ['prechecked', 'received', 'accepted', 'inProgress'] as const;

export interface QueuedApplication {
  id: string;
  blobs: string[];
  /** Notes of the status ops queued after the submission, in order. */
  notes: string[];
}

export class Workload {
  readonly blobs = new MemoryBlobs();
  readonly outbox = new MemoryOutbox(this.blobs);
  readonly queued: QueuedApplication[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * One application with `materials` blobs of `size` bytes, then up to 4 status changes along the
   * domain's system path (prechecked → received → accepted → inProgress): the platform refuses any
   * change that arrives out of order, so a reordering would show.
   */
  add(id: string, materials = 2, size = 4096, followUps = 1): QueuedApplication {
    const refs = Array.from({ length: materials }, (_, i) => {
      const data = material(`${id}/${i}`, size);
      return { sha256: this.blobs.put(data), size: data.length };
    });
    this.outbox.append({ kind: 'application.submitted', payload: application(id, refs), idempotencyKey: `submit:${id}`, orderingKey: id }, this.now());
    const notes: string[] = [];
    for (const [n, status] of SYSTEM_PATH.slice(0, followUps).entries()) {
      const note = `${id}#${n + 1}`;
      notes.push(note);
      this.outbox.append(
        {
          kind: 'application.status',
          payload: { applicationId: id, status, at: new Date().toISOString(), actor: { kind: 'system', id: 'precheck' }, reason: note },
          idempotencyKey: `status:${note}`,
          orderingKey: id,
        },
        this.now(),
      );
    }
    const queued = { id, blobs: refs.map((r) => r.sha256), notes };
    this.queued.push(queued);
    return queued;
  }
}

/** Every queued application exactly once on the platform, complete, with its status changes in order. */
export async function verifyOnPlatform(repo: PlatformRepository, queued: readonly QueuedApplication[], checkBlobBytes = true): Promise<string[]> {
  const problems: string[] = [];
  for (const q of queued) {
    const app = await repo.getApplication(q.id);
    if (!app) {
      problems.push(`${q.id}: missing`);
      continue;
    }
    const submitted = app.events.filter((e) => e.status === 'submitted' && e.note === null).length;
    if (submitted !== 1) problems.push(`${q.id}: submitted ${submitted} times`);
    const notes = app.events.flatMap((e) => (e.note ? [e.note] : []));
    if (JSON.stringify(notes) !== JSON.stringify(q.notes)) problems.push(`${q.id}: status changes ${JSON.stringify(notes)} != ${JSON.stringify(q.notes)}`);
    if (!app.complete) problems.push(`${q.id}: not complete`);
    if (checkBlobBytes) {
      for (const sha of q.blobs) {
        const hash = createHash('sha256');
        for await (const chunk of repo.readBlob(sha)) hash.update(chunk);
        if (hash.digest('hex') !== sha) problems.push(`${q.id}: blob ${sha.slice(0, 8)} damaged`);
      }
    }
  }
  return problems;
}
