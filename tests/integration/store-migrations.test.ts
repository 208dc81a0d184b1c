import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, openStore, SchemaTooNewError, schemaVersion } from '../../src/store';
import { KEY, sampleCatalogText, submitInput, tempDbPath } from './store-fixtures';

function tables(db: Database.Database): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((r) => r.name);
}

describe('store migrations', () => {
  it('migrates an empty database to the latest version with WAL and synchronous=FULL', () => {
    const store = openStore({ path: tempDbPath(), key: KEY });
    expect(schemaVersion(store.db)).toBe(LATEST_VERSION);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    // Later migrations add tables of their own; these must all be there.
    expect(tables(store.db)).toEqual(
      expect.arrayContaining([
        'application_audit',
        'application_materials',
        'applications',
        'calendar_years',
        'catalog_versions',
        'evaluations',
        'tracking_sequences',
        'outbox',
        'outbox_dead',
        'inbox_cursor',
        'inbox_log',
        'platform_config',
        'blobs',
        'blob_chunks',
      ]),
    );
    store.close();
  });

  it('migration numbers are consecutive from 1', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  for (let from = 1; from < LATEST_VERSION; from += 1) {
    it(`upgrades a version ${from} database and keeps its data`, () => {
      const path = tempDbPath();
      const old = openStore({ path, key: KEY, migrateTo: from });
      expect(schemaVersion(old.db)).toBe(from);
      expect(old.catalogs.import(sampleCatalogText(), '2026-11-23T08:00:00Z').ok).toBe(true);
      const submitted = from >= 2 ? old.applications.submit(submitInput()) : null;
      if (submitted && from >= 3) {
        // written with the columns of that version, as an older build would have
        old.db
          .prepare("INSERT INTO evaluations (application_id, channel, level, reasons, terminal, at) VALUES (?, 'windowPad', '满意', '[]', 'W1', '2026-11-23T09:45:00Z')")
          .run(submitted.id);
      }
      old.close();

      const store = openStore({ path, key: KEY });
      expect(schemaVersion(store.db)).toBe(LATEST_VERSION);
      expect(store.catalogs.activeVersion()).toBe('2026.11.0');
      if (submitted) {
        expect(store.applications.get(submitted.id)?.personal?.applicant.name).toBe('欧阳娜娜');
        store.evaluations.add({ applicationId: submitted.id, channel: 'kiosk', level: '满意', at: '2026-11-23T10:00:00Z', terminal: 'QX01-K01' });
        const rounds = store.evaluations.list(submitted.id).map((e) => [e.channel, e.round]);
        expect(rounds).toEqual(from >= 3 ? [['windowPad', 1], ['kiosk', 1]] : [['kiosk', 1]]);
      }
      expect(store.calendar.upsertYear(2027, { offDays: ['2027-01-01'], adjustedWorkdays: [] }, 'sync', '2026-11-23T10:00:00Z')).toEqual({ ok: true });
      store.close();
    });
  }

  it('reopening a current database is a no-op', () => {
    const path = tempDbPath();
    openStore({ path, key: KEY }).close();
    const again = openStore({ path, key: KEY });
    expect(schemaVersion(again.db)).toBe(LATEST_VERSION);
    again.close();
  });

  it('refuses a database written by a newer version, with a clear message, and leaves it untouched', () => {
    const path = tempDbPath();
    openStore({ path, key: KEY }).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    expect(() => openStore({ path, key: KEY })).toThrow(SchemaTooNewError);
    expect(() => openStore({ path, key: KEY })).toThrow(/newer version of the terminal software/);
    const check = new Database(path);
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    check.close();
  });
});
