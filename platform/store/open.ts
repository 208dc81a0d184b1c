import { DataCipher } from './data-cipher';
import { openPostgresEngine } from './postgres';
import type { PlatformRepository } from './repository';
import { SqlRepository } from './sql-repository';
import { openSqliteEngine } from './sqlite';

export type StoreConfig = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string; poolSize?: number };

/**
 * Opens the platform store. `dataKey` (32 bytes: PLATFORM_DATA_KEY or the key file) seals terminal secrets
 * and personal data at rest; rows from before encryption are sealed on open.
 */
export async function openRepository(config: StoreConfig, dataKey: Uint8Array): Promise<PlatformRepository> {
  const cipher = new DataCipher(dataKey);
  const engine = config.engine === 'sqlite' ? openSqliteEngine(config.file) : await openPostgresEngine(config.url, config.poolSize);
  const repo = new SqlRepository(engine, cipher);
  try {
    await repo.sealLegacyRows();
  } catch (error) {
    await repo.close();
    throw error;
  }
  return repo;
}
