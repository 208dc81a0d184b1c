// Return for supplement with every problem ticked at once → 一次性告知书 printed and the status (with the
// problems) on its way to the hall's kiosks; hand-out with the collector's ID card: a wrong person refused
// (and audited), the applicant served and a 领取签收单 printed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { ROOT } from './support/terminal';
import { APPLICANT, HALL, deskLayoutProblems, documentPage, openByTracking, openDesk, printedTexts, startWindowPlatform, startWindowTerminal, submitFromKiosk } from './support/window';
import type { WindowTerminal } from './support/window';

const FORM = { 'applicant.name': APPLICANT.name, 'applicant.idNumber': APPLICANT.idNumber, 'applicant.gender': '1', 'applicant.nation': '01', 'applicant.birthDate': '1990-03-07', 'applicant.address': '湖南省长沙市芙蓉区五一大道1号', 'applicant.mobile': APPLICANT.phone, 'idcard.reason': 'expired', 'idcard.collect': 'window', 'idcard.needTemporary': '0' };

describe('window workstation: return for supplement, hand-out with identity check', () => {
  let env: Awaited<ReturnType<typeof startWindowPlatform>>;
  let w1: WindowTerminal;
  let browser: Browser;
  let page: Page;

  const open = (tracking: string) => openByTracking(page, tracking);

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) throw new Error('Run `npm run build:renderer` first (npm test does).');
    env = await startWindowPlatform();
    await submitFromKiosk(env.platform, env.kiosk, { id: 'E2E-R1', trackingNumber: 'QX01202611230011A', itemCode: 'GA-03', department: 'DEP-GA', form: FORM, materials: [{ key: 'SM-ID-CARD:applicant', bytes: documentPage(2), mediaType: 'image/png' }] });
    await submitFromKiosk(env.platform, env.kiosk, { id: 'E2E-H1', trackingNumber: 'QX01202611230012A', itemCode: 'GA-03', department: 'DEP-GA', form: FORM, materials: [{ key: 'SM-ID-CARD:applicant', bytes: documentPage(4), mediaType: 'image/png' }] });
    await submitFromKiosk(env.platform, env.kiosk, { id: 'E2E-RJ', trackingNumber: 'QX01202611230013A', itemCode: 'GA-03', department: 'DEP-GA', form: FORM, materials: [] });
    await submitFromKiosk(env.platform, env.kiosk, { id: 'E2E-SP', trackingNumber: 'QX01202611230014A', itemCode: 'MZ-02', department: 'DEP-MZ', form: {}, materials: [] });
    w1 = await startWindowTerminal(env.platform.url, 'W01');
    ({ browser, page } = await openDesk(w1.shell.url));
  });

  afterAll(async () => {
    await browser?.close();
    await w1?.stop();
    await env?.stop();
  });

  it('return for supplement: every problem ticked at once is on the printed one-time notice and reaches the kiosks', async () => {
    await open('QX01202611230011A');
    await page.getByTestId('action-supplement').click();
    await page.getByTestId('dialog-supplement').waitFor();
    // The pre-check's blocking problems start ticked; tick the rest of the missing materials too.
    const boxes = page.getByTestId('issue-check');
    for (let i = 0; i < (await boxes.count()); i += 1) {
      const box = boxes.nth(i);
      const line = await box.locator('xpath=ancestor::li').innerText();
      if (line.includes('居民户口簿') && !(await box.isChecked())) await box.check();
    }
    const ticked = await page.getByTestId('issue-count').textContent();
    expect(ticked).toMatch(/已勾选 \d+ 项/);
    await screenshot(page, 'window-supplement-dialog');
    const before = printedTexts(w1.app).length;
    await page.getByTestId('dialog-confirm').click();
    await expect.poll(() => page.getByTestId('application-status').textContent()).toBe('待补正');
    await expect.poll(() => printedTexts(w1.app).length).toBe(before + 1);
    const notice = printedTexts(w1.app).at(-1) ?? '';
    expect(notice).toContain('一次性告知书');
    expect(notice).toContain('居民户口簿');
    expect(notice).toContain('居民身份证数码相片');
    expect(notice).toContain('张三');
    expect(notice).not.toContain(APPLICANT.idNumber);
    expect(await page.getByTestId('outcome').textContent()).toContain('一次性告知书已打印');

    // What a kiosk of the hall pulls from its inbox (and shows in its progress query).
    const inbox = await env.platform.client(env.kiosk).inbox(0, 0);
    const status = inbox.kind === 'ok' ? inbox.value.messages.flatMap((m) => (m.kind === 'application.status' && m.payload.applicationId === 'E2E-R1' ? [m.payload] : [])) : [];
    expect(status.map((s) => s.status)).toEqual(['received', 'supplementRequired']);
    expect(status.at(-1)?.reason).toContain('居民户口簿');
    expect(status.at(-1)?.actor).toEqual({ kind: 'staff', id: 'A0317' });
  });

  it('hand-out: the wrong person is refused, the applicant gets the result and the slip prints', async () => {
    for (const to of ['received', 'accepted', 'inProgress', 'decided', 'resultReady']) {
      expect((await env.platform.admin('POST', '/staff/applications/E2E-H1/transitions', { to, staffId: 'BACK-1' })).status).toBe(200);
    }
    await open('QX01202611230012A');
    expect(await page.getByTestId('application-status').textContent()).toBe('待出件');
    await page.getByTestId('action-handout').click();
    await page.getByTestId('dialog-handout').waitFor();

    await page.getByRole('button', { name: /李小红/ }).click();
    await page.waitForTimeout(300);
    await page.getByTestId('dialog-confirm').click();
    await expect.poll(() => page.getByTestId('outcome').textContent()).toContain('不能出件');
    expect(await page.getByTestId('outcome').getAttribute('data-tone')).toBe('error');
    await screenshot(page, 'window-handout-refused');
    expect((await env.platform.repo.getApplication('E2E-H1'))?.status).toBe('resultReady');

    const before = printedTexts(w1.app).length;
    await page.getByRole('button', { name: /张三/ }).click();
    await page.waitForTimeout(300);
    await page.getByTestId('dialog-confirm').click();
    await expect.poll(() => page.getByTestId('application-status').textContent()).toBe('已出件');
    await expect.poll(() => printedTexts(w1.app).length).toBe(before + 1);
    const slip = printedTexts(w1.app).at(-1) ?? '';
    expect(slip).toContain('领取签收单');
    expect(slip).toContain('申请人本人');
    const trail = (await env.platform.admin('GET', '/admin/staff-audit?applicationId=E2E-H1')).body as { entries: { action: string }[] };
    expect(trail.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['handout.refused', 'handout']));
    expect(await deskLayoutProblems(page)).toEqual([]);
    await screenshot(page, 'window-delivered');
  });

  it('reject with a legal reason; a special procedure with its own time limit, then back in progress (keyboard)', async () => {
    await open('QX01202611230013A');
    await page.keyboard.press('Alt+R');
    await page.getByTestId('dialog-reject').waitFor();
    await page.getByTestId('dialog-confirm').click();
    expect(await page.getByTestId('dialog-reject').count()).toBe(1); // no reason yet: nothing sent
    await page.getByTestId('reject-reason').fill('申请事项依法不属于本行政机关职权范围（《行政许可法》第三十二条第一款第二项），请向有关行政机关申请。');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('application-status').textContent()).toBe('不予受理');
    const rejected = await env.platform.repo.getApplication('E2E-RJ');
    expect(rejected?.events.at(-1)?.note).toContain('第三十二条');

    await open('QX01202611230014A');
    await page.keyboard.press('Alt+A');
    await page.getByTestId('dialog-accept').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('application-status').textContent()).toBe('已受理');
    await page.keyboard.press('Alt+P');
    await page.getByTestId('dialog-special').waitFor();
    expect(await page.getByTestId('dialog-special').innerText()).toContain('入户调查');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('application-status').textContent()).toBe('特别程序');
    expect(await page.getByTestId('application').innerText()).toContain('特别程序');
    await screenshot(page, 'window-special');
    await page.keyboard.press('Alt+P');
    await expect.poll(() => page.getByTestId('application-status').textContent()).toBe('在办');
    const record = await env.platform.repo.getApplication('E2E-SP');
    expect(record?.events.map((e) => e.status)).toEqual(['submitted', 'received', 'accepted', 'inProgress', 'specialProcedure', 'inProgress']);
  });

  it('after the hand-out the citizen rates on the customer screen; the rating reaches the platform tied to the application and the staff member', async () => {
    const code = (await env.platform.admin('POST', '/admin/enrolment-codes', { hallId: HALL })).body as { code: string };
    expect(await w1.app.sync.enrol(code.code, env.platform.url)).toMatchObject({ ok: true });
    await open('QX01202611230012A');
    const customer = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await customer.goto(new URL('/customer', w1.shell.url).toString());
    await page.getByTestId('action-evaluate').click();
    await expect.poll(() => page.getByTestId('outcome').textContent()).toContain('已请群众在评价器上评价');
    await customer.getByTestId('rating-panel').waitFor();
    expect(await customer.getByTestId('rating-staff').innerText()).toContain('A0317');
    await customer.getByTestId('rate-非常满意').click();
    if (await customer.getByTestId('rating-submit').isVisible().catch(() => false)) await customer.getByTestId('rating-submit').click();
    await customer.getByTestId('customer-thanks').waitFor();
    await customer.close();
    // The window page never shows the level.
    expect(await page.locator('body').innerText()).not.toContain('非常满意');
    await expect.poll(async () => (await env.platform.repo.evaluationStats('window', HALL)).find((s) => s.key === 'A0317')?.count ?? 0, { timeout: 20_000 }).toBe(1);
    expect((await env.platform.repo.evaluationStats('department', HALL)).map((s) => s.key)).toEqual(['DEP-GA']);
    expect((await env.platform.repo.evaluationStats('item', HALL)).map((s) => s.key)).toEqual(['GA-03']);
  });
});
