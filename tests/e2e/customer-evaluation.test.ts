import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CallResult } from '../../src/contract';
import { kioskLayoutProblems, screenshot } from './support/browser';
import { LANDSCAPE, openTerminalPage } from './support/terminal-page';
import type { Terminal, TerminalPage } from './support/terminal-page';

/** An application submitted at this terminal's kiosk, for the window to ask a rating of. */
const submitted = (terminal: Terminal): string =>
  terminal.app.store.applications.submit({
    kind: 'item',
    subjectId: 'ITEM-BIRTH-CERT',
    catalogVersion: 'e2e',
    hallCode: 'QX01',
    terminal: 'T-0001',
    at: new Date().toISOString(),
    actor: { kind: 'citizen', id: 'kiosk' },
    personal: { applicant: { name: '欧阳娜娜', idNumber: '430102199003071242' }, values: {} },
    materials: [],
  }).id;

// The customer-facing screen of a staff window: staff ask for a rating; the citizen rates on /customer.
describe('customer-facing evaluation screen (一次一评)', () => {
  let opened: TerminalPage;
  let terminal: Terminal;
  let page: Page;
  let applicationId = '';
  const staff = { name: '李小红', number: '0217' };
  const asWindow = (method: string, input: unknown) => terminal.app.dispatcher.dispatch(method, input, { role: 'window', connection: 'staff-window' });

  beforeAll(async () => {
    ({ terminal, page } = opened = await openTerminalPage({
      terminal: { profile: 'window' },
      prepare: (t) => {
        applicationId = submitted(t);
      },
      viewport: LANDSCAPE,
      path: '/customer',
    }));
  });

  afterAll(async () => {
    await opened?.close();
  });

  it('shows the name plate between services', async () => {
    await page.getByTestId('customer-plate').waitFor();
    expect(await kioskLayoutProblems(page)).toEqual([]);
    await screenshot(page, 'customer-plate-landscape');
  });

  it('a request from the window shows the staff member, the service and five choices', async () => {
    expect(await asWindow('evaluation.request', { applicationId, serviceName: '出生医学证明办理', staff })).toMatchObject({ ok: true });
    await page.getByTestId('rating-panel').waitFor();
    expect(await page.getByTestId('rating-staff').innerText()).toContain('李小红');
    expect(await page.getByTestId('rating-staff').innerText()).toContain('0217');
    expect(await page.getByTestId('rating-service').innerText()).toBe('出生医学证明办理');
    expect(await page.locator('[data-testid^="rate-"]').count()).toBe(5);
    expect(await kioskLayoutProblems(page)).toEqual([]);
    await screenshot(page, 'customer-rating-landscape');
    await page.setViewportSize({ width: 1080, height: 1920 });
    expect(await kioskLayoutProblems(page)).toEqual([]);
    await screenshot(page, 'customer-rating-portrait');
  });

  it('不满意 asks for reasons, refuses to send without one, then records the rating', async () => {
    await page.getByTestId('rate-不满意').click();
    await page.getByTestId('reason-slow').waitFor();
    await page.getByTestId('rating-submit').click();
    await expect.poll(() => page.getByTestId('rating-problem').innerText()).toContain('请至少选择一项原因');
    expect(terminal.app.store.evaluations.list(applicationId)).toHaveLength(0);
    await page.getByTestId('reason-slow').click();
    await page.getByTestId('reason-attitude').click();
    expect(await kioskLayoutProblems(page)).toEqual([]);
    await screenshot(page, 'customer-reasons-portrait');
    await page.getByTestId('rating-submit').click();
    await page.getByTestId('customer-thanks').waitFor();
    expect(terminal.app.store.evaluations.list(applicationId)).toMatchObject([
      { channel: 'windowPad', level: '不满意', reasons: ['slow', 'attitude'], staffId: '0217' },
    ]);
    await screenshot(page, 'customer-thanks-portrait');
  });

  it('a second rating of the same application is refused with a clear reason, from the window and from the screen', async () => {
    expect(await asWindow('evaluation.request', { applicationId, serviceName: '出生医学证明办理', staff })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', reason: 'evaluation.alreadyRated' },
    });
    // The customer page's own connection (same origin, same per-launch token) tries to rate again.
    const result = await page.evaluate(async (id: string) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="kiosk-session"]')?.content ?? '';
      const ws = new WebSocket(`ws://${location.host}/api?role=customer&token=${encodeURIComponent(token)}`);
      await new Promise((resolve) => (ws.onopen = resolve));
      const answer = new Promise<string>((resolve) => (ws.onmessage = (m) => resolve(String(m.data))));
      ws.send(JSON.stringify({ type: 'call', id: 1, method: 'evaluation.submit', input: { applicationId: id, level: '非常满意', reasons: [] } }));
      return JSON.parse(await answer) as { result: unknown };
    }, applicationId);
    expect((result.result as CallResult)).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'evaluation.alreadyRated' } });
    expect(terminal.app.store.evaluations.list(applicationId)).toHaveLength(1);
  });

  it('the simulator panel plays the staff window: a request for the newest application; the customer may decline', async () => {
    const second = submitted(terminal);
    await page.getByText('扫码器 · 评价器 · 打印机').click();
    await page.getByTestId('sim-evaluation-request').click();
    await expect.poll(() => terminal.app.dispatcher.dispatch('evaluation.pending', {}, { role: 'customer' })).toMatchObject({ value: { request: { applicationId: second } } });
    await page.getByTestId('rating-panel').waitFor();
    expect(await page.getByTestId('rating-staff').innerText()).toContain('0107');
    await page.getByTestId('rating-skip').click();
    await page.getByTestId('customer-plate').waitFor();
    expect(terminal.app.store.evaluations.list(applicationId)).toHaveLength(1);
  });

  it('an application the platform holds (window workstation) is rated once, with its item code, into the outbox', async () => {
    const request = { applicationId: 'PLATFORM-APP-9', serviceName: '婚姻登记', staff, itemCode: '11430100MB0000009', department: '市民政局' };
    expect(await asWindow('evaluation.request', request)).toMatchObject({ ok: true });
    await page.getByTestId('rating-panel').waitFor();
    await page.getByTestId('rate-非常满意').click();
    await page.getByTestId('customer-thanks').waitFor();
    const op = terminal.app.store.db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE idempotency_key = 'evaluation:PLATFORM-APP-9:windowPad:1'").get();
    expect(op).toEqual({ n: 1 });
    expect(await asWindow('evaluation.request', request)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('the customer screen can never reach technician methods', async () => {
    const refused = await terminal.app.dispatcher.dispatch('device.bindings', {}, { role: 'customer', connection: 'c' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
