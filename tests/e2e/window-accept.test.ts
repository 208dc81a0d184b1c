// The window workstation in Chromium (web shell, reference platform in-process): staff sign-in, a kiosk
// submission in the queue with its time-limit state, the application with the applicant masked and the
// captured pages, accept → 受理通知书 printed with the working-day date; and the accept path by keyboard only.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadCatalog } from '../../main/catalog';
import { silentLogger } from '../../main/log';
import { hallDate } from '../../main/window/view';
import { chineseDate } from '../../src/documents/format';
import { launchChromium, screenshot } from './support/browser';
import { ROOT } from './support/terminal';
import { APPLICANT, deskLayoutProblems, documentPage, printedTexts, signIn, startWindowPlatform, startWindowTerminal, submitFromKiosk } from './support/window';
import type { WindowTerminal } from './support/window';

const GA03_FORM = { 'applicant.name': APPLICANT.name, 'applicant.idNumber': APPLICANT.idNumber, 'applicant.gender': '1', 'applicant.birthDate': '1990-03-07', 'applicant.address': '湖南省长沙市芙蓉区五一大道1号', 'applicant.mobile': APPLICANT.phone, 'idcard.reason': 'expired', 'idcard.collect': 'window', 'idcard.needTemporary': '0' };
const GA03_MATERIALS = [
  { key: 'SM-ID-CARD:applicant', bytes: documentPage(3), mediaType: 'image/png' },
  { key: 'SM-APPLICATION-FORM:applicant', bytes: documentPage(7), mediaType: 'image/png' },
];

describe('window workstation: queue, application, accept', () => {
  let env: Awaited<ReturnType<typeof startWindowPlatform>>;
  let w1: WindowTerminal;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) throw new Error('Run `npm run build:renderer` first (npm test does).');
    env = await startWindowPlatform();
    for (const n of [1, 2]) {
      await submitFromKiosk(env.platform, env.kiosk, { id: `E2E-A${n}`, trackingNumber: `QX0120261123000${n}A`, itemCode: 'GA-03', department: 'DEP-GA', form: GA03_FORM, materials: GA03_MATERIALS });
    }
    await submitFromKiosk(env.platform, env.kiosk, { id: 'E2E-SJ', trackingNumber: 'QX01202611230009B', itemCode: 'SJ-02', department: 'DEP-SJ', form: {}, materials: [] });
    w1 = await startWindowTerminal(env.platform.url, 'W01');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(w1.shell.url);
    await page.getByTestId('staff-number').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await w1?.stop();
    await env?.stop();
  });

  it('signs in with staff number and PIN; a wrong PIN says how many tries are left', async () => {
    await page.getByTestId('staff-number').fill('A0317');
    await page.getByTestId('staff-pin').fill('000000');
    await page.getByTestId('signin-submit').click();
    await expect.poll(() => page.getByTestId('signin-error').textContent()).toContain('还可尝试 4 次');
    await screenshot(page, 'window-signin');
    await signIn(page);
    expect(await page.getByTestId('staff').textContent()).toContain('A0317');
  });

  it('shows the kiosk submissions of its categories, most urgent first, with the time-limit state', async () => {
    await page.getByTestId('queue-row').first().waitFor();
    const trackings = await page.getByTestId('queue-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-tracking')));
    expect(trackings).toEqual(expect.arrayContaining(['QX01202611230001A', 'QX01202611230002A']));
    expect(trackings).not.toContain('QX01202611230009B');
    const badge = await page.getByTestId('limit-badge').first().textContent();
    expect(badge).toMatch(/正常|预警|超期/);
    const queueText = await page.getByTestId('queue').innerText();
    expect(queueText).not.toContain(APPLICANT.idNumber);
    expect(queueText).toContain('张*');
    expect(await page.getByTestId('platform-state').textContent()).toBe('平台已连接');
    expect(await deskLayoutProblems(page)).toEqual([]);
    await screenshot(page, 'window-queue');
  });

  it('opens an application: applicant masked until revealed, merged form, material pages to zoom and rotate', async () => {
    await page.locator('[data-tracking="QX01202611230001A"]').click();
    await page.getByTestId('application').waitFor();
    expect(await page.getByTestId('applicant-id').textContent()).toBe('4301**********1234');
    expect(await page.getByTestId('application').innerText()).not.toContain('五一大道');
    await page.getByTestId('material-open').first().click();
    await page.getByTestId('viewer-image').waitFor();
    await page.getByTestId('viewer-rotate').click();
    expect(await page.getByTestId('viewer-image').getAttribute('style')).toContain('rotate(90deg)');
    // Pre-check problems are worded by the window in its language, not the domain's bilingual message.
    const problems = await page.getByTestId('precheck-problems').innerText();
    expect(problems).toContain('未填写：申请人民族');
    expect(problems).toContain('至少需要 2 页，只有 1 页');
    expect(problems).not.toContain('(required)');
    await screenshot(page, 'window-application');
    await page.getByTestId('reveal').click();
    await expect.poll(() => page.getByTestId('applicant-id').textContent()).toBe(APPLICANT.idNumber);
    const trail = (await env.platform.admin('GET', '/admin/staff-audit?applicationId=E2E-A1')).body as { entries: { action: string; staffNumber: string; windowId: string }[] };
    expect(trail.entries.map((e) => `${e.action}:${e.staffNumber}:${e.windowId}`)).toContain('reveal:A0317:W01');
    expect(await deskLayoutProblems(page)).toEqual([]);
  });

  it('accept prints the acceptance notice with the promised date in working days', async () => {
    const before = printedTexts(w1.app).length;
    await page.getByTestId('action-accept').click();
    await page.getByTestId('dialog-accept').waitFor();
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('outcome').waitFor();
    const catalog = loadCatalog(w1.app.store, silentLogger);
    const due = catalog?.calendar.addWorkingDays(hallDate(new Date()), 15).date ?? 'unknown';
    expect(await page.getByTestId('outcome').textContent()).toContain(`承诺于 ${due} 前办结`);
    await expect.poll(() => page.getByTestId('application-status').textContent()).toBe('已受理');
    await expect.poll(() => printedTexts(w1.app).length).toBe(before + 1);
    const notice = printedTexts(w1.app).at(-1) ?? '';
    expect(notice).toContain('受理通知书');
    expect(notice).toContain(`预计于${chineseDate(due)}前办结`);
    expect(notice).toContain('15个工作日');
    expect(notice).toContain('A0317');
    expect((await env.platform.repo.getApplication('E2E-A1'))?.status).toBe('accepted');
    await screenshot(page, 'window-accepted');
  });

  it('the accept path by keyboard only: find by tracking number, open, Alt+A, Enter', async () => {
    const before = printedTexts(w1.app).length;
    await page.keyboard.press('Alt+F');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('find-input');
    await page.keyboard.type('QX0120261123 0002A');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('application-tracking').textContent()).toBe('QX0120261123 0002A'.replace(' ', ''));
    await page.keyboard.press('Alt+A');
    await page.getByTestId('dialog-accept').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('dialog-confirm');
    await screenshot(page, 'window-keyboard-accept-dialog');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('application-status').textContent()).toBe('已受理');
    await expect.poll(() => printedTexts(w1.app).length).toBe(before + 1);
    expect(printedTexts(w1.app).at(-1)).toContain('受理通知书');
    expect((await env.platform.repo.getApplication('E2E-A2'))?.status).toBe('accepted');
  });

  it('finds by a scanned receipt QR and by the ID card on the reader; locks and unlocks with the PIN', async () => {
    await w1.app.dispatcher.dispatch('sim.scanner.scan', { text: 'QX01202611230001A' }, { role: 'window' });
    await expect.poll(() => page.getByTestId('application-tracking').textContent()).toBe('QX01202611230001A');

    await page.getByRole('button', { name: /放置 居民身份证 · 张三/ }).click();
    await page.waitForTimeout(300);
    await page.keyboard.press('Alt+C');
    await expect.poll(() => page.getByTestId('queue-row').count()).toBe(2);
    expect(await page.locator('.window-queue-head h2').textContent()).toBe('查找结果 2 件');

    await page.keyboard.press('Alt+L');
    await page.getByTestId('unlock-pin').waitFor();
    expect(await page.locator('body').innerText()).not.toContain('QX01202611230001A');
    await page.getByTestId('unlock-pin').fill('111111');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[role="alert"]').textContent()).toBe('密码错误');
    await page.getByTestId('unlock-pin').fill('246810');
    await page.keyboard.press('Enter');
    await page.getByTestId('workstation').waitFor();
  });
});
