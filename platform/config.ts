// Configuration of the standalone platform, from environment variables only.
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { StoreConfig } from './store/open';

export const PLATFORM_ENV_HELP = `Reference central platform — environment variables:
  PLATFORM_HOST          address to listen on (default 127.0.0.1)
  PLATFORM_PORT          port (default 8280; 0 = any free port)
  PLATFORM_DATABASE_URL  postgres://… to use PostgreSQL; unset = SQLite
  PLATFORM_SQLITE_FILE   SQLite database file (default ./platform-data/platform.db)
  PLATFORM_ADMIN_TOKEN   bearer token for /admin and /staff (≥ 24 chars; unset = random, printed once)
  PLATFORM_DATA_KEY      32-byte key sealing terminal secrets, personal data and material bytes at rest
                         (64 hex digits or base64); unset = the key file below, created on first start
  PLATFORM_DATA_KEY_FILE key file (default data.key next to the SQLite file, or ./platform-data/data.key
                         with PostgreSQL); keep it apart from database backups
  PLATFORM_LOG_LEVEL     debug | info | warn | error (default info)
`;

export const PlatformConfig = z.object({
  host: z.string().min(1),
  port: z.number().int().min(0).max(65535),
  store: z.discriminatedUnion('engine', [
    z.object({ engine: z.literal('sqlite'), file: z.string().min(1) }),
    z.object({ engine: z.literal('postgres'), url: z.string().regex(/^postgres(ql)?:\/\//), poolSize: z.number().int().positive().optional() }),
  ]),
  adminToken: z.string().min(24),
  adminTokenGenerated: z.boolean(),
  /** The data key itself (from the environment) or the file that holds it. */
  dataKey: z.discriminatedUnion('source', [
    z.object({ source: z.literal('env'), value: z.string().min(1) }),
    z.object({ source: z.literal('file'), path: z.string().min(1) }),
  ]),
  logLevel: z.enum(['debug', 'info', 'warn', 'error']),
});
export type PlatformConfig = z.infer<typeof PlatformConfig> & { store: StoreConfig };

export class PlatformConfigError extends Error {}

export function platformConfigFromEnv(env: NodeJS.ProcessEnv): PlatformConfig {
  const url = env.PLATFORM_DATABASE_URL;
  const parsed = PlatformConfig.safeParse({
    host: env.PLATFORM_HOST ?? '127.0.0.1',
    port: env.PLATFORM_PORT === undefined ? 8280 : Number(env.PLATFORM_PORT),
    store: url ? { engine: 'postgres', url } : { engine: 'sqlite', file: env.PLATFORM_SQLITE_FILE ?? 'platform-data/platform.db' },
    adminToken: env.PLATFORM_ADMIN_TOKEN ?? randomBytes(24).toString('base64url'),
    adminTokenGenerated: env.PLATFORM_ADMIN_TOKEN === undefined,
    dataKey: env.PLATFORM_DATA_KEY
      ? { source: 'env', value: env.PLATFORM_DATA_KEY }
      : { source: 'file', path: env.PLATFORM_DATA_KEY_FILE ?? (url ? 'platform-data/data.key' : join(dirname(env.PLATFORM_SQLITE_FILE ?? 'platform-data/platform.db'), 'data.key')) },
    logLevel: env.PLATFORM_LOG_LEVEL ?? 'info',
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // Never echo the values: a database URL may hold a password.
    throw new PlatformConfigError(`bad platform configuration: ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
