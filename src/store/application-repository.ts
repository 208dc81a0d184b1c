// Applications (办件) with their materials metadata and audit trail. Personal data (form values, applicant
// name and ID number, staff reasons) is encrypted per row; everything else stays queryable. Multi-row
// changes run in one transaction, and callers can widen it (Store.transaction) — e.g. the sync outbox
// will add its row in the same transaction as the submission.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { formatTrackingNumber } from '../domain/application/tracking-number';
import { transition } from '../domain/application/state-machine';
import type { Actor, ApplicationState, AuditEntry, TransitionRequest } from '../domain/application/state-machine';
import type { TrustLevel } from '../domain/precheck/precheck';
import type { FieldCipher } from './crypto';

export interface PersonalData {
  readonly applicant: { readonly name: string; readonly idNumber: string };
  readonly values: Readonly<Record<string, unknown>>;
}

export interface MaterialMeta {
  readonly key: string;
  readonly pages: number;
  readonly trust: TrustLevel;
  readonly sha256?: string;
  readonly bytes?: number;
  /** Set for a 容缺 material promised instead of provided: the promised date. */
  readonly promisedBy?: string;
}

export interface SubmitInput {
  readonly kind: 'item' | 'bundle';
  readonly subjectId: string;
  readonly catalogVersion: string;
  readonly hallCode: string;
  readonly terminal: string;
  /** ISO timestamp; its local date (first 10 characters) goes into the tracking number. */
  readonly at: string;
  readonly actor: Actor;
  readonly personal: PersonalData;
  readonly materials: readonly MaterialMeta[];
}

export interface ApplicationRecord {
  readonly id: string;
  readonly trackingNo: string;
  readonly platformNo: string | null;
  readonly kind: 'item' | 'bundle';
  readonly subjectId: string;
  readonly catalogVersion: string;
  readonly hallCode: string;
  readonly terminal: string;
  readonly state: ApplicationState;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly syncedAt: string | null;
  readonly purgedAt: string | null;
  /** Null once purged after sync + retention. */
  readonly personal: PersonalData | null;
  readonly materials: readonly MaterialMeta[];
}

export class ApplicationError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'ILLEGAL_TRANSITION' | 'FORBIDDEN_ACTOR' | 'REASON_REQUIRED' | 'BAD_REQUEST' | 'CONFLICT' | 'SEQUENCE_EXHAUSTED',
    message: string,
  ) {
    super(message);
    this.name = 'ApplicationError';
  }
}

interface AppRow {
  id: string;
  tracking_no: string;
  platform_no: string | null;
  kind: 'item' | 'bundle';
  subject_id: string;
  catalog_version: string;
  hall_code: string;
  terminal: string;
  state: ApplicationState;
  created_at: string;
  updated_at: string;
  synced_at: string | null;
  purged_at: string | null;
  personal: Buffer | null;
}

interface MaterialRow {
  material_key: string;
  pages: number;
  trust: TrustLevel;
  sha256: string | null;
  bytes: number | null;
  promised_by: string | null;
}

interface AuditRow {
  from_state: ApplicationState;
  to_state: ApplicationState;
  actor_kind: AuditEntry['actorKind'];
  actor_id: string;
  terminal: string;
  at: string;
  reason: Buffer | null;
  id: number;
  application_id: string;
}

const personalContext = (id: string) => `applications.personal:${id}`;
const reasonContext = (id: string, at: string, to: string) => `application_audit.reason:${id}:${at}:${to}`;

export class ApplicationRepository {
  private readonly stmt;

  constructor(
    private readonly db: Database.Database,
    private readonly cipher: FieldCipher,
  ) {
    this.stmt = {
      nextSeq: db.prepare<[string, string], { last: number }>(
        `INSERT INTO tracking_sequences (hall_code, day, last) VALUES (?, ?, 1)
         ON CONFLICT (hall_code, day) DO UPDATE SET last = last + 1 RETURNING last`,
      ),
      insertApp: db.prepare(
        `INSERT INTO applications (id, tracking_no, kind, subject_id, catalog_version, hall_code, terminal, state, created_at, updated_at, personal, applicant_lookup)
         VALUES (@id, @trackingNo, @kind, @subjectId, @catalogVersion, @hallCode, @terminal, @state, @at, @at, @personal, @lookup)`,
      ),
      insertMaterial: db.prepare(
        `INSERT INTO application_materials (application_id, material_key, pages, trust, sha256, bytes, captured_at, promised_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertAudit: db.prepare(
        `INSERT INTO application_audit (application_id, from_state, to_state, actor_kind, actor_id, terminal, at, reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      get: db.prepare<[string], AppRow>('SELECT * FROM applications WHERE id = ?'),
      byTracking: db.prepare<[string], AppRow>('SELECT * FROM applications WHERE tracking_no = ?'),
      byLookup: db.prepare<[Buffer], AppRow>('SELECT * FROM applications WHERE applicant_lookup = ? ORDER BY created_at DESC'),
      materials: db.prepare<[string], MaterialRow>('SELECT * FROM application_materials WHERE application_id = ? ORDER BY id'),
      audit: db.prepare<[string], AuditRow>('SELECT * FROM application_audit WHERE application_id = ? ORDER BY id'),
      setState: db.prepare('UPDATE applications SET state = ?, updated_at = ? WHERE id = ? AND state = ?'),
      markSynced: db.prepare('UPDATE applications SET synced_at = ?, platform_no = COALESCE(?, platform_no) WHERE id = ?'),
    };
  }

  /** Commits a submitted application with its materials and first audit entry, atomically. */
  submit(input: SubmitInput): ApplicationRecord {
    const moved = transition('draft', { to: 'submitted', actor: input.actor, terminal: input.terminal, at: input.at });
    if (!moved.ok) throw new ApplicationError(moved.error.code, moved.error.message);
    const first = moved.value;
    const id = randomUUID();
    const day = input.at.slice(0, 10);
    this.db.transaction(() => {
      const seq = this.stmt.nextSeq.get(input.hallCode, day)?.last ?? 0;
      if (seq > 99_999) throw new ApplicationError('SEQUENCE_EXHAUSTED', 'daily tracking sequence exhausted');
      const trackingNo = formatTrackingNumber({ hallCode: input.hallCode, date: day, sequence: seq });
      this.stmt.insertApp.run({
        id,
        trackingNo,
        kind: input.kind,
        subjectId: input.subjectId,
        catalogVersion: input.catalogVersion,
        hallCode: input.hallCode,
        terminal: input.terminal,
        state: first.state,
        at: input.at,
        personal: this.cipher.encrypt(JSON.stringify(input.personal), personalContext(id)),
        lookup: this.cipher.lookupHash(input.personal.applicant.idNumber),
      });
      for (const m of input.materials) {
        this.stmt.insertMaterial.run(id, m.key, m.pages, m.trust, m.sha256 ?? null, m.bytes ?? null, input.at, m.promisedBy ?? null);
      }
      this.insertAudit(id, first.audit);
    })();
    const record = this.get(id);
    if (!record) throw new ApplicationError('CONFLICT', 'application vanished after commit');
    return record;
  }

  private insertAudit(id: string, a: AuditEntry): void {
    const reason = a.reason === undefined ? null : this.cipher.encrypt(a.reason, reasonContext(id, a.at, a.to));
    this.stmt.insertAudit.run(id, a.from, a.to, a.actorKind, a.actorId, a.terminal, a.at, reason);
  }

  get(id: string): ApplicationRecord | null {
    const row = this.stmt.get.get(id);
    return row ? this.toRecord(row) : null;
  }

  findByTrackingNo(trackingNo: string): ApplicationRecord | null {
    const row = this.stmt.byTracking.get(trackingNo.trim().toUpperCase());
    return row ? this.toRecord(row) : null;
  }

  /** Applications of the person whose ID card was just read (not available after purge). */
  findByApplicant(idNumber: string): ApplicationRecord[] {
    return this.stmt.byLookup.all(this.cipher.lookupHash(idNumber)).map((r) => this.toRecord(r));
  }

  /** Moves an application along the state machine and appends the audit entry, in one transaction. */
  transition(id: string, request: TransitionRequest): ApplicationRecord {
    this.db.transaction(() => {
      const row = this.stmt.get.get(id);
      if (!row) throw new ApplicationError('NOT_FOUND', 'no such application');
      const result = transition(row.state, request);
      if (!result.ok) throw new ApplicationError(result.error.code, result.error.message);
      const changed = this.stmt.setState.run(result.value.state, request.at, id, row.state).changes;
      if (changed !== 1) throw new ApplicationError('CONFLICT', 'the application changed meanwhile');
      this.insertAudit(id, result.value.audit);
    })();
    const record = this.get(id);
    if (!record) throw new ApplicationError('NOT_FOUND', 'no such application');
    return record;
  }

  /**
   * A state the platform decided (staff action there, delivered by the sync inbox). The platform is the
   * authority once it holds the application, so its state is taken even where the local machine would not
   * step there directly (a change made here crossed it); the audit entry records who and why.
   * Returns false when the application is not on this terminal or already in that state.
   */
  adoptPlatformState(id: string, entry: Omit<AuditEntry, 'from'>): boolean {
    return this.db.transaction(() => {
      const row = this.stmt.get.get(id);
      if (!row || row.state === entry.to) return false;
      this.stmt.setState.run(entry.to, entry.at, id, row.state);
      this.insertAudit(id, { ...entry, from: row.state });
      return true;
    })();
  }

  markSynced(id: string, at: string, platformNo?: string): void {
    if (this.stmt.markSynced.run(at, platformNo ?? null, id).changes !== 1) throw new ApplicationError('NOT_FOUND', 'no such application');
  }

  audit(id: string): AuditEntry[] {
    return this.stmt.audit.all(id).map((r) => ({
      from: r.from_state,
      to: r.to_state,
      actorKind: r.actor_kind,
      actorId: r.actor_id,
      terminal: r.terminal,
      at: r.at,
      ...(r.reason ? { reason: this.cipher.decrypt(r.reason, reasonContext(id, r.at, r.to_state)) } : {}),
    }));
  }

  private toRecord(row: AppRow): ApplicationRecord {
    return {
      id: row.id,
      trackingNo: row.tracking_no,
      platformNo: row.platform_no,
      kind: row.kind,
      subjectId: row.subject_id,
      catalogVersion: row.catalog_version,
      hallCode: row.hall_code,
      terminal: row.terminal,
      state: row.state,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      syncedAt: row.synced_at,
      purgedAt: row.purged_at,
      personal: row.personal ? (JSON.parse(this.cipher.decrypt(row.personal, personalContext(row.id))) as PersonalData) : null,
      materials: this.stmt.materials.all(row.id).map((m) => ({
        key: m.material_key,
        pages: m.pages,
        trust: m.trust,
        ...(m.sha256 ? { sha256: m.sha256 } : {}),
        ...(m.bytes !== null ? { bytes: m.bytes } : {}),
        ...(m.promised_by ? { promisedBy: m.promised_by } : {}),
      })),
    };
  }
}
