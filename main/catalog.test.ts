import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/store';
import { loadCatalog, shippedCatalogPath } from './catalog';
import type { Logger } from './log';

function recordingLogger() {
  const lines: { level: string; message: string }[] = [];
  const log = (level: string) => (message: string) => void lines.push({ level, message });
  const logger: Logger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
  return { logger, lines };
}

describe('loadCatalog', () => {
  it('finds the shipped catalogue, imports it on first start only, and builds the index', () => {
    const path = shippedCatalogPath();
    expect(path).not.toBeNull();
    const dir = mkdtempSync(join(tmpdir(), 'cat-'));
    const store = openStore({ path: join(dir, 'db.sqlite'), key: Buffer.alloc(32, 3) });
    const first = recordingLogger();
    const service = loadCatalog(store, first.logger, path);
    expect(service?.catalog.version).toBe('2026.11.0');
    expect(service?.index.size).toBe(53);
    expect(first.lines.map((l) => l.message)).toContain('catalogue imported');
    const second = recordingLogger();
    loadCatalog(store, second.logger, path);
    expect(second.lines).toEqual([]);
    store.close();
  });

  it('a broken newer shipped catalogue is logged and the active one stays', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cat-'));
    const store = openStore({ path: join(dir, 'db.sqlite'), key: Buffer.alloc(32, 3) });
    const good = shippedCatalogPath() ?? '';
    loadCatalog(store, recordingLogger().logger, good);
    const broken = JSON.parse(readFileSync(good, 'utf8')) as { catalogVersion: string; departments: unknown[] };
    broken.catalogVersion = '2027.01.0';
    broken.departments = [];
    const brokenPath = join(dir, 'broken.json');
    writeFileSync(brokenPath, JSON.stringify(broken));
    const { logger, lines } = recordingLogger();
    const service = loadCatalog(store, logger, brokenPath);
    expect(service?.catalog.version).toBe('2026.11.0');
    expect(lines.some((l) => l.level === 'error' && l.message.includes('rejected'))).toBe(true);
    store.close();
  });

  it('no catalogue at all gives null', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cat-'));
    const store = openStore({ path: join(dir, 'db.sqlite'), key: Buffer.alloc(32, 3) });
    expect(loadCatalog(store, recordingLogger().logger, null)).toBeNull();
    store.close();
  });
});
