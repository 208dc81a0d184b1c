import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PAGE_BYTES, windowMethods } from '../../src/contract';
import { loadOrCreateKeyFile, openStore } from '../../src/store';
import type { Store } from '../../src/store';
import { decide } from '../citizen/decide';
import { card, citizenFixture, fakeJpeg, sampleService } from '../citizen/test-fixtures';
import type { Fixture } from '../citizen/test-fixtures';
import { DeviceManager } from '../../devices/manager/device-manager';
import { defaultDeviceSettings } from '../../devices/manager/settings';
import { silentLogger } from '../log';
import { createWorkstation } from './index';
import type { Workstation } from './index';
import type { StaffClient } from './staff-client';
import { walkInActor } from './walkin';

const GA03 = { kind: 'item', id: 'GA-03' } as const;
const VALUES = { 'applicant.mobile': '13800138000', 'idcard.reason': 'expired', 'idcard.collect': 'window', 'idcard.needTemporary': '0' };
const TODAY = '2026-11-23';

describe('walk-in intake on the kiosk’s decide(): materials provided at the window', () => {
  let f: Fixture;
  beforeEach(() => {
    f = citizenFixture();
    f.session.begin();
    f.session.cardRead(card('resident-zhang'));
    f.session.useCard('applicant');
  });
  afterEach(() => f.close());

  const blocking = (provided: Parameters<typeof decide>[6] = []) =>
    decide(f.deps.catalog, f.session, GA03, VALUES, [], TODAY, provided)
      .result.problems.filter((p) => p.blocking)
      .map((p) => ('material' in p ? p.material : p.field));

  it('without materials the pre-check asks for both; originals checked on paper satisfy it without an original-check note', () => {
    expect(blocking()).toEqual(['SM-ID-CARD:applicant', 'SM-PHOTO:applicant']);
    const provided = [
      { key: 'SM-ID-CARD:applicant', pages: 2, trust: 'A' as const },
      { key: 'SM-PHOTO:applicant', pages: 1, trust: 'A' as const },
    ];
    const decided = decide(f.deps.catalog, f.session, GA03, VALUES, [], TODAY, provided);
    expect(decided.result.ok).toBe(true);
    expect(decided.result.problems.filter((p) => p.kind === 'original-check')).toEqual([]);
  });

  it('a paper original wins over a partial capture of the same material; captures still count on their own', () => {
    f.session.addPage('SM-ID-CARD:applicant', fakeJpeg(1600, 1200, 1));
    expect(blocking()).toEqual(['SM-ID-CARD:applicant', 'SM-PHOTO:applicant']);
    expect(blocking([{ key: 'SM-ID-CARD:applicant', pages: 2, trust: 'A' }])).toEqual(['SM-PHOTO:applicant']);
    f.session.addPage('SM-PHOTO:applicant', fakeJpeg(1600, 1200, 2));
    expect(blocking([{ key: 'SM-ID-CARD:applicant', pages: 2, trust: 'A' }])).toEqual([]);
  });

  it('the application’s actor names the window and the staff member', () => {
    expect(walkInActor({ windowId: 'W01', staffNumber: 'A0317' })).toBe('window:W01/staff:A0317');
  });
});

describe('walk-in pages from the window’s document camera (window.walkin.addPage / removePage)', () => {
  let dir = '';
  let store: Store;
  let ws: Workstation;
  const ctx = { role: 'window' as const };
  const page = (bytes: Buffer) => ({ material: 'SM-PHOTO:applicant', jpeg: bytes.toString('base64') });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'walkin-pages-'));
    store = openStore({ path: join(dir, 'terminal.sqlite'), key: loadOrCreateKeyFile(join(dir, 'terminal.key')) });
    ws = createWorkstation({
      windowId: 'W01',
      store,
      devices: new DeviceManager({ settings: defaultDeviceSettings('configured') }),
      catalog: () => sampleService,
      logger: silentLogger,
      publish: () => undefined,
      platform: async () => null,
    });
    // Signed in as the platform would answer; the pages never reach a platform in these tests.
    ws.core.client = {} as StaffClient;
    await ws.core.session.begin(
      { token: 'sess_abcdefghijklmnopqrstuvwxyz', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), staff: { staffNumber: 'A0317', name: '张工' }, window: { windowId: 'W01', name: '综合窗口 1', categories: ['DEP-GA'] }, hallId: 'QX01' },
      '246810',
    );
  });
  afterEach(() => {
    ws.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a page outside an open walk-in: before it begins, after cancel, when the screen is locked', async () => {
    await expect(async () => ws.handlers['window.walkin.addPage'](page(fakeJpeg()), ctx)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    ws.walkIn.begin(GA03);
    ws.walkIn.cancel();
    await expect(async () => ws.handlers['window.walkin.addPage'](page(fakeJpeg()), ctx)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(async () => ws.handlers['window.walkin.removePage']({ material: 'SM-PHOTO:applicant', index: 0 }, ctx)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    ws.walkIn.begin(GA03);
    await ws.handlers['window.lock']({}, ctx);
    await expect(async () => ws.handlers['window.walkin.addPage'](page(fakeJpeg()), ctx)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('holds pages in the intake as the kiosk session does; removes one; refuses an oversize page or one that is no JPEG', async () => {
    ws.walkIn.begin(GA03);
    expect(await ws.handlers['window.walkin.addPage'](page(fakeJpeg(1600, 1200, 1)), ctx)).toEqual({ material: 'SM-PHOTO:applicant', pages: 1 });
    expect(await ws.handlers['window.walkin.addPage'](page(fakeJpeg(1600, 1200, 2)), ctx)).toEqual({ material: 'SM-PHOTO:applicant', pages: 2 });
    expect(await ws.handlers['window.walkin.removePage']({ material: 'SM-PHOTO:applicant', index: 0 }, ctx)).toEqual({ material: 'SM-PHOTO:applicant', pages: 1 });
    expect(ws.walkIn.session.capturedMaterials()).toEqual([{ key: 'SM-PHOTO:applicant', pages: 1 }]);

    const oversize = Buffer.concat([fakeJpeg(), Buffer.alloc(MAX_PAGE_BYTES)]);
    await expect(async () => ws.handlers['window.walkin.addPage'](page(oversize), ctx)).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(async () => ws.handlers['window.walkin.addPage'](page(Buffer.from('not a jpeg at all')), ctx)).rejects.toMatchObject({ code: 'BAD_INPUT' });
    // The contract's schema (the kiosk's) refuses a far larger page before any handler sees it.
    expect(windowMethods['window.walkin.addPage'].input.safeParse({ material: 'SM-PHOTO:applicant', jpeg: 'A'.repeat(3_000_000) }).success).toBe(false);
    expect(ws.walkIn.session.pagesOf('SM-PHOTO:applicant')).toHaveLength(1);
  });
});
