// Row shapes of the platform tables as both SQL engines return them, and their mapping to records.
import type { ApplicationStatus } from '../../src/wire/sync-protocol';
import type { TerminalRecord } from './repository';

export interface TerminalRow {
  id: string;
  hall_id: string;
  name: string;
  secret: string;
  enrolled_at: number;
  revoked_at: number | null;
  last_op_id: number;
  last_seen_at: number | null;
  version: string | null;
  backlog: number | null;
  oldest_pending_age_ms: number | null;
  dead_letters: number | null;
}

export interface ApplicationRow {
  id: string;
  hall_id: string;
  terminal_id: string;
  tracking_number: string;
  item_code: string;
  department: string;
  status: ApplicationStatus;
  submitted_at: string;
  applicant_name: string;
  applicant_id_number: string;
  applicant_phone: string | null;
  form: string;
}

export interface BlobRow {
  sha256: string;
  size: number;
  received: number;
  complete: number;
}

export const toTerminal = (r: TerminalRow): TerminalRecord => ({
  id: r.id,
  hallId: r.hall_id,
  name: r.name,
  secret: r.secret,
  enrolledAt: r.enrolled_at,
  revokedAt: r.revoked_at,
  lastOpId: r.last_op_id,
  lastSeenAt: r.last_seen_at,
  version: r.version,
  backlog: r.backlog,
  oldestPendingAgeMs: r.oldest_pending_age_ms,
  deadLetters: r.dead_letters,
});
