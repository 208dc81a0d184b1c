import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContractError, methods } from '../../src/contract';
import type { ContractClient, MethodName } from '../../src/contract';
import { catalogHandlers } from '../../main/handlers/catalog';
import { card, citizenFixture, fakeJpeg, sampleService } from '../../main/citizen/test-fixtures';
import type { Fixture } from '../../main/citizen/test-fixtures';
import { initI18n } from '../i18n';
import { wipeSession } from '../stores/session-reset';
import { createApplicationStore } from './application-store';
import { useFlowStore } from './flow-store';

// The store runs against the real privileged handlers in-process: the same validation, the same session.
// The store words failures with the page's i18next, as on screen.
initI18n('zh-CN');
let f: Fixture;
const calls: string[] = [];

function client(): ContractClient['call'] {
  const handlers: Record<string, (input: unknown, ctx: { role: 'kiosk' }) => unknown> = {
    ...(catalogHandlers(() => sampleService, () => '2026-11-23') as Record<string, (input: unknown, ctx: { role: 'kiosk' }) => unknown>),
    ...(f.handlers as Record<string, (input: unknown, ctx: { role: 'kiosk' }) => unknown>),
  };
  const call = async (name: MethodName, input: unknown = {}) => {
    calls.push(name);
    const handler = handlers[name];
    if (!handler) throw new ContractError('UNKNOWN_METHOD', 'contract.unknownMethod', { detail: name });
    const parsed = methods[name].input.safeParse(input);
    if (!parsed.success) throw new ContractError('BAD_INPUT', 'contract.badInput', { detail: `bad input for ${name}` });
    return methods[name].output.parse(await handler(parsed.data, { role: 'kiosk' }));
  };
  return call as ContractClient['call'];
}

const GA03 = { kind: 'item', id: 'GA-03' } as const;

function toIdentify(selection: { kind: 'item' | 'bundle'; id: string }) {
  const flow = useFlowStore.getState();
  flow.begin();
  flow.openGuide(selection);
  flow.startApplication();
}

describe('application step machine (no DOM, real terminal handlers)', () => {
  let store: ReturnType<typeof createApplicationStore>;

  /** GA-03 loaded at the identify step and 张三's card placed on the reader. */
  async function zhangOnGa03() {
    toIdentify(GA03);
    await store.getState().load(GA03);
    f.session.cardRead(card('resident-zhang'));
    await store.getState().cardPlaced();
  }

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2026-11-23T10:00:00+08:00'));
    f = citizenFixture();
    f.session.begin();
    calls.length = 0;
    store = createApplicationStore({ call: client() });
  });

  afterEach(() => {
    wipeSession();
    f.close();
    vi.useRealTimers();
  });

  it('loads the form and guide; identify pre-fills from the card and moves on to the first page', async () => {
    toIdentify(GA03);
    await store.getState().load(GA03);
    expect(store.getState()).toMatchObject({ status: 'ready', serviceName: '居民身份证换领', holders: ['applicant'], kioskSubmit: true });
    await store.getState().cardPlaced();
    expect(store.getState().cards.applicant).toBeUndefined();
    f.session.cardRead(card('resident-zhang'));
    await store.getState().cardPlaced();
    expect(store.getState().values).toMatchObject({ 'applicant.name': '张三', 'applicant.gender': '1', 'applicant.birthDate': '1990-03-07' });
    store.getState().confirmHolder();
    expect(useFlowStore.getState().step).toBe('form');
    expect(store.getState().page).toBe(0);
  });

  it('a card already on the reader when the application starts is read once the form is loaded (no card event comes for it)', async () => {
    f.session.cardRead(card('resident-zhang'));
    toIdentify(GA03);
    // The flow's ask on entering identify comes before the form: it cannot bind the card yet.
    await store.getState().cardPlaced();
    expect(calls).not.toContain('session.useCard');
    await store.getState().load(GA03);
    expect(store.getState().cards.applicant?.name).toBe('张三');
    expect(store.getState().values).toMatchObject({ 'applicant.name': '张三' });
  });

  it('does not leave a page with errors; lists them by field; continues once fixed; reaches materials', async () => {
    await zhangOnGa03();
    store.getState().confirmHolder();
    const s = () => store.getState();
    await s().nextPage();
    expect(s().problem).toBeNull();
    expect(s().errors.map((e) => e.field)).toEqual(['applicant.mobile']);
    expect(s().page).toBe(0);
    s().setValue('applicant.mobile', '13800138000');
    expect(s().errors).toEqual([]);
    await s().nextPage();
    expect(s().page).toBe(1);
    s().setValue('idcard.reason', 'expired');
    s().setValue('idcard.collect', 'window');
    s().setValue('idcard.needTemporary', '0');
    while (useFlowStore.getState().step === 'form') {
      const before = s().page;
      await s().nextPage();
      if (s().page === before && useFlowStore.getState().step === 'form') throw new Error(`stuck on page ${before}: ${JSON.stringify(s().errors)}`);
    }
    expect(useFlowStore.getState().step).toBe('materials');
  });

  it('pre-check failure keeps the citizen on pre-check with every problem; a one-time notice prints', async () => {
    await zhangOnGa03();
    store.getState().confirmHolder();
    useFlowStore.getState().go('materials');
    await store.getState().runPrecheck();
    expect(useFlowStore.getState().step).toBe('precheck');
    const problems = store.getState().precheck?.problems ?? [];
    expect(problems.filter((p) => p.blocking).length).toBeGreaterThanOrEqual(4);
    store.getState().openField('applicant.mobile');
    expect(useFlowStore.getState().step).toBe('form');
    expect(store.getState().page).toBe(0);
    useFlowStore.getState().go('materials');
    await store.getState().runPrecheck();
    await store.getState().printNotice(false);
    expect(store.getState().notice?.outcome).toBe('printed');
    expect(JSON.stringify(f.printed.at(-1))).toContain('一次性告知书');
  });

  it('captures, pre-checks, reviews, needs consent, submits, and can reprint after a paper fault', async () => {
    await zhangOnGa03();
    store.getState().confirmHolder();
    const s = () => store.getState();
    for (const [k, v] of Object.entries({ 'applicant.mobile': '13800138000', 'idcard.reason': 'expired', 'idcard.collect': 'window', 'idcard.needTemporary': '0' })) s().setValue(k, v);
    useFlowStore.getState().go('materials');
    const jpeg = fakeJpeg().toString('base64');
    await s().addPage('SM-ID-CARD:applicant', jpeg);
    await s().addPage('SM-ID-CARD:applicant', jpeg);
    await s().addPage('SM-PHOTO:applicant', jpeg);
    expect(s().pages).toEqual({ 'SM-ID-CARD:applicant': 2, 'SM-PHOTO:applicant': 1 });
    await s().clearPages('SM-PHOTO:applicant');
    expect(f.session.pagesOf('SM-PHOTO:applicant')).toHaveLength(0);
    await s().addPage('SM-PHOTO:applicant', jpeg);
    await s().runPrecheck();
    expect(s().precheck?.ok).toBe(true);
    useFlowStore.getState().go('review');
    await s().submit(false);
    expect(s().submitted).toBeNull();
    s().setConsent(true);
    f.printer.outcome = 'paper-out';
    await s().submit(false);
    expect(useFlowStore.getState().step).toBe('submitted');
    expect(s().submitted?.receipt.fallback?.trackingNumber).toBe(s().submitted?.trackingNo);
    f.printer.outcome = 'printed';
    await s().reprint(false);
    expect(s().submitted?.receipt).toEqual({ outcome: 'printed', fallback: null });
  });

  it('a bundle asks for each card holder in turn; a second parent may be skipped; the same card is refused', async () => {
    const birth = { kind: 'bundle', id: 'BND-BIRTH' } as const;
    toIdentify(birth);
    await store.getState().load(birth);
    expect(store.getState().holders).toEqual(['mother', 'father']);
    f.session.cardRead(card('resident-li'));
    await store.getState().cardPlaced();
    store.getState().confirmHolder();
    expect(store.getState().holderIndex).toBe(1);
    f.session.cardRead(card('resident-li'));
    await store.getState().cardPlaced();
    expect(store.getState().identifyError).toContain('已经读取过');
    store.getState().skipHolder();
    expect(store.getState().skipped).toEqual(['father']);
    expect(useFlowStore.getState().step).toBe('form');
  });

  it('agent mode: agent’s card, then the principal with a checked number; the principal pre-fills the form', async () => {
    toIdentify(GA03);
    await store.getState().load(GA03);
    await store.getState().setAgentMode(true);
    f.session.cardRead(card('resident-zhang'));
    await store.getState().cardPlaced();
    expect(store.getState().cards.agent?.name).toBe('张三');
    const bad = await store.getState().setPrincipal({ name: '李小红', idNumber: '310115197806050028', relation: 'child' });
    expect(bad.map((p) => p.field)).toEqual(['idNumber']);
    expect(await store.getState().setPrincipal({ name: '李小红', idNumber: '310115197806050029', relation: 'child' })).toEqual([]);
    expect(store.getState().values).toMatchObject({ 'applicant.name': '李小红', 'applicant.idNumber': '310115197806050029', 'applicant.gender': '2' });
    store.getState().confirmHolder();
    expect(useFlowStore.getState().step).toBe('form');
  });

  it('leaving the application (confirmed) or an idle wipe forgets everything and starts a fresh terminal session', async () => {
    await zhangOnGa03();
    useFlowStore.getState().goHome();
    useFlowStore.getState().confirmLeave();
    expect(store.getState()).toMatchObject({ subject: null, cards: {}, values: {} });
    await vi.waitFor(() => expect(calls).toContain('session.begin'));
    expect(f.session.holder('applicant')).toBeNull();
    toIdentify(GA03);
    await store.getState().load(GA03);
    store.getState().setValue('applicant.mobile', '13800138000');
    wipeSession();
    expect(store.getState().values).toEqual({});
    expect(useFlowStore.getState().step).toBe('attract');
  });
});
