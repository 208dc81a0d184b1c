// Terminal-local settings as a small key-value table (migration 7): technician PIN hash and lockout,
// terminal identity. Values are JSON text; the owner of each key validates what it reads back.
import type Database from 'better-sqlite3';

export class SettingsRepository {
  constructor(private readonly db: Database.Database) {}

  get(key: string): string | null {
    const row = this.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key);
    return row?.value ?? null;
  }

  set(key: string, value: string, at: string): void {
    this.db
      .prepare(
        `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(key, value, at);
  }

  delete(key: string): boolean {
    return this.db.prepare('DELETE FROM settings WHERE key = ?').run(key).changes > 0;
  }
}

/** One bound device per role, as the device manager's JSON configuration entry (validated by main). */
export interface StoredBinding {
  readonly role: string;
  readonly entry: string;
  readonly updatedAt: string;
}

export class DeviceBindingRepository {
  constructor(private readonly db: Database.Database) {}

  list(): StoredBinding[] {
    return this.db
      .prepare<[], { role: string; entry: string; updated_at: string }>('SELECT role, entry, updated_at FROM device_bindings ORDER BY role')
      .all()
      .map((r) => ({ role: r.role, entry: r.entry, updatedAt: r.updated_at }));
  }

  put(role: string, entry: string, at: string): void {
    this.db
      .prepare(
        `INSERT INTO device_bindings (role, entry, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (role) DO UPDATE SET entry = excluded.entry, updated_at = excluded.updated_at`,
      )
      .run(role, entry, at);
  }

  remove(role: string): boolean {
    return this.db.prepare('DELETE FROM device_bindings WHERE role = ?').run(role).changes > 0;
  }
}
