// The workstation's local copy (terminal store, migration 8): the last synced queue and application details
// (encrypted: details carry form values), and the actions taken while the platform was unreachable, kept in
// order until they are applied. Nothing here is the truth: the platform's state machine decides.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { FieldCipher } from '../../src/store';
import { ActionRequest, WindowApplicationDetail, WindowApplicationSummary } from '../../src/wire/staff-protocol';

/** How long a cached application detail is kept (personal data: as short as useful). */
export const DETAIL_RETENTION_MS = 3 * 86_400_000;
const SETTLED_RETENTION_MS = 30 * 86_400_000;

export const PendingAction = z.object({
  request: ActionRequest,
  /** What the notice needs once the platform confirms (the one-time notice's issues). */
  issues: z.array(z.object({ material: z.string(), problem: z.enum(['missing', 'incorrect']), detail: z.string(), whereToGet: z.string() })).optional(),
  trackingNumber: z.string(),
});
export type PendingAction = z.infer<typeof PendingAction>;

export interface StoredAction {
  id: number;
  windowId: string;
  staffNumber: string;
  applicationId: string;
  action: PendingAction;
  createdAt: string;
}

const QueueCopy = z.object({ applications: z.array(WindowApplicationSummary), syncedAt: z.string() });

export class WindowCache {
  constructor(
    private readonly db: Database.Database,
    private readonly cipher: FieldCipher,
  ) {}

  private put(key: string, value: unknown, at: string): void {
    this.db
      .prepare('INSERT INTO window_cache (key, payload, synced_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET payload = excluded.payload, synced_at = excluded.synced_at')
      .run(key, this.cipher.encrypt(JSON.stringify(value), `window-cache:${key}`), at);
  }

  private take(key: string): { value: unknown; syncedAt: string } | null {
    const row = this.db.prepare<[string], { payload: Buffer; synced_at: string }>('SELECT payload, synced_at FROM window_cache WHERE key = ?').get(key);
    if (!row) return null;
    try {
      return { value: JSON.parse(this.cipher.decrypt(row.payload, `window-cache:${key}`)) as unknown, syncedAt: row.synced_at };
    } catch {
      return null;
    }
  }

  saveQueue(windowKey: string, applications: readonly WindowApplicationSummary[], at: string): void {
    this.put(`queue:${windowKey}`, { applications, syncedAt: at }, at);
  }

  queue(windowKey: string): { applications: WindowApplicationSummary[]; syncedAt: string } | null {
    const parsed = QueueCopy.safeParse(this.take(`queue:${windowKey}`)?.value);
    return parsed.success ? parsed.data : null;
  }

  saveDetail(detail: WindowApplicationDetail, at: string): void {
    this.put(`app:${detail.applicationId}`, detail, at);
  }

  detail(applicationId: string): { detail: WindowApplicationDetail; syncedAt: string } | null {
    const found = this.take(`app:${applicationId}`);
    const parsed = WindowApplicationDetail.safeParse(found?.value);
    return parsed.success && found ? { detail: parsed.data, syncedAt: found.syncedAt } : null;
  }

  // ------------------------------------------------------------ actions taken offline

  enqueue(windowId: string, staffNumber: string, applicationId: string, action: PendingAction, at: string): number {
    const info = this.db
      .prepare("INSERT INTO window_actions (window_id, staff_number, application_id, request, state, created_at) VALUES (?, ?, ?, ?, 'pending', ?)")
      .run(windowId, staffNumber, applicationId, this.cipher.encrypt(JSON.stringify(action), `window-action:${applicationId}`), at);
    return Number(info.lastInsertRowid);
  }

  /** Pending actions of a window, oldest first. */
  pending(windowId: string): StoredAction[] {
    const rows = this.db
      .prepare<[string], { id: number; window_id: string; staff_number: string; application_id: string; request: Buffer; created_at: string }>(
        "SELECT id, window_id, staff_number, application_id, request, created_at FROM window_actions WHERE window_id = ? AND state = 'pending' ORDER BY id",
      )
      .all(windowId);
    const out: StoredAction[] = [];
    for (const r of rows) {
      let action: PendingAction | null = null;
      try {
        const parsed = PendingAction.safeParse(JSON.parse(this.cipher.decrypt(r.request, `window-action:${r.application_id}`)));
        if (parsed.success) action = parsed.data;
      } catch {
        action = null;
      }
      if (!action) {
        this.settle(r.id, 'refused', 'unreadable', r.created_at);
        continue;
      }
      out.push({ id: r.id, windowId: r.window_id, staffNumber: r.staff_number, applicationId: r.application_id, action, createdAt: r.created_at });
    }
    return out;
  }

  pendingFor(windowId: string): Set<string> {
    const rows = this.db.prepare<[string], { application_id: string }>("SELECT DISTINCT application_id FROM window_actions WHERE window_id = ? AND state = 'pending'").all(windowId);
    return new Set(rows.map((r) => r.application_id));
  }

  pendingCount(windowId: string): number {
    return this.db.prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM window_actions WHERE window_id = ? AND state = 'pending'").get(windowId)?.n ?? 0;
  }

  settle(id: number, state: 'applied' | 'conflict' | 'refused', outcome: string, at: string): void {
    this.db.prepare('UPDATE window_actions SET state = ?, outcome = ?, settled_at = ?, request = ? WHERE id = ?').run(state, outcome.slice(0, 200), at, Buffer.alloc(0), id);
  }

  /** Drops details past their retention and settled actions after a month. */
  prune(now: number): void {
    const detailCutoff = new Date(now - DETAIL_RETENTION_MS).toISOString();
    this.db.prepare("DELETE FROM window_cache WHERE key LIKE 'app:%' AND synced_at < ?").run(detailCutoff);
    this.db.prepare("DELETE FROM window_actions WHERE state <> 'pending' AND settled_at < ?").run(new Date(now - SETTLED_RETENTION_MS).toISOString());
  }
}
