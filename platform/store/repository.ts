// The one storage interface of the reference platform. Two engines implement it (sqlite.ts, postgres.ts)
// through the same SQL (sql-repository.ts); the integration suite runs against both.
import type { StaffTokenRecord, StaffTokenScope } from './staff-tokens';
import type { ApplicationStatus, BlobStatus, HeartbeatRequest, InboxMessage, OpResult } from '../../src/wire/sync-protocol';
import type { StaffRepository } from './staff-repository';

export interface TerminalRecord {
  id: string;
  hallId: string;
  name: string;
  /** base64 HMAC key. */
  secret: string;
  enrolledAt: number;
  revokedAt: number | null;
  lastOpId: number;
  lastSeenAt: number | null;
  version: string | null;
  backlog: number | null;
  oldestPendingAgeMs: number | null;
  deadLetters: number | null;
}

/** An operation after envelope parsing; payload validation happens in applyOps so one bad op is rejected alone. */
export interface IncomingOp {
  opId: number;
  idempotencyKey: string;
  kind: string;
  payload: unknown;
}

export type ChunkResult =
  | { ok: true; status: BlobStatus }
  | { ok: false; code: 'OFFSET_MISMATCH' | 'SIZE_MISMATCH' | 'HASH_MISMATCH'; status: BlobStatus };

export interface ApplicationRecord {
  applicationId: string;
  hallId: string;
  terminalId: string;
  trackingNumber: string;
  itemCode: string;
  department: string;
  status: ApplicationStatus;
  submittedAt: string;
  applicantName: string;
  applicantIdNumber: string;
  applicantPhone: string | null;
  form: Record<string, unknown>;
  blobs: { sha256: string; material: string; mediaType: string; size: number; complete: boolean }[];
  complete: boolean;
  events: { status: ApplicationStatus; at: string; note: string | null; source: string }[];
}

/** A staff member moves an application, under the domain state machine's rules. */
export interface StaffTransition {
  to: ApplicationStatus;
  /** Staff number, never a name. */
  staffId: string;
  reason?: string;
}

export type ActionResult =
  | { ok: true; status: ApplicationStatus }
  | { ok: false; code: 'NOT_FOUND' | 'ILLEGAL_TRANSITION' | 'FORBIDDEN_ACTOR' | 'REASON_REQUIRED' | 'BAD_REQUEST'; message: string };

export type StatsDimension = 'item' | 'department' | 'window';

export interface EvaluationStat {
  key: string;
  count: number;
  average: number;
  /** Scores of 1 or 2 (差评), which must be followed up. */
  dissatisfied: number;
}

export interface PlatformRepository {
  readonly engine: 'sqlite' | 'postgres';
  /** The staff window: windows, accounts, sessions, audit, window actions (staff-repository.ts). */
  readonly staff: StaffRepository;
  close(): Promise<void>;

  createEnrolmentCode(codeHash: string, hallId: string, expiresAt: number): Promise<void>;
  /** Consumes a one-time code and creates the terminal in one transaction; null if unknown, used or expired. */
  enrolTerminal(codeHash: string, now: number, terminal: { id: string; name: string; secret: string; version: string }): Promise<TerminalRecord | null>;
  getTerminal(id: string): Promise<TerminalRecord | null>;
  listTerminals(): Promise<TerminalRecord[]>;
  revokeTerminal(id: string, at: number): Promise<boolean>;

  /** Records a nonce; false when the terminal already used it (replay). */
  rememberNonce(terminalId: string, nonce: string, expiresAt: number): Promise<boolean>;
  pruneNonces(now: number): Promise<number>;

  /**
   * Applies operations in opId order. Each op is one transaction that also advances the terminal's
   * last op id, so an op at or below it is a no-op (duplicate) and a crash never half-applies one.
   */
  applyOps(terminalId: string, ops: readonly IncomingOp[], now: number): Promise<{ results: OpResult[]; lastOpId: number }>;

  blobStatus(sha256: string): Promise<BlobStatus>;
  appendBlobChunk(sha256: string, size: number, offset: number, data: Uint8Array): Promise<ChunkResult>;
  /** Streams a complete blob chunk by chunk. */
  readBlob(sha256: string): AsyncIterable<Uint8Array>;

  recordHeartbeat(terminalId: string, beat: HeartbeatRequest, now: number): Promise<void>;

  /** hallId null: for every hall. Returns the new sequence number. */
  appendInbox(hallId: string | null, kind: InboxMessage['kind'], payload: unknown, now: number): Promise<number>;
  readInbox(hallId: string, after: number, limit: number): Promise<{ seq: number; kind: string; payload: unknown }[]>;

  getApplication(applicationId: string): Promise<ApplicationRecord | null>;
  hallQueue(hallId: string): Promise<ApplicationRecord[]>;
  applyStaffTransition(applicationId: string, change: StaffTransition, at: string, now: number): Promise<ActionResult>;
  evaluationStats(by: StatsDimension, hallId?: string): Promise<EvaluationStat[]>;
  countApplications(): Promise<number>;

  /** Staff of one hall: bearer tokens stored by hash. */
  /** categories null (or left out): read-only for the whole hall; otherwise reads and acts within them. */
  createStaffToken(tokenHash: string, hallId: string, name: string, now: number, categories?: readonly string[] | null): Promise<void>;
  /** The hall and categories of a staff token; null if unknown or revoked. */
  staffTokenScope(tokenHash: string): Promise<StaffTokenScope | null>;
  /** Revokes a staff token by its hash; false when unknown or already revoked. */
  revokeStaffToken(tokenHash: string, now: number): Promise<boolean>;
  /** Staff tokens (by hash, never the token), optionally of one hall. */
  listStaffTokens(hallId?: string): Promise<StaffTokenRecord[]>;
  /** Whether an application of the hall references the blob (staff may only fetch their hall's materials). */
  hallReferencesBlob(hallId: string, sha256: string): Promise<boolean>;
}
