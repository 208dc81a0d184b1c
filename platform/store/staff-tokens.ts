// Staff bearer tokens (one hall each), stored by SHA-256 only. Revoking one makes every later request
// with it fail with 401; the row stays for the record. A token may carry item categories (department ids,
// item codes or *) like a window: it then reads and acts within them; a token without categories reads the
// whole hall and acts on nothing (actions need categories or a window session).
import type { SqlExecutor } from './sql';

export interface StaffTokenRecord {
  /** The token's SHA-256: identifies it to the administrator without revealing it. */
  id: string;
  hallId: string;
  name: string;
  /** null: read-only for the whole hall. */
  categories: string[] | null;
  createdAt: number;
  revokedAt: number | null;
}

/** What a live token may do: its hall and, when it may act, its categories. */
export interface StaffTokenScope {
  hallId: string;
  categories: string[] | null;
}

function categoriesOf(raw: string | null): string[] | null {
  if (raw === null) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) && parsed.every((c) => typeof c === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

export async function createStaffToken(db: SqlExecutor, tokenHash: string, hallId: string, name: string, now: number, categories: readonly string[] | null = null): Promise<void> {
  await db.run('INSERT INTO staff_tokens (token_hash, hall_id, name, created_at, categories) VALUES (?, ?, ?, ?, ?)', [
    tokenHash,
    hallId,
    name,
    now,
    categories === null ? null : JSON.stringify(categories),
  ]);
}

export async function staffTokenScope(db: SqlExecutor, tokenHash: string): Promise<StaffTokenScope | null> {
  const row = await db.get<{ hall_id: string; categories: string | null }>('SELECT hall_id, categories FROM staff_tokens WHERE token_hash = ? AND revoked_at IS NULL', [tokenHash]);
  return row ? { hallId: row.hall_id, categories: categoriesOf(row.categories) } : null;
}

/** False when there is no such token or it was revoked already. */
export async function revokeStaffToken(db: SqlExecutor, tokenHash: string, now: number): Promise<boolean> {
  return (await db.run('UPDATE staff_tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL', [now, tokenHash])) > 0;
}

export async function listStaffTokens(db: SqlExecutor, hallId?: string): Promise<StaffTokenRecord[]> {
  const rows = await db.all<{ token_hash: string; hall_id: string; name: string; categories: string | null; created_at: number; revoked_at: number | null }>(
    `SELECT token_hash, hall_id, name, categories, created_at, revoked_at FROM staff_tokens${hallId === undefined ? '' : ' WHERE hall_id = ?'} ORDER BY created_at, token_hash`,
    hallId === undefined ? [] : [hallId],
  );
  return rows.map((r) => ({ id: r.token_hash, hallId: r.hall_id, name: r.name, categories: categoriesOf(r.categories), createdAt: Number(r.created_at), revokedAt: r.revoked_at === null ? null : Number(r.revoked_at) }));
}
