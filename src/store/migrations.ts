// Numbered schema migrations. The applied version is SQLite's user_version; each migration runs in its own
// transaction. Never edit a shipped migration: add the next number.
import type Database from 'better-sqlite3';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'catalogue versions',
    sql: `
      CREATE TABLE catalog_versions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        version TEXT NOT NULL UNIQUE,
        schema_version TEXT NOT NULL,
        content TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1))
      );
      CREATE UNIQUE INDEX catalog_versions_one_active ON catalog_versions(active) WHERE active = 1;
    `,
  },
  {
    version: 2,
    name: 'applications, materials metadata, audit trail',
    sql: `
      CREATE TABLE tracking_sequences (
        hall_code TEXT NOT NULL,
        day TEXT NOT NULL,
        last INTEGER NOT NULL,
        PRIMARY KEY (hall_code, day)
      ) WITHOUT ROWID;
      CREATE TABLE applications (
        id TEXT PRIMARY KEY,
        tracking_no TEXT NOT NULL UNIQUE,
        platform_no TEXT UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('item', 'bundle')),
        subject_id TEXT NOT NULL,
        catalog_version TEXT NOT NULL,
        hall_code TEXT NOT NULL,
        terminal TEXT NOT NULL,
        state TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        synced_at TEXT,
        purged_at TEXT,
        -- AES-256-GCM JSON of the form values and applicant identity; NULL once purged
        personal BLOB,
        -- HMAC of the applicant's ID number, for "my applications" after a card read; NULL once purged
        applicant_lookup BLOB
      );
      CREATE INDEX applications_state ON applications(state);
      CREATE INDEX applications_lookup ON applications(applicant_lookup);
      CREATE INDEX applications_retention ON applications(synced_at, created_at) WHERE purged_at IS NULL;
      CREATE TABLE application_materials (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        application_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        material_key TEXT NOT NULL,
        pages INTEGER NOT NULL CHECK (pages >= 0),
        trust TEXT NOT NULL CHECK (trust IN ('A', 'B', 'C', 'D')),
        sha256 TEXT,
        bytes INTEGER,
        captured_at TEXT NOT NULL,
        promised_by TEXT,
        UNIQUE (application_id, material_key)
      );
      CREATE TABLE application_audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        application_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        actor_kind TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        terminal TEXT NOT NULL,
        at TEXT NOT NULL,
        -- staff-written reasons may name people: encrypted, NULL once purged
        reason BLOB
      );
      CREATE INDEX application_audit_app ON application_audit(application_id, id);
    `,
  },
  {
    version: 3,
    name: 'evaluations',
    sql: `
      CREATE TABLE evaluations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        application_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        channel TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('非常满意', '满意', '基本满意', '不满意', '非常不满意')),
        reasons TEXT NOT NULL DEFAULT '[]',
        text BLOB,
        staff_id TEXT,
        terminal TEXT NOT NULL,
        at TEXT NOT NULL,
        UNIQUE (application_id, channel)
      );
    `,
  },
  {
    version: 4,
    name: 'work calendar years from sync',
    sql: `
      CREATE TABLE calendar_years (
        year INTEGER PRIMARY KEY,
        off_days TEXT NOT NULL,
        adjusted_workdays TEXT NOT NULL,
        source TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: 'evaluation record elements of GB/T 39046 table 9: round (追评), evaluator, region, indicator version, staff',
    // SQLite cannot change a UNIQUE constraint in place: rebuild the table and copy the rows.
    sql: `
      CREATE TABLE evaluations_v5 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        application_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        channel TEXT NOT NULL,
        round INTEGER NOT NULL DEFAULT 1 CHECK (round IN (1, 2)),
        level TEXT NOT NULL CHECK (level IN ('非常满意', '满意', '基本满意', '不满意', '非常不满意')),
        reasons TEXT NOT NULL DEFAULT '[]',
        indicator_version TEXT,
        text BLOB,
        -- AES-256-GCM JSON {kind, name, idNumber, anonymous}; NULL once purged
        evaluator BLOB,
        staff_id TEXT,
        region_code TEXT,
        terminal TEXT NOT NULL,
        at TEXT NOT NULL,
        UNIQUE (application_id, channel, round)
      );
      INSERT INTO evaluations_v5 (id, application_id, channel, round, level, reasons, text, staff_id, terminal, at)
        SELECT id, application_id, channel, 1, level, reasons, text, staff_id, terminal, at FROM evaluations;
      DROP TABLE evaluations;
      ALTER TABLE evaluations_v5 RENAME TO evaluations;
      CREATE UNIQUE INDEX evaluations_one_follow_up ON evaluations(application_id) WHERE round = 2;
    `,
  },
  {
    version: 6,
    name: 'sync: outbox (AUTOINCREMENT op ids, never reused), dead letters, inbox cursor and log, platform config, encrypted material blobs',
    sql: `
      CREATE TABLE outbox (
        op_id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        -- AES-256-GCM JSON of the operation payload (it carries personal data)
        payload BLOB NOT NULL,
        idempotency_key TEXT NOT NULL,
        ordering_key TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE outbox_dead (
        op_id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        payload BLOB NOT NULL,
        idempotency_key TEXT NOT NULL,
        ordering_key TEXT,
        created_at INTEGER NOT NULL,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        dead_at INTEGER NOT NULL
      );
      CREATE TABLE inbox_cursor (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL
      );
      CREATE TABLE inbox_log (
        seq INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'ignored', 'invalid')),
        detail TEXT,
        at TEXT NOT NULL
      );
      CREATE TABLE platform_config (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        seq INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE blobs (
        sha256 TEXT PRIMARY KEY,
        size INTEGER NOT NULL CHECK (size >= 0),
        media_type TEXT NOT NULL,
        chunk_bytes INTEGER NOT NULL CHECK (chunk_bytes > 0),
        created_at TEXT NOT NULL
      );
      -- fixed-size plaintext chunks, each AES-256-GCM encrypted with (sha256, index) as associated data
      CREATE TABLE blob_chunks (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL REFERENCES blobs(sha256) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        data BLOB NOT NULL,
        UNIQUE (sha256, idx)
      );
      CREATE INDEX application_materials_sha ON application_materials(sha256) WHERE sha256 IS NOT NULL;
    `,
  },
  {
    version: 7,
    name: 'technician console: terminal settings (PIN hash, lockout, identity) and device bindings',
    sql: `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) WITHOUT ROWID;
      -- one device-manager configuration entry (JSON) per role, enabled or not; a role without a row keeps
      -- the profile's default (simulated device, or the HALL_* environment of the configured profile)
      CREATE TABLE device_bindings (
        role TEXT PRIMARY KEY CHECK (role IN ('idcard', 'printer', 'scanner', 'evaluator', 'camera')),
        entry TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 8,
    name: 'window workstation: last synced queue and application details (encrypted), actions taken offline in order',
    sql: `
      CREATE TABLE window_cache (
        key TEXT PRIMARY KEY,
        -- AES-256-GCM JSON: queue summaries (masked) or an application detail (form values)
        payload BLOB NOT NULL,
        synced_at TEXT NOT NULL
      );
      CREATE TABLE window_actions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        window_id TEXT NOT NULL,
        staff_number TEXT NOT NULL,
        application_id TEXT NOT NULL,
        -- AES-256-GCM JSON of the request (reasons, notice issues); emptied once settled
        request BLOB NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'applied', 'conflict', 'refused')),
        outcome TEXT,
        created_at TEXT NOT NULL,
        settled_at TEXT
      );
      CREATE INDEX window_actions_pending ON window_actions (window_id, state, id);
    `,
  },
  {
    version: 9,
    name: 'ratings given at a window for applications the platform holds (一次一评 ledger; reasons and text only in the outbox op)',
    sql: `
      CREATE TABLE window_evaluations (
        application_id TEXT NOT NULL,
        channel TEXT NOT NULL,
        round INTEGER NOT NULL CHECK (round IN (1, 2)),
        level TEXT NOT NULL CHECK (level IN ('非常满意', '满意', '基本满意', '不满意', '非常不满意')),
        at TEXT NOT NULL,
        PRIMARY KEY (application_id, channel, round)
      ) WITHOUT ROWID;
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

export class SchemaTooNewError extends Error {
  constructor(readonly found: number, readonly supported: number) {
    super(
      `数据库版本 ${found} 高于本程序支持的版本 ${supported}，请升级终端软件 ` +
        `(the database was written by a newer version of the terminal software: schema ${found}, this build supports up to ${supported}; update the software, do not downgrade)`,
    );
    this.name = 'SchemaTooNewError';
  }
}

export function schemaVersion(db: Database.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** Applies every migration above the current version, up to `target` (tests stop at earlier versions). */
export function migrate(db: Database.Database, target: number = LATEST_VERSION): number {
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) throw new SchemaTooNewError(current, LATEST_VERSION);
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return schemaVersion(db);
}
