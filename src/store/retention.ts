// Retention: once an application is synced to the platform and older than the retention period, its
// personal data is removed locally (DESIGN.md privacy rules). The row, state, tracking number, materials
// metadata and audit skeleton stay, so progress queries by tracking number still work.
import type Database from 'better-sqlite3';

export const DEFAULT_RETENTION_DAYS = 30;

/** Returns how many applications were purged. `now` is an ISO timestamp. */
export function purgePersonalData(db: Database.Database, now: string, retentionDays = DEFAULT_RETENTION_DAYS): number {
  if (!Number.isFinite(retentionDays) || retentionDays < 0) throw new RangeError('retention days must be >= 0');
  const cutoff = new Date(Date.parse(now) - retentionDays * 86_400_000).toISOString();
  return db.transaction(() => {
    const ids = db
      .prepare<[string, string], { id: string }>(
        `SELECT id FROM applications
         WHERE purged_at IS NULL AND synced_at IS NOT NULL AND synced_at <= ? AND created_at <= ?`,
      )
      .all(cutoff, cutoff)
      .map((r) => r.id);
    const clearApp = db.prepare('UPDATE applications SET personal = NULL, applicant_lookup = NULL, purged_at = ? WHERE id = ?');
    const clearAudit = db.prepare('UPDATE application_audit SET reason = NULL WHERE application_id = ?');
    const clearEval = db.prepare('UPDATE evaluations SET text = NULL, evaluator = NULL WHERE application_id = ?');
    for (const id of ids) {
      clearApp.run(now, id);
      clearAudit.run(id);
      clearEval.run(id);
    }
    purgeMaterialFiles(db, now, retentionDays);
    return ids.length;
  })();
}

/**
 * Scans are personal data too: a material file goes with the last unpurged application that uses it.
 * A file no application uses (a capture abandoned mid-session, or one left by a crash before its
 * submission committed) goes once it is older than the retention period, and never younger than a day.
 * Returns how many files were deleted.
 */
export function purgeMaterialFiles(db: Database.Database, now: string, retentionDays = DEFAULT_RETENTION_DAYS): number {
  const orphanCutoff = new Date(Date.parse(now) - Math.max(1, retentionDays) * 86_400_000).toISOString();
  return db.transaction(() => {
    const doomed = db
      .prepare<[string], { sha256: string }>(
        `SELECT b.sha256 FROM blobs b
         WHERE NOT EXISTS (SELECT 1 FROM application_materials m JOIN applications a ON a.id = m.application_id
                           WHERE m.sha256 = b.sha256 AND a.purged_at IS NULL)
           AND (EXISTS (SELECT 1 FROM application_materials m WHERE m.sha256 = b.sha256) OR b.created_at <= ?)`,
      )
      .all(orphanCutoff)
      .map((r) => r.sha256);
    const chunks = db.prepare('DELETE FROM blob_chunks WHERE sha256 = ?');
    const blob = db.prepare('DELETE FROM blobs WHERE sha256 = ?');
    for (const sha256 of doomed) {
      chunks.run(sha256);
      blob.run(sha256);
    }
    return doomed.length;
  })();
}
