// The terminal's local store: one SQLite file, repositories per aggregate, and a transaction seam so that
// another module (the sync outbox) can write in the same transaction as a repository.
import type Database from 'better-sqlite3';
import { ApplicationRepository } from './application-repository';
import { CalendarRepository } from './calendar-repository';
import { CatalogRepository } from './catalog-repository';
import { FieldCipher } from './crypto';
import { EvaluationRepository } from './evaluation-repository';
import { openDatabase } from './open';
import { DeviceBindingRepository, SettingsRepository } from './settings-repository';
import { BlobStore } from './blob-store';
import { applyInboxMessage } from './inbox-apply';
import { SqliteInbox, SqliteOutbox } from './sqlite-outbox';
import { DEFAULT_RETENTION_DAYS, purgePersonalData } from './retention';

export interface StoreOptions {
  readonly path: string;
  /** 32-byte data key from the shell (safeStorage or loadOrCreateKeyFile). */
  readonly key: Uint8Array;
  /** Tests only: stop migrating at an earlier schema version. */
  readonly migrateTo?: number;
}

export interface Store {
  readonly db: Database.Database;
  /** The column cipher under the store's data key, for tables kept by other modules (the window cache). */
  readonly cipher: FieldCipher;
  readonly catalogs: CatalogRepository;
  readonly applications: ApplicationRepository;
  readonly evaluations: EvaluationRepository;
  readonly calendar: CalendarRepository;
  /** Sync outbox: append() joins the open transaction (see record.ts). Acknowledged submissions are marked synced. */
  readonly outbox: SqliteOutbox;
  /** Platform → terminal messages, applied with their cursor in one transaction. */
  readonly inbox: SqliteInbox;
  /** Material files, content-addressed and encrypted at rest. */
  readonly blobs: BlobStore;
  /** Terminal-local settings (technician PIN hash and lockout, terminal identity). */
  readonly settings: SettingsRepository;
  /** Device bindings set in the technician console, one per role. */
  readonly deviceBindings: DeviceBindingRepository;
  /** Runs `fn` in one transaction (nested calls become savepoints). */
  transaction<T>(fn: () => T): T;
  purgePersonalData(now: string, retentionDays?: number): number;
  close(): void;
}

export function openStore(options: StoreOptions): Store {
  const cipher = new FieldCipher(options.key);
  const db = openDatabase(options.path, options.migrateTo === undefined ? {} : { migrateTo: options.migrateTo });
  // Repositories prepare their statements on first use, so a test database held at an earlier schema
  // version (migrateTo) can still be opened and filled through the repositories that already exist.
  let catalogs: CatalogRepository | undefined;
  let applications: ApplicationRepository | undefined;
  let evaluations: EvaluationRepository | undefined;
  let calendar: CalendarRepository | undefined;
  let outbox: SqliteOutbox | undefined;
  let inbox: SqliteInbox | undefined;
  let blobs: BlobStore | undefined;
  let settings: SettingsRepository | undefined;
  let deviceBindings: DeviceBindingRepository | undefined;
  const store: Store = {
    db,
    cipher,
    get catalogs() {
      return (catalogs ??= new CatalogRepository(db));
    },
    get applications() {
      return (applications ??= new ApplicationRepository(db, cipher));
    },
    get evaluations() {
      return (evaluations ??= new EvaluationRepository(db, cipher));
    },
    get calendar() {
      return (calendar ??= new CalendarRepository(db));
    },
    get blobs() {
      return (blobs ??= new BlobStore(db, options.key));
    },
    get outbox() {
      return (outbox ??= new SqliteOutbox(db, cipher, store.blobs, (id, ref) => store.applications.markSynced(id, new Date().toISOString(), ref)));
    },
    get inbox() {
      return (inbox ??= new SqliteInbox(db, (message) => applyInboxMessage(store, message, new Date().toISOString())));
    },
    get settings() {
      return (settings ??= new SettingsRepository(db));
    },
    get deviceBindings() {
      return (deviceBindings ??= new DeviceBindingRepository(db));
    },
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
    purgePersonalData: (now, days = DEFAULT_RETENTION_DAYS) => purgePersonalData(db, now, days),
    close: () => {
      if (db.open) db.close();
    },
  };
  return store;
}
