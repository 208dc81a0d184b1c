// Opens the terminal database: WAL for concurrent readers, synchronous=FULL so a commit survives power loss
// (an application is committed before the citizen is told it was received), foreign keys, secure_delete so
// purged values are overwritten on disk, and the migrations.
import Database from 'better-sqlite3';
import { migrate } from './migrations';

export function openDatabase(path: string, options: { migrateTo?: number } = {}): Database.Database {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, options.migrateTo);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
