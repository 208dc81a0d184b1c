import { openPostgresEngine } from './postgres';
import type { PlatformRepository } from './repository';
import { SqlRepository } from './sql-repository';
import { openSqliteEngine } from './sqlite';

export type StoreConfig = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string; poolSize?: number };

export async function openRepository(config: StoreConfig): Promise<PlatformRepository> {
  const engine = config.engine === 'sqlite' ? openSqliteEngine(config.file) : await openPostgresEngine(config.url, config.poolSize);
  return new SqlRepository(engine);
}
