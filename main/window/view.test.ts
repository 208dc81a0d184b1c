import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store';
import type { Store } from '../../src/store';
import type { WindowApplicationDetail } from '../../src/wire/staff-protocol';
import { loadCatalog } from '../catalog';
import type { CatalogService } from '../catalog';
import { silentLogger } from '../log';
import { applicationView, hallDate, queueEntry } from './view';

const ID = '430102199003071234';

function detail(over: Partial<WindowApplicationDetail> = {}): WindowApplicationDetail {
  return {
    applicationId: 'APP-1',
    trackingNumber: 'QX01202609180001A',
    itemCode: 'GA-03',
    department: 'DEP-GA',
    status: 'submitted',
    // 17:30 on 2026-09-17 UTC is already the 18th in the hall (UTC+8).
    submittedAt: '2026-09-17T17:30:00Z',
    applicantName: '张*',
    applicantIdNumber: '4301**********1234',
    complete: true,
    events: [{ status: 'submitted', at: '2026-09-17T17:30:00Z', note: null, source: 'T-kiosk01' }],
    specialProcedures: [],
    form: { 'applicant.name': '张三', 'applicant.idNumber': ID, 'applicant.nation': '01', 'applicant.mobile': '13812345678', 'idcard.reason': 'expired', 'x.unknown': `证件 ${ID}` },
    blobs: [{ sha256: 'a'.repeat(64), material: 'SM-ID-CARD:applicant', mediaType: 'image/jpeg', size: 10, complete: true }],
    agents: [],
    delivery: null,
    ...over,
  };
}

describe('window views', () => {
  let dir: string;
  let store: Store;
  let catalog: CatalogService | null;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'window-view-'));
    store = openStore({ path: join(dir, 'db.sqlite'), key: Buffer.alloc(32, 5) });
    catalog = loadCatalog(store, silentLogger);
  });
  afterAll(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('dates are the hall’s (UTC+8) local dates', () => {
    expect(hallDate('2026-09-17T17:30:00Z')).toBe('2026-09-18');
    expect(hallDate('2026-09-17T15:59:59Z')).toBe('2026-09-17');
  });

  it('a queue entry names the item and department and runs the notice clock over the 调休 Sunday', () => {
    // Received Fri 2026-09-18: five working days are 09-20 (调休 Sunday), 21, 22, 23, 24.
    const entry = queueEntry(catalog, detail(), '2026-09-23', false);
    expect(entry).toMatchObject({ itemName: '居民身份证换领', department: 'DEP-GA', departmentName: '清溪县公安局', actions: ['accept', 'supplement', 'reject'] });
    expect(entry.deadline).toEqual({ clock: 'notice', due: '2026-09-24', provisional: false, state: 'warning', workingDaysLeft: 1 });
    expect(queueEntry(catalog, detail(), '2026-09-23', true).actions).toEqual([]);
  });

  it('personal form values are masked until revealed; code lists are shown by label', () => {
    const view = applicationView(catalog, detail(), '2026-09-21', { pending: false, revealed: null, stale: false });
    const fields = Object.fromEntries(view.form.flatMap((s) => s.fields).map((f) => [f.fieldId, f]));
    expect(fields['applicant.idNumber']).toMatchObject({ value: '4301**********1234', masked: true });
    expect(fields['applicant.name']).toMatchObject({ value: '张*', masked: true });
    expect(fields['applicant.mobile']).toMatchObject({ value: '138****5678', masked: true });
    expect(fields['applicant.nation']?.value).toBe('汉族');
    expect(fields['idcard.reason']?.value).toBe('有效期满');
    expect(fields['x.unknown']?.value).not.toContain(ID);
    expect(JSON.stringify(view)).not.toContain(ID);

    const revealed = applicationView(catalog, detail(), '2026-09-21', { pending: false, revealed: { applicantName: '张三', applicantIdNumber: ID, applicantPhone: '13812345678' }, stale: false });
    expect(revealed.applicantIdNumber).toBe(ID);
    expect(revealed.form.flatMap((s) => s.fields).find((f) => f.fieldId === 'applicant.idNumber')?.value).toBe(ID);
  });

  it('the material checklist puts each captured file under its requirement; the pre-check finds the missing ones', () => {
    const view = applicationView(catalog, detail(), '2026-09-21', { pending: false, revealed: null, stale: false });
    const idCard = view.materials.find((m) => m.key === 'SM-ID-CARD:applicant');
    expect(idCard?.pages).toHaveLength(1);
    expect(view.materials.filter((m) => m.pages.length === 0).map((m) => m.name)).toContain('居民身份证数码相片（现场采集）');
    expect(view.precheck.ok).toBe(false);
    expect(view.precheck.problems.map((p) => p.subject)).toContain('居民身份证数码相片（现场采集）');
    // One page of a two-sided card: the window words it from the counts, not from the domain message.
    expect(view.precheck.problems.find((p) => p.kind === 'too-few-pages')).toMatchObject({ needed: 2, got: 1 });
    expect(view.specialOptions).toEqual([]);
  });

  it('a walk-in’s originals checked on paper are marked, count for the pre-check, and are not listed as a form value', () => {
    const form = { ...detail().form, 'window.originalsChecked': ['SM-ID-CARD:applicant', 'SM-PHOTO:applicant'] };
    const view = applicationView(catalog, detail({ form, blobs: [] }), '2026-09-21', { pending: false, revealed: null, stale: false });
    expect(view.materials.filter((m) => m.checkedOriginal).map((m) => m.key)).toEqual(['SM-ID-CARD:applicant', 'SM-PHOTO:applicant']);
    expect(view.precheck.problems.filter((p) => p.kind === 'missing-material' || p.kind === 'too-few-pages' || p.kind === 'original-check')).toEqual([]);
    expect(JSON.stringify(view.form)).not.toContain('originalsChecked');
  });
});
