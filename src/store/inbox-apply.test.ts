import { describe, expect, it } from 'vitest';
import { submitInput } from '../../tests/integration/store-fixtures';
import { memoryStores } from '../../tests/support/memory-store';
import { platformConfig } from './inbox-apply';
import { recordSubmission } from './record';
import type { Store } from './store';

const fresh = memoryStores({ catalog: true });
const outcomes = (store: Store) => store.db.prepare<[], { seq: number; outcome: string }>('SELECT seq, outcome FROM inbox_log ORDER BY seq').all();

describe('inbox effects', () => {
  it('application.status moves the local application and records who did it', () => {
    const store = fresh();
    const record = recordSubmission(store, submitInput({ materials: [] }), 1);
    const status = (seq: number, to: 'received' | 'supplementRequired', reason?: string) => ({
      seq,
      kind: 'application.status' as const,
      payload: { applicationId: record.id, status: to, at: `2026-11-24T09:0${seq}:00.000Z`, actor: { kind: 'staff' as const, id: 'S-07' }, ...(reason ? { reason } : {}) },
    });
    store.inbox.apply(status(1, 'received'));
    store.inbox.apply(status(2, 'supplementRequired', '缺少户口簿首页'));
    store.inbox.apply({ ...status(3, 'received'), payload: { ...status(3, 'received').payload, applicationId: 'someone-elses' } });
    expect(store.applications.get(record.id)?.state).toBe('supplementRequired');
    expect(store.applications.audit(record.id).at(-1)).toMatchObject({ from: 'received', to: 'supplementRequired', actorKind: 'staff', actorId: 'S-07', terminal: 'platform', reason: '缺少户口簿首页' });
    expect(outcomes(store).map((o) => o.outcome)).toEqual(['applied', 'applied', 'ignored']);
    // the platform's own change is not sent back to it
    expect(store.outbox.stats().pending).toBe(1);
  });

  it('calendar.update stores the year', () => {
    const store = fresh();
    store.inbox.apply({ seq: 1, kind: 'calendar.update', payload: { year: 2031, holidays: ['2031-01-01'], workdays: ['2031-01-04'] } });
    expect(store.calendar.years()[2031]).toEqual({ offDays: ['2031-01-01'], adjustedWorkdays: ['2031-01-04'] });
  });

  it('catalog.delta becomes a new active version when it validates, and is skipped otherwise', () => {
    const store = fresh();
    const item = structuredClone(store.catalogs.active()?.items[0]) as Record<string, unknown>;
    item.name = '改名后的事项';
    store.inbox.apply({ seq: 1, kind: 'catalog.delta', payload: { version: 7, changes: [{ op: 'upsertItem', item }] } });
    expect(store.catalogs.activeVersion()).toBe('2026.11.0+d7');
    expect(store.catalogs.active()?.items[0]?.name).toBe('改名后的事项');
    // a broken item: the active catalogue stays
    store.inbox.apply({ seq: 2, kind: 'catalog.delta', payload: { version: 8, changes: [{ op: 'upsertItem', item: { ...item, department: 'DEP-NONE' } }] } });
    store.inbox.apply({ seq: 3, kind: 'catalog.delta', payload: { version: 9, changes: [{ op: 'rename', what: 'x' }] } });
    // an older delta again
    store.inbox.apply({ seq: 4, kind: 'catalog.delta', payload: { version: 7, changes: [] } });
    expect(store.catalogs.activeVersion()).toBe('2026.11.0+d7');
    expect(outcomes(store).map((o) => o.outcome)).toEqual(['applied', 'invalid', 'invalid', 'ignored']);
    store.inbox.apply({ seq: 5, kind: 'catalog.delta', payload: { version: 10, changes: [{ op: 'removeBundle', id: 'BND-NONE' }] } });
    expect(store.catalogs.activeVersion()).toBe('2026.11.0+d10');
  });

  it('config stores settings by key and null removes one', () => {
    const store = fresh();
    store.inbox.apply({ seq: 1, kind: 'config', payload: { 'kiosk.idleSeconds': 90, notice: { zh: '今日下午停电检修' } } });
    store.inbox.apply({ seq: 2, kind: 'config', payload: { notice: null } });
    expect(platformConfig(store.db)).toEqual({ 'kiosk.idleSeconds': 90 });
  });
});
