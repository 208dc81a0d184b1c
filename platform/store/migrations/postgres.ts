import type { Migrations } from '../sql';

export const postgresMigrations: Migrations = [
  `
  CREATE TABLE enrolment_codes (
    code_hash TEXT PRIMARY KEY, hall_id TEXT NOT NULL, expires_at BIGINT NOT NULL, used_by TEXT
  );
  CREATE TABLE terminals (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL, name TEXT NOT NULL, secret TEXT NOT NULL,
    enrolled_at BIGINT NOT NULL, revoked_at BIGINT, last_op_id BIGINT NOT NULL DEFAULT 0,
    last_seen_at BIGINT, version TEXT, backlog BIGINT, oldest_pending_age_ms BIGINT, dead_letters BIGINT,
    devices TEXT
  );
  CREATE TABLE nonces (
    terminal_id TEXT NOT NULL, nonce TEXT NOT NULL, expires_at BIGINT NOT NULL, PRIMARY KEY (terminal_id, nonce)
  );
  CREATE INDEX nonces_expiry ON nonces (expires_at);
  CREATE TABLE idempotency (
    key TEXT PRIMARY KEY, terminal_id TEXT NOT NULL, op_id BIGINT NOT NULL, applied_at BIGINT NOT NULL
  );
  CREATE TABLE op_log (
    terminal_id TEXT NOT NULL, op_id BIGINT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, code TEXT,
    at BIGINT NOT NULL, PRIMARY KEY (terminal_id, op_id)
  );
  CREATE TABLE applications (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL, terminal_id TEXT NOT NULL, tracking_number TEXT NOT NULL,
    item_code TEXT NOT NULL, department TEXT NOT NULL, status TEXT NOT NULL, submitted_at TEXT NOT NULL,
    applicant_name TEXT NOT NULL, applicant_id_number TEXT NOT NULL, applicant_phone TEXT,
    form TEXT NOT NULL, updated_at BIGINT NOT NULL
  );
  CREATE INDEX applications_hall ON applications (hall_id, status, submitted_at);
  CREATE TABLE application_blobs (
    application_id TEXT NOT NULL, sha256 TEXT NOT NULL, material TEXT NOT NULL, media_type TEXT NOT NULL,
    size BIGINT NOT NULL, PRIMARY KEY (application_id, sha256, material)
  );
  CREATE TABLE application_events (
    id BIGSERIAL PRIMARY KEY, application_id TEXT NOT NULL, status TEXT NOT NULL, at TEXT NOT NULL,
    note TEXT, source TEXT NOT NULL
  );
  CREATE INDEX application_events_app ON application_events (application_id, id);
  CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY, size BIGINT NOT NULL, received BIGINT NOT NULL, complete BIGINT NOT NULL DEFAULT 0
  );
  CREATE TABLE blob_chunks (
    sha256 TEXT NOT NULL, start_at BIGINT NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (sha256, start_at)
  );
  CREATE TABLE evaluations (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL, terminal_id TEXT NOT NULL, application_id TEXT,
    item_code TEXT NOT NULL, department TEXT NOT NULL, window_code TEXT NOT NULL, score BIGINT NOT NULL, at TEXT NOT NULL
  );
  CREATE TABLE device_health (
    id BIGSERIAL PRIMARY KEY, terminal_id TEXT NOT NULL, device TEXT NOT NULL, state TEXT NOT NULL,
    at TEXT NOT NULL, detail TEXT
  );
  CREATE TABLE audit_events (
    id TEXT PRIMARY KEY, terminal_id TEXT NOT NULL, kind TEXT NOT NULL, at TEXT NOT NULL, detail TEXT NOT NULL
  );
  CREATE TABLE inbox (
    seq BIGSERIAL PRIMARY KEY, hall_id TEXT, kind TEXT NOT NULL, payload TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  `,
  `
  CREATE TABLE staff_tokens (
    token_hash TEXT PRIMARY KEY, hall_id TEXT NOT NULL, name TEXT NOT NULL, created_at BIGINT NOT NULL,
    revoked_at BIGINT
  );
  CREATE INDEX application_blobs_sha ON application_blobs (sha256);
  ALTER TABLE evaluations ADD COLUMN level TEXT;
  ALTER TABLE evaluations ADD COLUMN channel TEXT;
  ALTER TABLE evaluations ADD COLUMN round BIGINT;
  ALTER TABLE evaluations ADD COLUMN reasons TEXT;
  ALTER TABLE evaluations ADD COLUMN indicator_version TEXT;
  ALTER TABLE evaluations ADD COLUMN text TEXT;
  `,
  // Staff window (issue 9): windows with their item categories, staff accounts (scrypt PIN hash, lockout),
  // sessions by token hash, the staff audit trail, idempotent window requests, special procedures,
  // recorded agents and deliveries (collector name and ID number stored masked; agents' ID numbers as a
  // salted hash for the hand-out check).
  `
  CREATE TABLE staff_windows (
    hall_id TEXT NOT NULL, window_id TEXT NOT NULL, name TEXT NOT NULL, categories TEXT NOT NULL,
    updated_at BIGINT NOT NULL, PRIMARY KEY (hall_id, window_id)
  );
  CREATE TABLE staff_accounts (
    hall_id TEXT NOT NULL, staff_number TEXT NOT NULL, name TEXT NOT NULL, pin_hash TEXT NOT NULL,
    failures BIGINT NOT NULL DEFAULT 0, locked_until BIGINT, disabled_at BIGINT, created_at BIGINT NOT NULL,
    PRIMARY KEY (hall_id, staff_number)
  );
  CREATE TABLE staff_sessions (
    token_hash TEXT PRIMARY KEY, hall_id TEXT NOT NULL, window_id TEXT NOT NULL, staff_number TEXT NOT NULL,
    created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, ended_at BIGINT
  );
  CREATE TABLE staff_audit (
    id BIGSERIAL PRIMARY KEY, hall_id TEXT NOT NULL, window_id TEXT, staff_number TEXT, action TEXT NOT NULL,
    application_id TEXT, detail TEXT NOT NULL, at BIGINT NOT NULL
  );
  CREATE INDEX staff_audit_app ON staff_audit (application_id, id);
  CREATE TABLE staff_requests (
    request_id TEXT PRIMARY KEY, hall_id TEXT NOT NULL, response TEXT NOT NULL, at BIGINT NOT NULL
  );
  CREATE TABLE special_procedures (
    id BIGSERIAL PRIMARY KEY, application_id TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL,
    limit_value BIGINT NOT NULL, limit_unit TEXT NOT NULL, counted BIGINT NOT NULL, started_at TEXT NOT NULL, ended_at TEXT
  );
  CREATE INDEX special_procedures_app ON special_procedures (application_id, id);
  CREATE TABLE application_agents (
    id BIGSERIAL PRIMARY KEY, application_id TEXT NOT NULL, name TEXT NOT NULL, id_number TEXT NOT NULL,
    id_hash TEXT NOT NULL, salt TEXT NOT NULL, recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL
  );
  CREATE INDEX application_agents_app ON application_agents (application_id, id);
  CREATE TABLE deliveries (
    application_id TEXT PRIMARY KEY, method TEXT NOT NULL, collector TEXT, collector_name TEXT,
    collector_id_number TEXT, mail_tracking TEXT, staff_number TEXT NOT NULL, window_id TEXT NOT NULL, at TEXT NOT NULL
  );
  `,
  // Legacy staff tokens may carry item categories (null: read-only for the whole hall; docs/staff-window.md);
  // the window's retry keys are pruned by age (platform/store/sql-staff-repository.ts).
  `
  ALTER TABLE staff_tokens ADD COLUMN categories TEXT;
  CREATE INDEX staff_requests_at ON staff_requests (at);
  `,
  // Material bytes sealed at rest (platform/store/sql-blobs.ts): chunks written from now on carry sealed = 1;
  // older ones (0) are read as stored and sealed when the store opens (found through a partial index, without
  // reading the chunk bytes).
  `
  ALTER TABLE blob_chunks ADD COLUMN sealed BIGINT NOT NULL DEFAULT 0;
  CREATE INDEX blob_chunks_unsealed ON blob_chunks (sha256, start_at) WHERE sealed = 0;
  `,
  // The pass that seals rows and chunks written before encryption at rest (platform/store/seal-legacy.ts)
  // reads whole tables: it runs on the first start after this migration, then clears `pending`. A later
  // migration that seals another column sets it back to 1.
  `
  CREATE TABLE legacy_sealing (id INTEGER PRIMARY KEY CHECK (id = 1), pending INTEGER NOT NULL);
  INSERT INTO legacy_sealing (id, pending) VALUES (1, 1);
  `,
];
