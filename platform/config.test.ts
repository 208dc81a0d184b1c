import { describe, expect, it } from 'vitest';
import { PlatformConfigError, platformConfigFromEnv } from './config';

describe('platform configuration', () => {
  it('defaults to SQLite on loopback with a generated admin token', () => {
    const config = platformConfigFromEnv({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 8280, store: { engine: 'sqlite' }, adminTokenGenerated: true, logLevel: 'info' });
    expect(config.adminToken.length).toBeGreaterThanOrEqual(24);
    expect(config.dataKey).toEqual({ source: 'file', path: 'platform-data/data.key' });
  });

  it('takes the data key from PLATFORM_DATA_KEY or a key file beside the database', () => {
    expect(platformConfigFromEnv({ PLATFORM_DATA_KEY: 'ab'.repeat(32) }).dataKey).toEqual({ source: 'env', value: 'ab'.repeat(32) });
    expect(platformConfigFromEnv({ PLATFORM_SQLITE_FILE: '/srv/p/platform.db' }).dataKey).toEqual({ source: 'file', path: '/srv/p/data.key' });
    expect(platformConfigFromEnv({ PLATFORM_DATA_KEY_FILE: '/etc/hall/key' }).dataKey).toEqual({ source: 'file', path: '/etc/hall/key' });
  });

  it('switches to PostgreSQL when a database URL is given', () => {
    const config = platformConfigFromEnv({ PLATFORM_DATABASE_URL: 'postgres://u:secret@db/hall', PLATFORM_ADMIN_TOKEN: 'x'.repeat(30), PLATFORM_PORT: '0' });
    expect(config.store).toEqual({ engine: 'postgres', url: 'postgres://u:secret@db/hall' });
    expect(config.port).toBe(0);
  });

  it('refuses bad values without echoing them', () => {
    expect(() => platformConfigFromEnv({ PLATFORM_PORT: 'eighty' })).toThrow(PlatformConfigError);
    expect(() => platformConfigFromEnv({ PLATFORM_ADMIN_TOKEN: 'short' })).toThrow(/adminToken/);
    try {
      platformConfigFromEnv({ PLATFORM_DATABASE_URL: 'mysql://u:hunter2@db' });
    } catch (error) {
      expect(String(error)).not.toContain('hunter2');
    }
  });
});
