// SQLite engine (default, embedded): one better-sqlite3 connection in WAL mode. better-sqlite3 is
// synchronous, but transactions span awaits in the shared repository code, so a mutex keeps them apart.
import Database from 'better-sqlite3';
import { sqliteMigrations } from './migrations/sqlite';
import { Mutex } from './mutex';
import type { SqlEngine, SqlExecutor, SqlValue } from './sql';

function executor(db: Database.Database): SqlExecutor {
  const args = (params: readonly SqlValue[] = []) => params.map((p) => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p) : p));
  return {
    all: async <T>(sql: string, params?: readonly SqlValue[]) => db.prepare(sql).all(...args(params)) as T[],
    get: async <T>(sql: string, params?: readonly SqlValue[]) => db.prepare(sql).get(...args(params)) as T | undefined,
    run: async (sql: string, params?: readonly SqlValue[]) => db.prepare(sql).run(...args(params)).changes,
  };
}

export function migrateSqlite(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null };
  const current = row.v ?? 0;
  sqliteMigrations.forEach((sql, index) => {
    if (index + 1 <= current) return;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(index + 1);
    })();
  });
}

/** Opens (and migrates) a SQLite platform database; ':memory:' for a throwaway one. */
export function openSqliteEngine(file: string): SqlEngine {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  migrateSqlite(db);
  const mutex = new Mutex();
  const inner = executor(db);
  const locked: SqlExecutor = {
    all: (sql, params) => mutex.run(() => inner.all(sql, params)),
    get: (sql, params) => mutex.run(() => inner.get(sql, params)),
    run: (sql, params) => mutex.run(() => inner.run(sql, params)),
  };
  return {
    dialect: 'sqlite',
    ...locked,
    transaction: (fn) =>
      mutex.run(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(inner);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      }),
    close: async () => {
      await mutex.run(async () => db.close());
    },
  };
}
