// PostgreSQL engine (production): a pg pool; `?` placeholders are numbered, BIGINT and NUMERIC come back
// as numbers (counts and millisecond times stay far below 2^53).
import pg from 'pg';
import { postgresMigrations } from './migrations/postgres';
import type { SqlEngine, SqlExecutor, SqlValue } from './sql';

const INT8 = 20;
const NUMERIC = 1700;

const types = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  }) as typeof pg.types.getTypeParser,
};

export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function executor(client: pg.Pool | pg.PoolClient): SqlExecutor {
  const query = async <T>(sql: string, params: readonly SqlValue[] = []) => client.query(numberPlaceholders(sql), [...params]) as unknown as Promise<pg.QueryResult<T & pg.QueryResultRow>>;
  return {
    all: async <T>(sql: string, params?: readonly SqlValue[]) => (await query<T>(sql, params)).rows as T[],
    get: async <T>(sql: string, params?: readonly SqlValue[]) => (await query<T>(sql, params)).rows[0] as T | undefined,
    run: async (sql: string, params?: readonly SqlValue[]) => (await query(sql, params)).rowCount ?? 0,
  };
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Two platform processes starting at once must not both migrate.
    await client.query('SELECT pg_advisory_xact_lock(736512)');
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)');
    const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_version');
    const current = rows[0]?.v ?? 0;
    for (const [index, sql] of postgresMigrations.entries()) {
      if (index + 1 <= current) continue;
      await client.query(sql);
      await client.query('INSERT INTO schema_version (version) VALUES ($1)', [index + 1]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Connects to PostgreSQL (a postgres:// URL) and migrates the schema. */
export async function openPostgresEngine(connectionString: string, poolSize = 10): Promise<SqlEngine> {
  const pool = new pg.Pool({ connectionString, max: poolSize, types });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => undefined);
  await migrate(pool);
  return {
    dialect: 'postgres',
    ...executor(pool),
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
