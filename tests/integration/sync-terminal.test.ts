// The terminal as `npm start` runs it, with its embedded platform: a submission recorded through
// recordSubmission reaches the platform exactly once with its materials, the local record is marked
// synced, and a staff decision published on the platform comes back to the local application.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../main/app';
import { silentLogger } from '../../main/log';
import { recordSubmission } from '../../src/store';
import type { SyncState } from '../../src/contract';
import { submitInput } from './store-fixtures';
import { until } from './support/until';
import { readSealedBlob } from '../support/sealed-blobs';

const apps: App[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

async function startApp(dataDir: string): Promise<{ app: App; states: SyncState[] }> {
  const app = createApp({
    options: { profile: 'kiosk', devices: 'simulated', port: 0, dataDir, openBrowser: false, kiosk: false, cardDisplayMs: 1000, platform: { mode: 'embedded' } },
    shell: 'web',
    version: 'test',
    logger: silentLogger,
    syncTuning: { idlePollMs: 200, longPollMs: 300, heartbeatMs: 60_000 },
  });
  apps.push(app);
  const states: SyncState[] = [];
  app.bus.subscribe((name, payload) => {
    if (name === 'sync.state') states.push(payload as SyncState);
  });
  await app.start();
  await app.sync.start();
  return { app, states };
}

describe('terminal with its embedded platform', () => {
  it('enrols itself, syncs a submission once with its blobs, marks it synced, and takes status changes back', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hall-sync-'));
    const { app, states } = await startApp(dataDir);
    const status = app.sync.status();
    expect(status).toMatchObject({ platform: { mode: 'embedded' } });
    expect(status.terminalId).toMatch(/^T-/);
    expect(status.hallId).toBe('QX01');

    const scans = [randomBytes(300_000), randomBytes(5_000)];
    const stored = scans.map((bytes) => app.store.blobs.put(bytes, 'image/jpeg'));
    const input = submitInput({
      catalogVersion: app.store.catalogs.activeVersion() ?? '',
      materials: stored.map((b, i) => ({ key: `SM-${i}`, pages: 1, trust: 'C' as const, sha256: b.sha256, bytes: b.bytes })),
    });
    const record = recordSubmission(app.store, input, Date.now());
    await until(() => app.store.applications.get(record.id)?.syncedAt != null, 'application marked synced');
    expect(app.store.applications.get(record.id)?.platformNo).toBe(record.id);
    expect(app.sync.status()).toMatchObject({ pending: 0, deadLetters: 0 });
    expect(states.some((s) => s.phase === 'syncing')).toBe(true);

    const platformDb = new Database(join(dataDir, 'platform', 'platform.db'), { readonly: true });
    try {
      expect(platformDb.prepare('SELECT COUNT(*) AS n FROM applications WHERE id = ?').get(record.id)).toEqual({ n: 1 });
      expect(platformDb.prepare('SELECT COUNT(*) AS n FROM applications').get()).toEqual({ n: 1 });
      for (const [i, blob] of stored.entries()) {
        const whole = readSealedBlob(platformDb, readFileSync(join(dataDir, 'platform', 'data.key')), blob.sha256);
        expect(whole.length).toBe(scans[i]?.length);
        expect(createHash('sha256').update(whole).digest('hex')).toBe(blob.sha256);
      }
    } finally {
      platformDb.close();
    }

    // A staff decision on the platform reaches the kiosk's local record (progress query shows 补正).
    const token = readFileSync(join(dataDir, 'platform', 'admin-token'), 'utf8').trim();
    const publish = await fetch(`${status.platform.url}/admin/inbox`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        hallId: 'QX01',
        kind: 'application.status',
        payload: { applicationId: record.id, status: 'supplementRequired', at: new Date().toISOString(), actor: { kind: 'staff', id: 'S-07' }, reason: '缺少户口簿首页' },
      }),
    });
    expect(publish.status).toBe(200);
    await until(() => app.store.applications.get(record.id)?.state === 'supplementRequired', 'status change applied locally');
  });

  it('tells the platform when a device fails and recovers', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hall-sync-'));
    const { app } = await startApp(dataDir);
    const control = app.devices.simulator?.idcard;
    if (!control?.setConnected) throw new Error('the simulated reader has no cable');
    control.setConnected(false);
    const platformDb = new Database(join(dataDir, 'platform', 'platform.db'), { readonly: true });
    const states = () => platformDb.prepare<[], { device: string; state: string }>('SELECT device, state FROM device_health ORDER BY id').all();
    try {
      await until(() => states().some((s) => s.device.startsWith('idcard:') && s.state === 'offline'), 'reader offline on the platform');
      control.setConnected(true);
      await until(() => states().filter((s) => s.device.startsWith('idcard:')).at(-1)?.state === 'ok', 'reader back on the platform', 15_000);
    } finally {
      platformDb.close();
    }
  });

  it('keeps its identity across restarts and sends nothing twice', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hall-sync-'));
    const first = await startApp(dataDir);
    const terminalId = first.app.sync.status().terminalId;
    const record = recordSubmission(first.app.store, submitInput({ catalogVersion: first.app.store.catalogs.activeVersion() ?? '', materials: [] }), Date.now());
    await until(() => first.app.store.applications.get(record.id)?.syncedAt != null, 'first synced');
    await first.app.close();
    apps.splice(apps.indexOf(first.app), 1);

    const second = await startApp(dataDir);
    expect(second.app.sync.status().terminalId).toBe(terminalId);
    const next = recordSubmission(second.app.store, submitInput({ catalogVersion: second.app.store.catalogs.activeVersion() ?? '', at: '2026-11-23T10:30:00.000Z', materials: [] }), Date.now());
    await until(() => second.app.store.applications.get(next.id)?.syncedAt != null, 'second synced');
    const platformDb = new Database(join(dataDir, 'platform', 'platform.db'), { readonly: true });
    expect(platformDb.prepare('SELECT COUNT(*) AS n FROM applications').get()).toEqual({ n: 2 });
    expect(platformDb.prepare('SELECT COUNT(*) AS n FROM terminals').get()).toEqual({ n: 1 });
    platformDb.close();
  });

  it('runs offline-only with --no-platform, recording locally', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hall-sync-'));
    const app = createApp({
      options: { profile: 'kiosk', devices: 'simulated', port: 0, dataDir, openBrowser: false, kiosk: false, cardDisplayMs: 1000, platform: { mode: 'off' } },
      shell: 'web',
      version: 'test',
      logger: silentLogger,
    });
    apps.push(app);
    await app.start();
    await app.sync.start();
    recordSubmission(app.store, submitInput({ catalogVersion: app.store.catalogs.activeVersion() ?? '', materials: [] }), Date.now());
    expect(app.sync.status()).toMatchObject({ phase: 'off', pending: 1, platform: { mode: 'off', url: null } });
    expect(await app.sync.enrol('ABCD-EFGH-JKLM')).toMatchObject({ ok: false, reason: 'no-platform' });
  });
});
