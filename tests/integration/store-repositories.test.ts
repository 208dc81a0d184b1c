import { describe, expect, it } from 'vitest';
import { parseTrackingNumber } from '../../src/domain/application/tracking-number';
import { ApplicationError, EvaluationError, openStore } from '../../src/store';
import { APPLICANT_ID, KEY, sampleCatalogText, submitInput, tempDbPath } from './store-fixtures';

describe('catalogue repository', () => {
  it('imports, keeps versions, and keeps the active one when a re-import fails', () => {
    const store = openStore({ path: tempDbPath(), key: KEY });
    expect(store.catalogs.active()).toBeNull();
    const first = store.catalogs.import(sampleCatalogText(), '2026-11-23T08:00:00Z');
    expect(first).toMatchObject({ ok: true, version: '2026.11.0', changed: true });
    expect(store.catalogs.import(sampleCatalogText(), '2026-11-23T08:01:00Z')).toMatchObject({ ok: true, changed: false });

    const broken = JSON.parse(sampleCatalogText()) as { catalogVersion: string; items: { department: string }[] };
    broken.catalogVersion = '2026.12.0';
    for (const item of broken.items.slice(0, 3)) item.department = 'DEP-NONE';
    const rejected = store.catalogs.import(JSON.stringify(broken), '2026-11-24T08:00:00Z');
    expect(rejected.ok).toBe(false);
    if (!rejected.ok) expect(rejected.problems.filter((p) => p.severity === 'error')).toHaveLength(3);
    expect(store.catalogs.import('{not json', '2026-11-24T08:00:00Z').ok).toBe(false);
    expect(store.catalogs.activeVersion()).toBe('2026.11.0');
    expect(store.catalogs.active()?.items).toHaveLength(45);

    const next = JSON.parse(sampleCatalogText()) as { catalogVersion: string };
    next.catalogVersion = '2026.12.0';
    expect(store.catalogs.import(JSON.stringify(next), '2026-11-25T08:00:00Z').ok).toBe(true);
    expect(store.catalogs.versions().map((v) => [v.version, v.active])).toEqual([
      ['2026.11.0', false],
      ['2026.12.0', true],
    ]);
    // same version number with different content is refused
    const tampered = JSON.parse(sampleCatalogText()) as { catalogVersion: string; disclaimer: string };
    tampered.catalogVersion = '2026.12.0';
    tampered.disclaimer = 'changed';
    expect(store.catalogs.import(JSON.stringify(tampered), '2026-11-25T09:00:00Z').ok).toBe(false);
    store.close();
  });
});

describe('application repository', () => {
  it('submits with a checked tracking number, daily sequence, materials and first audit entry', () => {
    const store = openStore({ path: tempDbPath(), key: KEY });
    const a = store.applications.submit(submitInput());
    const b = store.applications.submit(submitInput());
    const c = store.applications.submit(submitInput({ at: '2026-11-24T08:00:00.000Z' }));
    expect(parseTrackingNumber(a.trackingNo)).toEqual({ hallCode: 'QX01', date: '2026-11-23', sequence: 1 });
    expect(parseTrackingNumber(b.trackingNo)?.sequence).toBe(2);
    expect(parseTrackingNumber(c.trackingNo)).toMatchObject({ date: '2026-11-24', sequence: 1 });
    expect(a.state).toBe('submitted');
    expect(a.materials).toEqual(submitInput().materials);
    expect(store.applications.audit(a.id)).toEqual([
      { from: 'draft', to: 'submitted', actorKind: 'citizen', actorId: 'kiosk', terminal: 'QX01-K01', at: '2026-11-23T09:30:00.000Z' },
    ]);
    expect(store.applications.findByTrackingNo(a.trackingNo.toLowerCase())?.id).toBe(a.id);
    expect(store.applications.findByApplicant(APPLICANT_ID)).toHaveLength(3);
    store.close();
  });

  it('a failed submission writes nothing (one transaction)', () => {
    const store = openStore({ path: tempDbPath(), key: KEY });
    const dup = submitInput({ materials: [{ key: 'X', pages: 1, trust: 'C' }, { key: 'X', pages: 1, trust: 'C' }] });
    expect(() => store.applications.submit(dup)).toThrow();
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM applications').get()).toEqual({ n: 0 });
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM tracking_sequences').get()).toEqual({ n: 0 });
    store.close();
  });

  it('moves along legal transitions only, with the audit trail', () => {
    const store = openStore({ path: tempDbPath(), key: KEY });
    const app = store.applications.submit(submitInput());
    const staff = { kind: 'staff' as const, id: 'S007' };
    store.applications.transition(app.id, { to: 'received', actor: staff, terminal: 'W09', at: '2026-11-23T10:00:00Z' });
    expect(() => store.applications.transition(app.id, { to: 'delivered', actor: staff, terminal: 'W09', at: '2026-11-23T10:01:00Z' })).toThrow(ApplicationError);
    const accepted = store.applications.transition(app.id, { to: 'accepted', actor: staff, terminal: 'W09', at: '2026-11-23T10:02:00Z' });
    expect(accepted.state).toBe('accepted');
    expect(store.applications.audit(app.id).map((e) => e.to)).toEqual(['submitted', 'received', 'accepted']);
    expect(() => store.applications.transition('nope', { to: 'accepted', actor: staff, terminal: 'W', at: '2026-11-23T10:02:00Z' })).toThrow(/no such/);
    store.close();
  });

  it('the transaction seam lets another writer share the commit', () => {
    const store = openStore({ path: tempDbPath(), key: KEY });
    store.db.exec('CREATE TABLE fake_outbox (application_id TEXT)');
    expect(() =>
      store.transaction(() => {
        const app = store.applications.submit(submitInput());
        store.db.prepare('INSERT INTO fake_outbox VALUES (?)').run(app.id);
        throw new Error('network layer failed before commit');
      }),
    ).toThrow();
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM applications').get()).toEqual({ n: 0 });
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM fake_outbox').get()).toEqual({ n: 0 });
    store.close();
  });
});

describe('evaluation repository', () => {
  it('one per application per channel; bad ratings need a reason', () => {
    const store = openStore({ path: tempDbPath(), key: KEY });
    const app = store.applications.submit(submitInput());
    const base = { applicationId: app.id, at: '2026-11-23T11:00:00Z', terminal: 'K1' };
    store.evaluations.add({ ...base, channel: 'kiosk', level: '非常满意' });
    store.evaluations.add({ ...base, channel: 'windowPad', level: '不满意', reasons: ['等候时间长'], staffId: 'S007' });
    expect(() => store.evaluations.add({ ...base, channel: 'kiosk', level: '满意' })).toThrow(EvaluationError);
    expect(() => store.evaluations.add({ ...base, channel: 'pc', level: '非常不满意' })).toThrow(/reason/);
    expect(() => store.evaluations.add({ ...base, applicationId: 'nope', channel: 'pc', level: '满意' })).toThrow(/no such/);
    // one follow-up rating (追评) after a first one, never two
    const followUp = store.evaluations.add({ ...base, channel: 'kiosk', round: 2, level: '满意', regionCode: '439926', indicatorVersion: '2026.1' });
    expect(followUp.round).toBe(2);
    expect(() => store.evaluations.add({ ...base, channel: 'windowPad', round: 2, level: '满意' })).toThrow(/one follow-up/);
    const evaluator = { kind: 'person' as const, name: '张三', idNumber: '34052419800101001X', anonymous: true };
    const other = store.applications.submit(submitInput());
    store.evaluations.add({ ...base, applicationId: other.id, channel: 'qrCode', level: '基本满意', evaluator });
    expect(store.evaluations.list(other.id)[0]?.evaluator).toEqual(evaluator);
    expect(store.evaluations.list(app.id).filter((e) => e.round === 1).map((e) => [e.channel, e.level, e.reasons])).toEqual([
      ['kiosk', '非常满意', []],
      ['windowPad', '不满意', ['等候时间长']],
    ]);
    store.close();
  });
});

describe('calendar repository', () => {
  it('stores synced years after checking them, replacing a year on update', () => {
    const store = openStore({ path: tempDbPath(), key: KEY });
    expect(store.calendar.years()).toEqual({});
    expect(store.calendar.upsertYear(2027, { offDays: ['2027-01-01'], adjustedWorkdays: [] }, 'sync', '2026-11-01T00:00:00Z')).toEqual({ ok: true });
    expect(store.calendar.upsertYear(2027, { offDays: ['2027-01-01', '2027-02-06'], adjustedWorkdays: ['2027-02-14'] }, 'sync', '2026-11-02T00:00:00Z')).toEqual({ ok: true });
    const bad = store.calendar.upsertYear(2027, { offDays: [], adjustedWorkdays: ['2027-02-15'] }, 'sync', '2026-11-03T00:00:00Z');
    expect(bad.ok).toBe(false);
    expect(store.calendar.years()).toEqual({ 2027: { offDays: ['2027-01-01', '2027-02-06'], adjustedWorkdays: ['2027-02-14'] } });
    store.close();
  });
});
