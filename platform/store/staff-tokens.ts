// Staff bearer tokens (one hall each), stored by SHA-256 only. Revoking one makes every later request
// with it fail with 401; the row stays for the record.
import type { SqlExecutor } from './sql';

export interface StaffTokenRecord {
  /** The token's SHA-256: identifies it to the administrator without revealing it. */
  id: string;
  hallId: string;
  name: string;
  createdAt: number;
  revokedAt: number | null;
}

export async function createStaffToken(db: SqlExecutor, tokenHash: string, hallId: string, name: string, now: number): Promise<void> {
  await db.run('INSERT INTO staff_tokens (token_hash, hall_id, name, created_at) VALUES (?, ?, ?, ?)', [tokenHash, hallId, name, now]);
}

export async function staffTokenHall(db: SqlExecutor, tokenHash: string): Promise<string | null> {
  const row = await db.get<{ hall_id: string }>('SELECT hall_id FROM staff_tokens WHERE token_hash = ? AND revoked_at IS NULL', [tokenHash]);
  return row?.hall_id ?? null;
}

/** False when there is no such token or it was revoked already. */
export async function revokeStaffToken(db: SqlExecutor, tokenHash: string, now: number): Promise<boolean> {
  return (await db.run('UPDATE staff_tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL', [now, tokenHash])) > 0;
}

export async function listStaffTokens(db: SqlExecutor, hallId?: string): Promise<StaffTokenRecord[]> {
  const rows = await db.all<{ token_hash: string; hall_id: string; name: string; created_at: number; revoked_at: number | null }>(
    `SELECT token_hash, hall_id, name, created_at, revoked_at FROM staff_tokens${hallId === undefined ? '' : ' WHERE hall_id = ?'} ORDER BY created_at, token_hash`,
    hallId === undefined ? [] : [hallId],
  );
  return rows.map((r) => ({ id: r.token_hash, hallId: r.hall_id, name: r.name, createdAt: Number(r.created_at), revokedAt: r.revoked_at === null ? null : Number(r.revoked_at) }));
}
