import { describe, expect, it } from 'vitest';
import { PlatformConfigError, platformConfigFromEnv } from './config';

describe('platform configuration', () => {
  it('defaults to SQLite on loopback with a generated admin token', () => {
    const config = platformConfigFromEnv({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 8280, store: { engine: 'sqlite' }, adminTokenGenerated: true, logLevel: 'info' });
    expect(config.adminToken.length).toBeGreaterThanOrEqual(24);
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
