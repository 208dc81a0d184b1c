// The effect of each platform → terminal message on the local store. Runs inside SqliteInbox.apply's
// transaction, so the effect and the cursor commit together. A message that cannot be applied throws
// InboxRejection: it is logged and skipped, and the messages behind it still arrive.
import type Database from 'better-sqlite3';
import type { InboxMessage } from '../wire/sync-protocol';
import type { ApplicationRepository } from './application-repository';
import type { CalendarRepository } from './calendar-repository';
import { applyCatalogDelta } from './catalog-delta';
import type { CatalogRepository } from './catalog-repository';
import { InboxRejection, type InboxOutcome } from './sqlite-outbox';

export interface InboxTargets {
  readonly db: Database.Database;
  readonly applications: ApplicationRepository;
  readonly calendar: CalendarRepository;
  readonly catalogs: CatalogRepository;
}

const CONFIG_KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,99}$/;

export function applyInboxMessage(targets: InboxTargets, message: InboxMessage, now: string): InboxOutcome {
  switch (message.kind) {
    case 'application.status': {
      const s = message.payload;
      const changed = targets.applications.adoptPlatformState(s.applicationId, {
        to: s.status,
        actorKind: s.actor.kind,
        actorId: s.actor.id,
        terminal: 'platform',
        at: s.at,
        ...(s.reason ? { reason: s.reason } : {}),
      });
      // Another terminal's application (same hall), or already there: nothing to do.
      return changed ? { outcome: 'applied' } : { outcome: 'ignored', detail: 'not on this terminal or already in that state' };
    }
    case 'calendar.update': {
      const { year, holidays, workdays } = message.payload;
      const result = targets.calendar.upsertYear(year, { offDays: holidays, adjustedWorkdays: workdays }, 'platform', now);
      if (!result.ok) throw new InboxRejection(`calendar ${year}: ${result.problems.slice(0, 3).join('; ')}`);
      return { outcome: 'applied' };
    }
    case 'catalog.delta': {
      const result = applyCatalogDelta(targets.catalogs, message.payload, now);
      if (result.ok) return { outcome: 'applied', detail: result.version };
      if (result.kind === 'stale') return { outcome: 'ignored', detail: result.message };
      throw new InboxRejection(result.message);
    }
    case 'config': {
      const entries = Object.entries(message.payload);
      const bad = entries.find(([key]) => !CONFIG_KEY.test(key));
      if (bad) throw new InboxRejection(`config key ${JSON.stringify(bad[0].slice(0, 40))} is not allowed`);
      const upsert = targets.db.prepare(
        `INSERT INTO platform_config (key, value, seq, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, seq = excluded.seq, updated_at = excluded.updated_at`,
      );
      const drop = targets.db.prepare('DELETE FROM platform_config WHERE key = ?');
      // null removes a setting.
      for (const [key, value] of entries) {
        if (value === null) drop.run(key);
        else upsert.run(key, JSON.stringify(value), message.seq, now);
      }
      return { outcome: 'applied' };
    }
  }
}

/** Settings the platform sent (`config` messages), by key. */
export function platformConfig(db: Database.Database): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const row of db.prepare<[], { key: string; value: string }>('SELECT key, value FROM platform_config ORDER BY key').all()) {
    out[row.key] = JSON.parse(row.value) as unknown;
  }
  return out;
}
