import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../src/contract';
import { openStore } from '../../src/store';
import type { Store } from '../../src/store';
import { recordEvaluation } from '../../src/store/record';
import { WindowEvaluationLedger } from '../../src/store/window-evaluation-ledger';
import { silentLogger } from '../log';
import { EvaluationDesk } from './desk';

const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

function setup(kiosk: { submission: string | null } = { submission: null }) {
  const store = openStore({ path: join(mkdtempSync(join(tmpdir(), 'desk-')), 't.sqlite'), key: new Uint8Array(32).fill(3) });
  stores.push(store);
  const app = store.applications.submit({
    kind: 'item',
    subjectId: 'ITEM-1',
    catalogVersion: 'test',
    hallCode: 'QX01',
    terminal: 'T-0001',
    at: '2026-11-23T09:30:00.000Z',
    actor: { kind: 'citizen', id: 'kiosk' },
    personal: { applicant: { name: '张三', idNumber: '430102199003071234' }, values: {} },
    materials: [],
  });
  const events: { name: EventName; payload: unknown }[] = [];
  const ledger = new WindowEvaluationLedger(store);
  const desk = new EvaluationDesk({
    store,
    record: (input) => recordEvaluation(store, input, Date.now()),
    remote: { has: (id, channel) => ledger.has(id, channel), record: (input, application) => ledger.record(input, application, Date.now()) },
    publish: (name, payload) => events.push({ name, payload }),
    logger: silentLogger,
    terminal: () => 'T-0009',
    kioskSubmission: () => kiosk.submission,
  });
  kiosk.submission ??= app.id;
  return { store, desk, events, applicationId: app.id, kiosk };
}

const staff = { name: '李四', number: '0217' };

/** What `work` threw (the test fails when it throws nothing). */
function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}
const alreadyRated = { code: 'CONFLICT', reason: 'evaluation.alreadyRated' };
const needsReason = { code: 'BAD_INPUT', reason: 'evaluation.reasonRequired', issues: [{ path: 'reasons', reason: 'ratingReasonNeeded' }] };
const unknownApplication = { code: 'NOT_FOUND', reason: 'evaluation.applicationUnknown' };

describe('evaluation desk (一次一评)', () => {
  it('request → the customer rates a 差评 with reasons → recorded once with its outbox op; a second rating is refused', () => {
    const { store, desk, events, applicationId } = setup();
    const request = desk.request({ applicationId, serviceName: '出生医学证明', staff });
    expect(events.at(-1)).toMatchObject({ name: 'evaluation.requested', payload: { applicationId, staff } });
    expect(thrown(() => desk.submit({ applicationId, requestId: request.requestId, level: '不满意', reasons: [] }, 'customer'))).toMatchObject(needsReason);
    expect(desk.current()).not.toBeNull();
    desk.submit({ applicationId, requestId: request.requestId, level: '不满意', reasons: ['slow', 'slow', 'attitude'], text: ' 等了很久 ' }, 'customer');
    expect(events.at(-1)).toMatchObject({ name: 'evaluation.finished', payload: { outcome: 'rated', level: '不满意' } });
    const [record] = store.evaluations.list(applicationId);
    expect(record).toMatchObject({ channel: 'windowPad', level: '不满意', reasons: ['slow', 'attitude'], text: '等了很久', staffId: '0217', terminal: 'T-0009', indicatorVersion: 'hall-terminal-offline-1' });
    expect(store.db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM outbox WHERE kind LIKE '%evaluation%'").get()?.n).toBe(1);
    // Second attempts: on the customer screen, and as a new request from the window.
    expect(thrown(() => desk.submit({ applicationId, requestId: request.requestId, level: '满意', reasons: [] }, 'customer'))).toMatchObject(alreadyRated);
    expect(thrown(() => desk.request({ applicationId, serviceName: 'x', staff }))).toMatchObject(alreadyRated);
    expect(store.evaluations.list(applicationId)).toHaveLength(1);
  });

  it('the kiosk rates on its own channel, once', () => {
    const { store, desk, applicationId } = setup();
    desk.submit({ applicationId, level: '非常满意', reasons: [] }, 'kiosk');
    try {
      desk.submit({ applicationId, level: '满意', reasons: [] }, 'kiosk');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject(alreadyRated);
    }
    expect(store.evaluations.list(applicationId).map((e) => e.channel)).toEqual(['kiosk']);
  });

  it('the kiosk rates only the application submitted in its current citizen session', () => {
    const { store, desk, applicationId, kiosk } = setup();
    const other = store.applications.submit({
      kind: 'item', subjectId: 'ITEM-2', catalogVersion: 'test', hallCode: 'QX01', terminal: 'T-0001', at: '2026-11-23T09:40:00.000Z',
      actor: { kind: 'citizen', id: 'kiosk' }, personal: { applicant: { name: '李四', idNumber: '430102199003071250' }, values: {} }, materials: [],
    });
    const refused = (id: string, role: 'kiosk' | 'window' = 'kiosk') => {
      try {
        desk.submit({ applicationId: id, level: '满意', reasons: [] }, role);
      } catch (error) {
        return error;
      }
      return null;
    };
    expect(refused(other.id)).toMatchObject({ code: 'FORBIDDEN', reason: 'evaluation.notThisSession' });
    expect(refused('no-such-application')).toMatchObject({ code: 'FORBIDDEN' });
    expect(refused(applicationId, 'window')).toMatchObject({ code: 'FORBIDDEN' });
    kiosk.submission = null;
    expect(refused(applicationId)).toMatchObject({ code: 'FORBIDDEN' });
    expect(store.evaluations.list(applicationId)).toEqual([]);
    expect(store.evaluations.list(other.id)).toEqual([]);
    kiosk.submission = applicationId;
    expect(refused(applicationId)).toBeNull();
    expect(store.evaluations.list(applicationId).map((e) => e.channel)).toEqual(['kiosk']);
  });

  it('a customer rating without a pending request is refused; an unknown application too', () => {
    const { desk, applicationId } = setup();
    expect(thrown(() => desk.submit({ applicationId, level: '满意', reasons: [] }, 'customer'))).toMatchObject({ code: 'NOT_FOUND', reason: 'evaluation.notRequested' });
    expect(thrown(() => desk.request({ applicationId: 'nope', serviceName: 'x', staff: null }))).toMatchObject(unknownApplication);
  });

  it('the hardware pad: a good key records; a bad key asks the screen for reasons', () => {
    const { store, desk, events, applicationId } = setup();
    const request = desk.request({ applicationId, serviceName: '出生医学证明', staff });
    desk.padKey('非常不满意');
    expect(events.at(-1)).toMatchObject({ name: 'evaluation.requested', payload: { requestId: request.requestId, presetLevel: '非常不满意' } });
    expect(store.evaluations.list(applicationId)).toHaveLength(0);
    desk.padKey('满意');
    expect(events.at(-1)).toMatchObject({ name: 'evaluation.finished', payload: { outcome: 'rated', level: '满意' } });
    expect(store.evaluations.list(applicationId)).toMatchObject([{ channel: 'windowPad', level: '满意' }]);
    desk.padKey('满意'); // nothing pending: ignored
    expect(store.evaluations.list(applicationId)).toHaveLength(1);
  });

  it('the customer may decline; staff may withdraw; a new request replaces the old one', () => {
    const { desk, events, applicationId } = setup();
    const first = desk.request({ applicationId, serviceName: 'a', staff: null });
    const second = desk.request({ applicationId, serviceName: 'b', staff: null });
    expect(events.find((e) => e.name === 'evaluation.finished')).toMatchObject({ payload: { requestId: first.requestId, outcome: 'cancelled' } });
    expect(desk.cancel(first.requestId, 'customer')).toBe(false);
    expect(desk.cancel(second.requestId, 'customer')).toBe(true);
    expect(events.at(-1)).toMatchObject({ payload: { requestId: second.requestId, outcome: 'skipped' } });
    expect(desk.current()).toBeNull();
  });
});

describe('evaluation desk: applications the platform holds (window workstation)', () => {
  it('rates once with the item code: ledger row and outbox op together; a second rating is refused; no item code → not found', () => {
    const { store, desk } = setup();
    expect(thrown(() => desk.request({ applicationId: 'PLATFORM-APP-1', serviceName: '出生医学证明', staff }))).toMatchObject(unknownApplication);
    const request = desk.request({ applicationId: 'PLATFORM-APP-1', serviceName: '出生医学证明', staff, itemCode: '11430100MB0000001', department: '市卫生健康委' });
    expect(thrown(() => desk.submit({ applicationId: 'PLATFORM-APP-1', requestId: request.requestId, level: '非常不满意', reasons: [] }, 'customer'))).toMatchObject(needsReason);
    desk.submit({ applicationId: 'PLATFORM-APP-1', requestId: request.requestId, level: '非常不满意', reasons: ['competence'], text: '解释不清' }, 'customer');
    const ops = store.db.prepare<[], { kind: string; idempotency_key: string }>("SELECT kind, idempotency_key FROM outbox WHERE kind = 'evaluation'").all();
    expect(ops).toEqual([{ kind: 'evaluation', idempotency_key: 'evaluation:PLATFORM-APP-1:windowPad:1' }]);
    expect(store.db.prepare('SELECT application_id, level FROM window_evaluations').all()).toEqual([{ application_id: 'PLATFORM-APP-1', level: '非常不满意' }]);
    expect(thrown(() => desk.request({ applicationId: 'PLATFORM-APP-1', serviceName: 'x', staff, itemCode: '11430100MB0000001' }))).toMatchObject(alreadyRated);
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'evaluation'").get()).toEqual({ n: 1 });
  });
});
