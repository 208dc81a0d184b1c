import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from './app';
import type { Logger } from './log';

const silent: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

describe('createApp with the store and catalogue', () => {
  it('opens <dataDir>/terminal.sqlite with a 0600 key file, serves the catalogue, closes the DB', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'app-'));
    const app = createApp({
      options: { profile: 'kiosk', devices: 'simulated', port: 0, dataDir, openBrowser: false, kiosk: false, cardDisplayMs: 1000 },
      shell: 'web',
      version: 'test',
      logger: silent,
    });
    expect(statSync(join(dataDir, 'terminal.key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'terminal.sqlite')).size).toBeGreaterThan(0);
    const reply = await app.dispatcher.dispatch('catalog.search', { query: 'shenghaizi' }, { role: 'kiosk' });
    expect(JSON.stringify(reply)).toContain('BND-BIRTH');
    await app.close();
    expect(app.store.db.open).toBe(false);
  });
});
