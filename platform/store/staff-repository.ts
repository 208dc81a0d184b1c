// Storage of the staff window: windows and their item categories, staff accounts (scrypt PIN hashes and
// lockout counters), sessions by token hash, the staff audit trail, window actions under the state
// machine, special procedures, recorded agents and deliveries. Both SQL engines implement it
// (sql-staff-repository.ts); PlatformRepository.staff exposes it.
import type { ApplicationStatus } from '../../src/wire/sync-protocol';
import type { WindowAction } from '../../src/domain/application/window-actions';
import type { LockoutState } from '../staff/lockout';
import type { ActionResponse, DeliveryRecord, SpecialProcedureRecord, StaffErrorCode } from '../../src/wire/staff-protocol';

export interface WindowRecord {
  hallId: string;
  windowId: string;
  name: string;
  categories: string[];
}

export interface StaffAccount extends LockoutState {
  hallId: string;
  staffNumber: string;
  name: string;
  pinHash: string;
  disabled: boolean;
}

export interface StaffSession {
  hallId: string;
  windowId: string;
  windowName: string;
  staffNumber: string;
  staffName: string;
  /** The window's categories as they are now (an administrator's change applies at once). */
  categories: string[];
  expiresAt: number;
}

export interface StaffAuditEntry {
  hallId: string;
  windowId: string | null;
  staffNumber: string | null;
  action: string;
  applicationId: string | null;
  /** Never personal data: statuses, reasons' lengths, masked values, outcomes. */
  detail: Record<string, unknown>;
  at: number;
}

export interface WindowActionInput {
  applicationId: string;
  action: WindowAction;
  expectedStatus: ApplicationStatus;
  session: StaffSession;
  requestId: string;
  reason?: string;
  special?: Omit<SpecialProcedureRecord, 'startedAt' | 'endedAt'>;
  delivery?: Omit<DeliveryRecord, 'staffNumber' | 'windowId' | 'at'>;
  /** ISO time of the action (platform clock) and epoch ms. */
  at: string;
  now: number;
}

export type WindowActionResult =
  | { ok: true; response: ActionResponse }
  | { ok: false; code: StaffErrorCode; message: string; current?: { status: ApplicationStatus; at: string | null; by: string | null } };

export interface AgentRow {
  name: string;
  idNumber: string;
  idHash: string;
  salt: string;
  recordedAt: string;
  recordedBy: string;
}

export interface StaffRepository {
  upsertWindow(window: WindowRecord, now: number): Promise<void>;
  getWindow(hallId: string, windowId: string): Promise<WindowRecord | null>;

  /** false when the staff number already exists in the hall. */
  createStaff(account: { hallId: string; staffNumber: string; name: string; pinHash: string }, now: number): Promise<boolean>;
  getStaff(hallId: string, staffNumber: string): Promise<StaffAccount | null>;
  /** Counts one wrong PIN atomically and returns the new lockout state. */
  recordSignInFailure(hallId: string, staffNumber: string, now: number): Promise<LockoutState>;
  resetSignInFailures(hallId: string, staffNumber: string): Promise<void>;

  createSession(tokenHash: string, session: { hallId: string; windowId: string; staffNumber: string }, now: number, expiresAt: number): Promise<void>;
  /** The live session of a token; null when unknown, ended, expired or its account is disabled. */
  session(tokenHash: string, now: number): Promise<StaffSession | null>;
  endSession(tokenHash: string, now: number): Promise<void>;

  audit(entry: StaffAuditEntry): Promise<void>;
  auditTrail(filter: { hallId?: string; applicationId?: string; limit?: number }): Promise<StaffAuditEntry[]>;

  /** Runs an action under the state machine in one transaction: status, events, inbox messages, audit. */
  applyWindowAction(input: WindowActionInput): Promise<WindowActionResult>;
  specialProcedures(applicationIds: readonly string[]): Promise<Map<string, SpecialProcedureRecord[]>>;

  addAgent(applicationId: string, agent: AgentRow): Promise<void>;
  agents(applicationId: string): Promise<AgentRow[]>;
  delivery(applicationId: string): Promise<DeliveryRecord | null>;

  /** Whether an application of the hall within the categories references the blob. */
  blobInScope(hallId: string, sha256: string, categories: readonly string[]): Promise<boolean>;
  /** Application ids of the hall with this tracking number (or application id). */
  findByTracking(hallId: string, trackingNumber: string): Promise<string[]>;
}
