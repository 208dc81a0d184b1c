// StaffRepository over either SQL engine (the same `?` SQL as sql-repository.ts; row locks on PostgreSQL).
// Application rows are read only for their non-personal columns (hall, status, department, item). Agents'
// and collectors' names and ID numbers (masked already) are sealed at rest with the platform DataCipher
// (seal-legacy.ts: contexts and the pass over rows written before).
import { inScope, planAction } from '../../src/domain/application/window-actions';
import type { ApplicationStatus } from '../../src/wire/sync-protocol';
import { afterFailure } from '../staff/lockout';
import type { LockoutState } from '../staff/lockout';
import { ActionResponse, DeliveryRecord } from '../../src/wire/staff-protocol';
import type { SpecialProcedureRecord } from '../../src/wire/staff-protocol';
import type { DataCipher } from './data-cipher';
import { agentContext, deliveryContext } from './seal-legacy';
import type { SqlEngine, SqlExecutor } from './sql';
import type { AgentRow, StaffAccount, StaffAuditEntry, StaffRepository, StaffSession, WindowActionInput, WindowActionResult, WindowRecord } from './staff-repository';

/** How long a window request's answer is kept for its retries (staff_requests); older keys are pruned. */
export const STAFF_REQUEST_RETENTION_MS = 24 * 3_600_000;

interface AccountRow {
  hall_id: string;
  staff_number: string;
  name: string;
  pin_hash: string;
  failures: number;
  locked_until: number | null;
  disabled_at: number | null;
}

interface SpecialRow {
  application_id: string;
  kind: string;
  name: string;
  limit_value: number;
  limit_unit: 'workday' | 'day';
  counted: number;
  started_at: string;
  ended_at: string | null;
}

const toAccount = (r: AccountRow): StaffAccount => ({
  hallId: r.hall_id,
  staffNumber: r.staff_number,
  name: r.name,
  pinHash: r.pin_hash,
  failures: Number(r.failures),
  lockedUntil: r.locked_until === null ? null : Number(r.locked_until),
  disabled: r.disabled_at !== null,
});

/** How an event row names the staff member and window: never a name, always both numbers. */
export const staffSource = (staffNumber: string, windowId: string) => `staff:${staffNumber}@window:${windowId}`;

export class SqlStaffRepository implements StaffRepository {
  private readonly lock: string;

  constructor(
    private readonly db: SqlEngine,
    private readonly cipher: DataCipher,
  ) {
    this.lock = db.dialect === 'postgres' ? ' FOR UPDATE' : '';
  }

  // ------------------------------------------------------------ windows and accounts

  async upsertWindow(w: WindowRecord, now: number): Promise<void> {
    await this.db.run(
      `INSERT INTO staff_windows (hall_id, window_id, name, categories, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (hall_id, window_id) DO UPDATE SET name = excluded.name, categories = excluded.categories, updated_at = excluded.updated_at`,
      [w.hallId, w.windowId, w.name, JSON.stringify(w.categories), now],
    );
  }

  async getWindow(hallId: string, windowId: string): Promise<WindowRecord | null> {
    const row = await this.db.get<{ name: string; categories: string }>('SELECT name, categories FROM staff_windows WHERE hall_id = ? AND window_id = ?', [hallId, windowId]);
    return row ? { hallId, windowId, name: row.name, categories: JSON.parse(row.categories) as string[] } : null;
  }

  async createStaff(a: { hallId: string; staffNumber: string; name: string; pinHash: string }, now: number): Promise<boolean> {
    const row = await this.db.get<{ staff_number: string }>(
      'INSERT INTO staff_accounts (hall_id, staff_number, name, pin_hash, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (hall_id, staff_number) DO NOTHING RETURNING staff_number',
      [a.hallId, a.staffNumber, a.name, a.pinHash, now],
    );
    return row !== undefined;
  }

  async getStaff(hallId: string, staffNumber: string): Promise<StaffAccount | null> {
    const row = await this.db.get<AccountRow>('SELECT * FROM staff_accounts WHERE hall_id = ? AND staff_number = ?', [hallId, staffNumber]);
    return row ? toAccount(row) : null;
  }

  recordSignInFailure(hallId: string, staffNumber: string, now: number): Promise<LockoutState> {
    return this.db.transaction(async (tx) => {
      const row = await tx.get<AccountRow>(`SELECT * FROM staff_accounts WHERE hall_id = ? AND staff_number = ?${this.lock}`, [hallId, staffNumber]);
      if (!row) return { failures: 0, lockedUntil: null };
      const next = afterFailure(toAccount(row), now);
      await tx.run('UPDATE staff_accounts SET failures = ?, locked_until = ? WHERE hall_id = ? AND staff_number = ?', [next.failures, next.lockedUntil, hallId, staffNumber]);
      return next;
    });
  }

  async resetSignInFailures(hallId: string, staffNumber: string): Promise<void> {
    await this.db.run('UPDATE staff_accounts SET failures = 0, locked_until = NULL WHERE hall_id = ? AND staff_number = ?', [hallId, staffNumber]);
  }

  // ------------------------------------------------------------ sessions

  async createSession(tokenHash: string, s: { hallId: string; windowId: string; staffNumber: string }, now: number, expiresAt: number): Promise<void> {
    await this.db.run('INSERT INTO staff_sessions (token_hash, hall_id, window_id, staff_number, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)', [
      tokenHash,
      s.hallId,
      s.windowId,
      s.staffNumber,
      now,
      expiresAt,
    ]);
  }

  async session(tokenHash: string, now: number): Promise<StaffSession | null> {
    const row = await this.db.get<{ hall_id: string; window_id: string; staff_number: string; expires_at: number; staff_name: string; window_name: string; categories: string }>(
      `SELECT s.hall_id, s.window_id, s.staff_number, s.expires_at, a.name AS staff_name, w.name AS window_name, w.categories
         FROM staff_sessions s
         JOIN staff_accounts a ON a.hall_id = s.hall_id AND a.staff_number = s.staff_number
         JOIN staff_windows w ON w.hall_id = s.hall_id AND w.window_id = s.window_id
        WHERE s.token_hash = ? AND s.ended_at IS NULL AND s.expires_at > ? AND a.disabled_at IS NULL`,
      [tokenHash, now],
    );
    if (!row) return null;
    return {
      hallId: row.hall_id,
      windowId: row.window_id,
      windowName: row.window_name,
      staffNumber: row.staff_number,
      staffName: row.staff_name,
      categories: JSON.parse(row.categories) as string[],
      expiresAt: Number(row.expires_at),
    };
  }

  async endSession(tokenHash: string, now: number): Promise<void> {
    await this.db.run('UPDATE staff_sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL', [now, tokenHash]);
  }

  // ------------------------------------------------------------ audit

  async audit(e: StaffAuditEntry, tx: SqlExecutor = this.db): Promise<void> {
    await tx.run('INSERT INTO staff_audit (hall_id, window_id, staff_number, action, application_id, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      e.hallId,
      e.windowId,
      e.staffNumber,
      e.action.slice(0, 64),
      e.applicationId,
      JSON.stringify(e.detail),
      e.at,
    ]);
  }

  async auditTrail(filter: { hallId?: string; applicationId?: string; limit?: number }): Promise<StaffAuditEntry[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.hallId !== undefined) {
      where.push('hall_id = ?');
      params.push(filter.hallId);
    }
    if (filter.applicationId !== undefined) {
      where.push('application_id = ?');
      params.push(filter.applicationId);
    }
    const rows = await this.db.all<{ hall_id: string; window_id: string | null; staff_number: string | null; action: string; application_id: string | null; detail: string; at: number }>(
      `SELECT * FROM staff_audit${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ?`,
      [...params, Math.min(filter.limit ?? 500, 5000)],
    );
    return rows.map((r) => ({ hallId: r.hall_id, windowId: r.window_id, staffNumber: r.staff_number, action: r.action, applicationId: r.application_id, detail: JSON.parse(r.detail) as Record<string, unknown>, at: Number(r.at) }));
  }

  // ------------------------------------------------------------ actions

  applyWindowAction(input: WindowActionInput): Promise<WindowActionResult> {
    const { session } = input;
    return this.db.transaction(async (tx): Promise<WindowActionResult> => {
      const requestKey = `${session.hallId}:${input.requestId}`;
      const done = await tx.get<{ response: string }>('SELECT response FROM staff_requests WHERE request_id = ?', [requestKey]);
      if (done) return { ok: true, response: ActionResponse.parse(JSON.parse(done.response)) };

      const app = await tx.get<{ hall_id: string; status: ApplicationStatus; department: string; item_code: string }>(
        `SELECT hall_id, status, department, item_code FROM applications WHERE id = ?${this.lock}`,
        [input.applicationId],
      );
      if (!app || app.hall_id !== session.hallId) return { ok: false, code: 'NOT_FOUND', message: 'no such application in this hall' };
      if (!inScope(session, { department: app.department, itemCode: app.item_code })) {
        await this.audit({ ...this.who(input), action: `${input.action}.forbidden`, detail: { status: app.status } }, tx);
        return { ok: false, code: 'FORBIDDEN', message: 'this window does not handle the item (not one of its categories)' };
      }
      const current = async () => {
        const last = await tx.get<{ at: string; source: string }>('SELECT at, source FROM application_events WHERE application_id = ? ORDER BY id DESC LIMIT 1', [input.applicationId]);
        return { status: app.status, at: last?.at ?? null, by: last?.source ?? null };
      };
      if (app.status !== input.expectedStatus) {
        return { ok: false, code: 'CONFLICT', message: `the application is already ${app.status}`, current: await current() };
      }
      const plan = planAction(app.status, input.action, session.staffNumber, session.windowId, input.at, input.reason);
      if (!plan.ok) {
        const { code, message } = plan.error;
        if (code === 'REASON_REQUIRED') return { ok: false, code: 'REASON_REQUIRED', message };
        if (code === 'BAD_REQUEST') return { ok: false, code: 'BAD_REQUEST', message };
        return { ok: false, code: 'CONFLICT', message, current: await current() };
      }
      const source = staffSource(session.staffNumber, session.windowId);
      const steps = plan.value;
      for (const step of steps) {
        await tx.run('UPDATE applications SET status = ?, updated_at = ? WHERE id = ?', [step.to, input.now, input.applicationId]);
        await tx.run('INSERT INTO application_events (application_id, status, at, note, source) VALUES (?, ?, ?, ?, ?)', [input.applicationId, step.to, input.at, step.reason ?? null, source]);
        // The hall's terminals (the kiosk's progress query) learn of every step, in this transaction.
        const message = { applicationId: input.applicationId, status: step.to, at: input.at, actor: { kind: 'staff', id: session.staffNumber }, ...(step.reason ? { reason: step.reason } : {}) };
        await tx.run('INSERT INTO inbox (hall_id, kind, payload, created_at) VALUES (?, ?, ?, ?)', [session.hallId, 'application.status', JSON.stringify(message), input.now]);
      }
      if (input.action === 'special' && input.special) {
        const s = input.special;
        await tx.run(
          'INSERT INTO special_procedures (application_id, kind, name, limit_value, limit_unit, counted, started_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          [input.applicationId, s.kind, s.name, s.limit.value, s.limit.unit, s.countedInLimit ? 1 : 0, input.at],
        );
      }
      if (input.action === 'endSpecial') {
        await tx.run('UPDATE special_procedures SET ended_at = ? WHERE application_id = ? AND ended_at IS NULL', [input.at, input.applicationId]);
      }
      if (input.action === 'handout' && input.delivery) {
        const d = input.delivery;
        await tx.run(
          `INSERT INTO deliveries (application_id, method, collector, collector_name, collector_id_number, mail_tracking, staff_number, window_id, at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            input.applicationId, d.method, d.collector,
            this.cipher.sealNullable(d.collectorName, deliveryContext('collector_name', input.applicationId)),
            this.cipher.sealNullable(d.collectorIdNumber, deliveryContext('collector_id_number', input.applicationId)),
            d.mailTracking, session.staffNumber, session.windowId, input.at,
          ],
        );
      }
      const last = steps[steps.length - 1];
      const response: ActionResponse = {
        status: last?.to ?? app.status,
        steps: steps.map(({ from, to }) => ({ from, to })),
        at: input.at,
        ...(input.delivery ? { collector: input.delivery.collector } : {}),
      };
      await this.audit({ ...this.who(input), action: input.action, detail: { from: app.status, to: response.status, ...(input.reason ? { reasonChars: input.reason.length } : {}) } }, tx);
      await tx.run('INSERT INTO staff_requests (request_id, hall_id, response, at) VALUES (?, ?, ?, ?)', [requestKey, session.hallId, JSON.stringify(response), input.now]);
      // Retry keys only need to outlive a workstation's retries (an offline day at most): pruned on write.
      await tx.run('DELETE FROM staff_requests WHERE at < ?', [input.now - STAFF_REQUEST_RETENTION_MS]);
      return { ok: true, response };
    });
  }

  private who(input: WindowActionInput): Omit<StaffAuditEntry, 'action' | 'detail'> {
    return { hallId: input.session.hallId, windowId: input.session.windowId, staffNumber: input.session.staffNumber, applicationId: input.applicationId, at: input.now };
  }

  async specialProcedures(applicationIds: readonly string[]): Promise<Map<string, SpecialProcedureRecord[]>> {
    const out = new Map<string, SpecialProcedureRecord[]>();
    if (applicationIds.length === 0) return out;
    const rows = await this.db.all<SpecialRow>(
      `SELECT * FROM special_procedures WHERE application_id IN (${applicationIds.map(() => '?').join(', ')}) ORDER BY id`,
      [...applicationIds],
    );
    for (const r of rows) {
      const list = out.get(r.application_id) ?? [];
      list.push({ kind: r.kind, name: r.name, limit: { value: Number(r.limit_value), unit: r.limit_unit }, countedInLimit: Number(r.counted) === 1, startedAt: r.started_at, endedAt: r.ended_at });
      out.set(r.application_id, list);
    }
    return out;
  }

  // ------------------------------------------------------------ agents, deliveries, lookups

  async addAgent(applicationId: string, a: AgentRow): Promise<void> {
    await this.db.run('INSERT INTO application_agents (application_id, name, id_number, id_hash, salt, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      applicationId,
      this.cipher.seal(a.name, agentContext('name', applicationId, a.salt)),
      this.cipher.seal(a.idNumber, agentContext('id_number', applicationId, a.salt)),
      a.idHash,
      a.salt,
      a.recordedAt,
      a.recordedBy,
    ]);
  }

  async agents(applicationId: string): Promise<AgentRow[]> {
    const rows = await this.db.all<{ name: string; id_number: string; id_hash: string; salt: string; recorded_at: string; recorded_by: string }>(
      'SELECT * FROM application_agents WHERE application_id = ? ORDER BY id',
      [applicationId],
    );
    return rows.map((r) => ({
      name: this.cipher.open(r.name, agentContext('name', applicationId, r.salt)),
      idNumber: this.cipher.open(r.id_number, agentContext('id_number', applicationId, r.salt)),
      idHash: r.id_hash,
      salt: r.salt,
      recordedAt: r.recorded_at,
      recordedBy: r.recorded_by,
    }));
  }

  async delivery(applicationId: string): Promise<DeliveryRecord | null> {
    const r = await this.db.get<{ method: string; collector: string | null; collector_name: string | null; collector_id_number: string | null; mail_tracking: string | null; staff_number: string; window_id: string; at: string }>(
      'SELECT * FROM deliveries WHERE application_id = ?',
      [applicationId],
    );
    if (!r) return null;
    return DeliveryRecord.parse({
      method: r.method,
      collector: r.collector,
      collectorName: this.cipher.openNullable(r.collector_name, deliveryContext('collector_name', applicationId)),
      collectorIdNumber: this.cipher.openNullable(r.collector_id_number, deliveryContext('collector_id_number', applicationId)),
      mailTracking: r.mail_tracking,
      staffNumber: r.staff_number,
      windowId: r.window_id,
      at: r.at,
    });
  }

  async blobInScope(hallId: string, sha256: string, categories: readonly string[]): Promise<boolean> {
    const rows = await this.db.all<{ department: string; item_code: string }>(
      'SELECT a.department, a.item_code FROM application_blobs ab JOIN applications a ON a.id = ab.application_id WHERE ab.sha256 = ? AND a.hall_id = ? LIMIT 50',
      [sha256, hallId],
    );
    return rows.some((r) => inScope({ categories }, { department: r.department, itemCode: r.item_code }));
  }

  async findByTracking(hallId: string, trackingNumber: string): Promise<string[]> {
    const rows = await this.db.all<{ id: string }>('SELECT id FROM applications WHERE hall_id = ? AND (tracking_number = ? OR id = ?) ORDER BY submitted_at DESC LIMIT 20', [hallId, trackingNumber, trackingNumber]);
    return rows.map((r) => r.id);
  }
}
