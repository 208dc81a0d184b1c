// PlatformRepository over either SQL engine. The statements are the common subset of SQLite and
// PostgreSQL (ON CONFLICT, RETURNING); row locks (FOR UPDATE) are added for PostgreSQL only, SQLite
// transactions being serialised already.
import { OpEnvelope, type ApplicationStatus, type BlobStatus, type HeartbeatRequest, type InboxMessage, type OpResult } from '../../src/wire/sync-protocol';
import { maskPersonalDataInText } from '../../src/kernel/mask';
import { toProvincialScore } from '../../src/domain/application/evaluation';
import { APPLICATION_STATES, TERMINAL_STATES, transition } from '../../src/domain/application/state-machine';
import type {
  ActionResult,
  ApplicationRecord,
  ChunkResult,
  EvaluationStat,
  IncomingOp,
  PlatformRepository,
  StaffTransition,
  StatsDimension,
  TerminalRecord,
} from './repository';
import type { SqlEngine, SqlExecutor } from './sql';
import { toTerminal } from './sql-rows';
import type { DataCipher } from './data-cipher';
import * as staffTokens from './staff-tokens';
import type { StaffTokenRecord, StaffTokenScope } from './staff-tokens';
import { sealApplicant, sealLegacyRows } from './seal-legacy';
import { SqlStaffRepository } from './sql-staff-repository';
import type { StaffRepository } from './staff-repository';
import type { ApplicationRow, TerminalRow } from './sql-rows';
import { SqlBlobStore, sealLegacyChunks } from './sql-blobs';

/** Applications a hall still has to work on: neither a draft nor finished. */
const OPEN_STATES = APPLICATION_STATES.filter((state) => state !== 'draft' && !TERMINAL_STATES.has(state));

/** The reference platform numbers applications by the terminal's id; a provincial one returns its 办件编号. */
function submittedRef(op: IncomingOp): { ref?: string } {
  if (op.kind !== 'application.submitted' || typeof op.payload !== 'object' || op.payload === null) return {};
  const id = (op.payload as { applicationId?: unknown }).applicationId;
  return typeof id === 'string' && id.length <= 64 ? { ref: id } : {};
}

type Effect = { ok: true } | { ok: false; code: string; message: string };

export class SqlRepository implements PlatformRepository {
  readonly engine: 'sqlite' | 'postgres';
  readonly staff: StaffRepository;
  private readonly blobs: SqlBlobStore;
  private readonly lock: string;

  constructor(
    private readonly db: SqlEngine,
    /** Seals terminal secrets, personal data and material bytes at rest. */
    private readonly cipher: DataCipher,
  ) {
    this.engine = db.dialect;
    this.staff = new SqlStaffRepository(db, cipher);
    this.blobs = new SqlBlobStore(db, cipher);
    this.lock = db.dialect === 'postgres' ? ' FOR UPDATE' : '';
  }

  close(): Promise<void> {
    return this.db.close();
  }

  /**
   * Seals rows and material chunks written before encryption at rest existed; returns how many were sealed.
   * The pass scans whole tables, so it runs only while a migration has left it pending (legacy_sealing).
   */
  async sealLegacyRows(): Promise<number> {
    const state = await this.db.get<{ pending: number }>('SELECT pending FROM legacy_sealing WHERE id = 1');
    if (state && Number(state.pending) === 0) return 0;
    const sealed = (await sealLegacyRows(this.db, this.cipher)) + (await sealLegacyChunks(this.db, this.cipher));
    await this.db.run('UPDATE legacy_sealing SET pending = 0 WHERE id = 1');
    return sealed;
  }

  private terminal(row: TerminalRow): TerminalRecord {
    return { ...toTerminal(row), secret: this.cipher.open(row.secret, `terminals.secret:${row.id}`) };
  }

  // ------------------------------------------------------------ terminals

  async createEnrolmentCode(codeHash: string, hallId: string, expiresAt: number): Promise<void> {
    await this.db.run('INSERT INTO enrolment_codes (code_hash, hall_id, expires_at) VALUES (?, ?, ?)', [codeHash, hallId, expiresAt]);
  }

  enrolTerminal(codeHash: string, now: number, t: { id: string; name: string; secret: string; version: string }): Promise<TerminalRecord | null> {
    return this.db.transaction(async (tx) => {
      const code = await tx.get<{ hall_id: string; expires_at: number; used_by: string | null }>(
        `SELECT hall_id, expires_at, used_by FROM enrolment_codes WHERE code_hash = ?${this.lock}`,
        [codeHash],
      );
      if (!code || code.used_by !== null || code.expires_at < now) return null;
      await tx.run('UPDATE enrolment_codes SET used_by = ? WHERE code_hash = ?', [t.id, codeHash]);
      await tx.run('INSERT INTO terminals (id, hall_id, name, secret, enrolled_at, version) VALUES (?, ?, ?, ?, ?, ?)', [t.id, code.hall_id, t.name, this.cipher.seal(t.secret, `terminals.secret:${t.id}`), now, t.version]);
      const row = await tx.get<TerminalRow>('SELECT * FROM terminals WHERE id = ?', [t.id]);
      return row ? this.terminal(row) : null;
    });
  }

  async getTerminal(id: string): Promise<TerminalRecord | null> {
    const row = await this.db.get<TerminalRow>('SELECT * FROM terminals WHERE id = ?', [id]);
    return row ? this.terminal(row) : null;
  }

  async listTerminals(): Promise<TerminalRecord[]> {
    return (await this.db.all<TerminalRow>('SELECT * FROM terminals ORDER BY hall_id, id')).map((row) => this.terminal(row));
  }

  async revokeTerminal(id: string, at: number): Promise<boolean> {
    return (await this.db.run('UPDATE terminals SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [at, id])) > 0;
  }

  async rememberNonce(terminalId: string, nonce: string, expiresAt: number): Promise<boolean> {
    const row = await this.db.get<{ nonce: string }>(
      'INSERT INTO nonces (terminal_id, nonce, expires_at) VALUES (?, ?, ?) ON CONFLICT (terminal_id, nonce) DO NOTHING RETURNING nonce',
      [terminalId, nonce, expiresAt],
    );
    return row !== undefined;
  }

  pruneNonces(now: number): Promise<number> {
    return this.db.run('DELETE FROM nonces WHERE expires_at < ?', [now]);
  }

  // ------------------------------------------------------------ operations

  async applyOps(terminalId: string, ops: readonly IncomingOp[], now: number): Promise<{ results: OpResult[]; lastOpId: number }> {
    // One transaction per batch: the effects and the terminal's last op id commit together, and the
    // terminal row lock makes concurrent copies of the same batch wait and then see duplicates.
    return this.db.transaction(async (tx) => {
      const t = await tx.get<{ hall_id: string; last_op_id: number }>(`SELECT hall_id, last_op_id FROM terminals WHERE id = ?${this.lock}`, [terminalId]);
      if (!t) throw new Error('terminal vanished');
      let last = t.last_op_id;
      const results: OpResult[] = [];
      for (const op of [...ops].sort((a, b) => a.opId - b.opId)) {
        if (op.opId <= last) {
          results.push({ opId: op.opId, status: 'duplicate', ...submittedRef(op) });
          continue;
        }
        const result = await this.applyOne(tx, terminalId, t.hall_id, op, now);
        await tx.run('INSERT INTO op_log (terminal_id, op_id, kind, status, code, at) VALUES (?, ?, ?, ?, ?, ?)', [terminalId, op.opId, op.kind.slice(0, 64), result.status, result.code ?? null, now]);
        results.push(result);
        last = op.opId;
      }
      if (last !== t.last_op_id) await tx.run('UPDATE terminals SET last_op_id = ? WHERE id = ?', [last, terminalId]);
      return { results, lastOpId: last };
    });
  }

  private async applyOne(tx: SqlExecutor, terminalId: string, hallId: string, raw: IncomingOp, now: number): Promise<OpResult> {
    const parsed = OpEnvelope.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const message = maskPersonalDataInText(`${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
      return { opId: raw.opId, status: 'rejected', code: 'BAD_REQUEST', message };
    }
    const op = parsed.data;
    const key = `${hallId}:${op.idempotencyKey}`;
    const fresh = await tx.get<{ key: string }>(
      'INSERT INTO idempotency (key, terminal_id, op_id, applied_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING RETURNING key',
      [key, terminalId, op.opId, now],
    );
    const ref = submittedRef(raw);
    if (!fresh) return { opId: op.opId, status: 'duplicate', ...ref };
    const effect = await this.effect(tx, terminalId, hallId, op, now);
    if (effect.ok) return { opId: op.opId, status: 'applied', ...ref };
    // A refused op does not use up its key: a corrected op with the same key may follow.
    await tx.run('DELETE FROM idempotency WHERE key = ?', [key]);
    return { opId: op.opId, status: 'rejected', code: effect.code, message: effect.message };
  }

  private async effect(tx: SqlExecutor, terminalId: string, hallId: string, op: OpEnvelope, now: number): Promise<Effect> {
    switch (op.kind) {
      case 'application.submitted': {
        const a = op.payload;
        const existing = await tx.get<{ hall_id: string }>('SELECT hall_id FROM applications WHERE id = ?', [a.applicationId]);
        if (existing) {
          return existing.hall_id === hallId ? { ok: true } : { ok: false, code: 'FORBIDDEN', message: 'application id belongs to another hall' };
        }
        await tx.run(
          `INSERT INTO applications (id, hall_id, terminal_id, tracking_number, item_code, department, status, submitted_at,
             applicant_name, applicant_id_number, applicant_phone, form, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?)`,
          [a.applicationId, hallId, terminalId, a.trackingNumber, a.itemCode, a.department, a.submittedAt,
            ...sealApplicant(this.cipher, a.applicationId, { name: a.applicant.name, idNumber: a.applicant.idNumber, phone: a.applicant.phone ?? null, form: JSON.stringify(a.form) }), now],
        );
        for (const b of a.blobs) {
          await tx.run(
            'INSERT INTO application_blobs (application_id, sha256, material, media_type, size) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
            [a.applicationId, b.sha256, b.material, b.mediaType, b.size],
          );
        }
        await tx.run('INSERT INTO application_events (application_id, status, at, note, source) VALUES (?, ?, ?, ?, ?)', [a.applicationId, 'submitted', a.submittedAt, null, terminalId]);
        return { ok: true };
      }
      case 'application.status': {
        const s = op.payload;
        const app = await tx.get<{ hall_id: string; status: ApplicationStatus }>(`SELECT hall_id, status FROM applications WHERE id = ?${this.lock}`, [s.applicationId]);
        if (!app || app.hall_id !== hallId) return { ok: false, code: 'NOT_FOUND', message: 'no such application in this hall' };
        // The same rules as on the terminal; a change that crossed a staff action on the platform is refused.
        const moved = transition(app.status, { to: s.status, actor: s.actor, terminal: terminalId, at: s.at, ...(s.reason ? { reason: s.reason } : {}) });
        if (!moved.ok) return { ok: false, code: moved.error.code, message: moved.error.message };
        await tx.run('UPDATE applications SET status = ?, updated_at = ? WHERE id = ?', [s.status, now, s.applicationId]);
        await tx.run('INSERT INTO application_events (application_id, status, at, note, source) VALUES (?, ?, ?, ?, ?)', [s.applicationId, s.status, s.at, s.reason ?? null, `${s.actor.kind}:${s.actor.id}@${terminalId}`]);
        return { ok: true };
      }
      case 'evaluation': {
        const e = op.payload;
        // score: the provincial scale (5 = 非常满意) so averages read the usual way; the level is kept as a name.
        await tx.run(
          `INSERT INTO evaluations (id, hall_id, terminal_id, application_id, item_code, department, window_code, score, at,
             level, channel, round, reasons, indicator_version, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
          [e.evaluationId, hallId, terminalId, e.applicationId, e.itemCode, e.department, e.window, toProvincialScore(e.level), e.at,
            e.level, e.channel, e.round, JSON.stringify(e.reasons ?? []), e.indicatorVersion ?? null, this.cipher.sealNullable(e.text ?? null, `evaluations.text:${e.evaluationId}`)],
        );
        return { ok: true };
      }
      case 'device.health': {
        const d = op.payload;
        await tx.run('INSERT INTO device_health (terminal_id, device, state, at, detail) VALUES (?, ?, ?, ?, ?)', [terminalId, d.device, d.state, d.at, d.detail ?? null]);
        return { ok: true };
      }
      case 'audit': {
        const e = op.payload;
        await tx.run('INSERT INTO audit_events (id, terminal_id, kind, at, detail) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING', [e.eventId, terminalId, e.kind, e.at, JSON.stringify(e.detail)]);
        return { ok: true };
      }
    }
  }

  // ------------------------------------------------------------ blobs

  blobStatus(sha256: string): Promise<BlobStatus> {
    return this.blobs.status(sha256);
  }

  appendBlobChunk(sha256: string, size: number, offset: number, data: Uint8Array): Promise<ChunkResult> {
    return this.blobs.append(sha256, size, offset, data);
  }

  readBlob(sha256: string): AsyncIterable<Uint8Array> {
    return this.blobs.read(sha256);
  }

  // ------------------------------------------------------------ heartbeat and inbox

  async recordHeartbeat(terminalId: string, beat: HeartbeatRequest, now: number): Promise<void> {
    await this.db.run(
      'UPDATE terminals SET last_seen_at = ?, version = ?, backlog = ?, oldest_pending_age_ms = ?, dead_letters = ?, devices = ? WHERE id = ?',
      [now, beat.version, beat.backlog, beat.oldestPendingAgeMs, beat.deadLetters, JSON.stringify(beat.devices), terminalId],
    );
  }

  async appendInbox(hallId: string | null, kind: InboxMessage['kind'], payload: unknown, now: number): Promise<number> {
    const row = await this.db.get<{ seq: number }>('INSERT INTO inbox (hall_id, kind, payload, created_at) VALUES (?, ?, ?, ?) RETURNING seq', [hallId, kind, JSON.stringify(payload), now]);
    if (!row) throw new Error('inbox insert returned nothing');
    return row.seq;
  }

  async readInbox(hallId: string, after: number, limit: number): Promise<{ seq: number; kind: string; payload: unknown }[]> {
    const rows = await this.db.all<{ seq: number; kind: string; payload: string }>(
      'SELECT seq, kind, payload FROM inbox WHERE seq > ? AND (hall_id IS NULL OR hall_id = ?) ORDER BY seq LIMIT ?',
      [after, hallId, limit],
    );
    return rows.map((r) => ({ seq: r.seq, kind: r.kind, payload: JSON.parse(r.payload) as unknown }));
  }

  // ------------------------------------------------------------ staff window

  private async record(row: ApplicationRow): Promise<ApplicationRecord> {
    const blobs = await this.db.all<{ sha256: string; material: string; media_type: string; size: number; complete: number | null }>(
      `SELECT ab.sha256, ab.material, ab.media_type, ab.size, b.complete FROM application_blobs ab
         LEFT JOIN blobs b ON b.sha256 = ab.sha256 WHERE ab.application_id = ? ORDER BY ab.material, ab.sha256`,
      [row.id],
    );
    const events = await this.db.all<{ status: ApplicationStatus; at: string; note: string | null; source: string }>(
      'SELECT status, at, note, source FROM application_events WHERE application_id = ? ORDER BY id',
      [row.id],
    );
    const blobList = blobs.map((b) => ({ sha256: b.sha256, material: b.material, mediaType: b.media_type, size: b.size, complete: b.complete === 1 }));
    return {
      applicationId: row.id,
      hallId: row.hall_id,
      terminalId: row.terminal_id,
      trackingNumber: row.tracking_number,
      itemCode: row.item_code,
      department: row.department,
      status: row.status,
      submittedAt: row.submitted_at,
      applicantName: this.cipher.open(row.applicant_name, `applications.applicant_name:${row.id}`),
      applicantIdNumber: this.cipher.open(row.applicant_id_number, `applications.applicant_id_number:${row.id}`),
      applicantPhone: this.cipher.openNullable(row.applicant_phone, `applications.applicant_phone:${row.id}`),
      form: JSON.parse(this.cipher.open(row.form, `applications.form:${row.id}`)) as Record<string, unknown>,
      blobs: blobList,
      complete: blobList.every((b) => b.complete),
      events,
    };
  }

  async getApplication(applicationId: string): Promise<ApplicationRecord | null> {
    const row = await this.db.get<ApplicationRow>('SELECT * FROM applications WHERE id = ?', [applicationId]);
    return row ? this.record(row) : null;
  }

  async hallQueue(hallId: string): Promise<ApplicationRecord[]> {
    const rows = await this.db.all<ApplicationRow>(
      `SELECT * FROM applications WHERE hall_id = ? AND status IN (${OPEN_STATES.map(() => '?').join(', ')}) ORDER BY submitted_at, id LIMIT 500`,
      [hallId, ...OPEN_STATES],
    );
    const out: ApplicationRecord[] = [];
    for (const row of rows) out.push(await this.record(row));
    return out;
  }

  async applyStaffTransition(applicationId: string, change: StaffTransition, at: string, now: number): Promise<ActionResult> {
    return this.db.transaction(async (tx): Promise<ActionResult> => {
      const app = await tx.get<{ hall_id: string; status: ApplicationStatus }>(`SELECT hall_id, status FROM applications WHERE id = ?${this.lock}`, [applicationId]);
      if (!app) return { ok: false, code: 'NOT_FOUND', message: 'no such application' };
      const moved = transition(app.status, { to: change.to, actor: { kind: 'staff', id: change.staffId }, terminal: 'platform', at, ...(change.reason ? { reason: change.reason } : {}) });
      if (!moved.ok) return { ok: false, code: moved.error.code, message: moved.error.message };
      await tx.run('UPDATE applications SET status = ?, updated_at = ? WHERE id = ?', [change.to, now, applicationId]);
      await tx.run('INSERT INTO application_events (application_id, status, at, note, source) VALUES (?, ?, ?, ?, ?)', [applicationId, change.to, at, change.reason ?? null, `staff:${change.staffId}@platform`]);
      // The hall's terminals learn of it through the inbox, in the same transaction so it is never missed.
      const message = { applicationId, status: change.to, at, actor: { kind: 'staff', id: change.staffId }, ...(change.reason ? { reason: change.reason } : {}) };
      await tx.run('INSERT INTO inbox (hall_id, kind, payload, created_at) VALUES (?, ?, ?, ?)', [app.hall_id, 'application.status', JSON.stringify(message), now]);
      return { ok: true, status: change.to };
    });
  }

  async evaluationStats(by: StatsDimension, hallId?: string): Promise<EvaluationStat[]> {
    const column = { item: 'item_code', department: 'department', window: 'window_code' }[by];
    const where = hallId === undefined ? '' : ' WHERE hall_id = ?';
    const rows = await this.db.all<{ key: string; count: number; average: number; dissatisfied: number }>(
      `SELECT ${column} AS key, COUNT(*) AS count, AVG(score) AS average, SUM(CASE WHEN score <= 2 THEN 1 ELSE 0 END) AS dissatisfied
         FROM evaluations${where} GROUP BY ${column} ORDER BY ${column}`,
      hallId === undefined ? [] : [hallId],
    );
    return rows.map((r) => ({ key: r.key, count: Number(r.count), average: Math.round(Number(r.average) * 100) / 100, dissatisfied: Number(r.dissatisfied) }));
  }

  async countApplications(): Promise<number> {
    const row = await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM applications');
    return Number(row?.n ?? 0);
  }

  // ------------------------------------------------------------ staff tokens

  createStaffToken(tokenHash: string, hallId: string, name: string, now: number, categories: readonly string[] | null = null): Promise<void> {
    return staffTokens.createStaffToken(this.db, tokenHash, hallId, name, now, categories);
  }

  staffTokenScope(tokenHash: string): Promise<StaffTokenScope | null> {
    return staffTokens.staffTokenScope(this.db, tokenHash);
  }

  revokeStaffToken(tokenHash: string, now: number): Promise<boolean> {
    return staffTokens.revokeStaffToken(this.db, tokenHash, now);
  }

  listStaffTokens(hallId?: string): Promise<StaffTokenRecord[]> {
    return staffTokens.listStaffTokens(this.db, hallId);
  }

  async hallReferencesBlob(hallId: string, sha256: string): Promise<boolean> {
    const row = await this.db.get<{ one: number }>(
      'SELECT 1 AS one FROM application_blobs ab JOIN applications a ON a.id = ab.application_id WHERE ab.sha256 = ? AND a.hall_id = ? LIMIT 1',
      [sha256, hallId],
    );
    return row !== undefined;
  }
}
