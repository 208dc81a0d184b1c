// Both platform storage engines for a test file: SQLite in a temp directory and a throwaway PostgreSQL.
// Registers the vitest hooks that start and stop them; PostgreSQL cases skip (saying why) only when the
// server binaries are not installed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openRepository, type StoreConfig } from '../../platform/store/open';
import { openPostgresEngine } from '../../platform/store/postgres';
import type { PlatformRepository } from '../../platform/store/repository';
import type { SqlEngine } from '../../platform/store/sql';
import { openSqliteEngine } from '../../platform/store/sqlite';
import { postgresUnavailable, startPostgres } from './postgres';
import type { TestPostgres } from './postgres';
import { nextDbName, TEST_DATA_KEY } from './sync-fixtures';

export interface Engine {
  name: 'sqlite' | 'postgres';
  skip: boolean;
  open(): Promise<PlatformRepository>;
  /** Where a fresh, empty database is (for tests that open it themselves, e.g. with another data key). */
  freshConfig(): Promise<StoreConfig>;
}

export function repositoryEngines(label: string): Engine[] {
  const skipPg = postgresUnavailable();
  if (skipPg) console.warn(`PostgreSQL ${label} skipped: ${skipPg}`);
  let pg: TestPostgres | null = null;
  let tmp = '';

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'hall-engines-'));
    if (!skipPg) pg = await startPostgres();
  }, 90_000);
  afterAll(async () => {
    await pg?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  return [
    {
      name: 'sqlite',
      skip: false,
      freshConfig: async () => ({ engine: 'sqlite', file: join(tmp, `${nextDbName()}.db`) }),
      open: async () => openRepository({ engine: 'sqlite', file: join(tmp, `${nextDbName()}.db`) }, TEST_DATA_KEY),
    },
    {
      name: 'postgres',
      skip: skipPg !== null,
      freshConfig: async () => {
        if (!pg) throw new Error('PostgreSQL not started');
        return { engine: 'postgres', url: await pg.createDatabase(nextDbName()) };
      },
      open: async () => {
        if (!pg) throw new Error('PostgreSQL not started');
        return openRepository({ engine: 'postgres', url: await pg.createDatabase(nextDbName()) }, TEST_DATA_KEY);
      },
    },
  ];
}

/** The raw SQL engine of a store (no repository, no data key): for reading or planting rows as stored. */
export function openSqlEngine(config: StoreConfig): Promise<SqlEngine> {
  return config.engine === 'sqlite' ? Promise.resolve(openSqliteEngine(config.file)) : openPostgresEngine(config.url, 2);
}
