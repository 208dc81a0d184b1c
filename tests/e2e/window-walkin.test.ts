// Walk-in intake at the window in Chromium at 1920×1080 (web shell, reference platform in-process): staff
// sign in, start a walk-in by keyboard (Alt+N), find the item in the catalogue search, read the simulated
// card (Alt+C), fill the kiosk's merged form with the keyboard, tick an original checked on paper and
// capture the photo with Chromium's fake document camera (Alt+M, Enter, Ctrl+Enter), pre-check (Alt+K),
// submit and accept (Alt+A): the 受理通知书 comes out of the printer simulator and the application is on the
// platform and in the window's queue as accepted, the captured page in the material viewer. Reject prints
// the 不予受理通知书.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { FAKE_CAMERA } from './support/citizen';
import { ROOT } from './support/terminal';
import { APPLICANT, HALL, deskLayoutProblems, openDesk, printedTexts, startWindowPlatform, startWindowTerminal, submitFromKiosk } from './support/window';
import type { WindowTerminal } from './support/window';

const FORM = { 'applicant.name': APPLICANT.name, 'applicant.idNumber': APPLICANT.idNumber, 'applicant.gender': '1', 'applicant.birthDate': '1990-03-07', 'applicant.mobile': APPLICANT.phone, 'idcard.reason': 'expired', 'idcard.collect': 'window', 'idcard.needTemporary': '0' };

describe('window workstation: walk-in intake (现场受理) and the 不予受理通知书', () => {
  let env: Awaited<ReturnType<typeof startWindowPlatform>>;
  let w1: WindowTerminal;
  let browser: Browser;
  let page: Page;
  let trackingNo = '';

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) throw new Error('Run `npm run build:renderer` first (npm test does).');
    env = await startWindowPlatform();
    await submitFromKiosk(env.platform, env.kiosk, { id: 'E2E-WR1', trackingNumber: 'QX01202611230021A', itemCode: 'GA-03', department: 'DEP-GA', form: FORM, materials: [] });
    w1 = await startWindowTerminal(env.platform.url, 'W01');
    // The workstation's own records (walk-ins) reach the platform through its sync, enrolled like any terminal.
    const code = (await env.platform.admin('POST', '/admin/enrolment-codes', { hallId: HALL })).body as { code: string };
    expect(await w1.app.sync.enrol(code.code, env.platform.url)).toMatchObject({ ok: true });
    ({ browser, page } = await openDesk(w1.shell.url, FAKE_CAMERA));
  });

  afterAll(async () => {
    await browser?.close();
    await w1?.stop();
    await env?.stop();
  });

  it('Alt+N starts a walk-in; the item is found by its pinyin initials and chosen with the keyboard', async () => {
    await page.getByTestId('queue-row').first().waitFor();
    await page.keyboard.press('Alt+N');
    await page.getByTestId('walkin-search').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('walkin-search');
    await page.keyboard.type('sfz');
    await page.getByTestId('walkin-hit').filter({ hasText: '居民身份证换领' }).waitFor();
    const names = await page.getByTestId('walkin-hit').allInnerTexts();
    const at = names.findIndex((n) => n.includes('居民身份证换领'));
    for (let i = 0; i < at; i += 1) await page.keyboard.press('ArrowDown');
    expect(await deskLayoutProblems(page)).toEqual([]);
    await screenshot(page, 'window-walkin-1-pick');
    await page.keyboard.press('Enter');
    await page.getByTestId('walkin-form').waitFor();
  });

  it('reads the simulated card with Alt+C: the card fields are filled and locked, masked on screen', async () => {
    await page.getByRole('button', { name: /张三/ }).click(); // the simulator panel places 张三's card
    // Read when it is placed; Alt+C reads the card on the reader again.
    await expect.poll(() => page.getByTestId('walkin-card-applicant').textContent()).toContain('张*');
    await page.keyboard.press('Alt+C');
    await page.waitForTimeout(300);
    expect(await page.getByTestId('walkin-problem').count()).toBe(0);
    expect(await page.getByTestId('walkin-card-applicant').textContent()).toContain('张*');
    const form = await page.getByTestId('walkin-form').innerText();
    expect(form).toContain('张*');
    expect(form).toContain('4301**********1234');
    expect(form).not.toContain(APPLICANT.idNumber);
  });

  it('the form by keyboard; pre-check lists what is missing; the ID card checked on paper, the photo captured with the camera; pre-check passes', async () => {
    await page.keyboard.press('Alt+K');
    await page.getByTestId('walkin-precheck').waitFor();
    expect(await page.getByTestId('walkin-precheck').innerText()).toMatch(/预审发现 \d+ 个问题/);
    expect(await page.getByTestId('walkin-precheck').innerText()).not.toContain('(required)');
    await screenshot(page, 'window-walkin-2-precheck-problems');

    await page.locator('#field-applicant_mobile').focus();
    await page.keyboard.type('13800138000');
    for (const option of ['有效期满', '窗口领取', '否']) {
      await page.getByRole('radio', { name: option, exact: true }).first().focus();
      await page.keyboard.press('Space');
    }
    await page.getByTestId('walkin-paper-SM-ID-CARD:applicant').focus();
    await page.keyboard.press('Space');

    // Alt+M opens the document camera for the material whose row has the focus; Enter captures, Ctrl+Enter saves.
    await page.getByTestId('walkin-paper-SM-PHOTO:applicant').focus();
    await page.keyboard.press('Alt+M');
    await page.getByTestId('walkin-camera').waitFor();
    expect(await page.getByTestId('walkin-camera').locator('h2').innerText()).toContain('数码相片');
    await expect.poll(() => page.getByTestId('camera-video').evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('camera-pages').locator('img').count(), { timeout: 10_000 }).toBe(1);
    // Delete, then capture again with space: one page.
    await page.getByTestId('camera-pages').getByRole('button', { name: '删除' }).click();
    await expect.poll(() => page.getByTestId('camera-pages').locator('img').count()).toBe(0);
    await page.getByTestId('walkin-camera').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('camera-pages').locator('img').count(), { timeout: 10_000 }).toBe(1);
    expect(Number(await page.getByTestId('camera-pages').locator('img').getAttribute('data-bytes'))).toBeLessThanOrEqual(1_500_000);
    expect(await deskLayoutProblems(page)).toEqual([]);
    await screenshot(page, 'window-walkin-3a-camera');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('walkin-camera').waitFor({ state: 'detached' });
    expect(await page.getByTestId('walkin-pages-SM-PHOTO:applicant').innerText()).toBe('已拍 1 / 1 页');

    await page.keyboard.press('Alt+K');
    await expect.poll(() => page.getByTestId('walkin-precheck').innerText()).toContain('预审通过');
    expect(await deskLayoutProblems(page)).toEqual([]);
    await screenshot(page, 'window-walkin-3-ready');
  });

  it('Alt+A records and accepts on the spot: the 受理通知书 is printed with the tracking number', async () => {
    const before = printedTexts(w1.app).length;
    await page.keyboard.press('Alt+A');
    await page.getByTestId('walkin-done').waitFor();
    trackingNo = (await page.getByTestId('walkin-tracking').innerText()).trim();
    expect(trackingNo).toMatch(/^QX01\d{13}[0-9A-Z]$/);
    expect(await page.getByTestId('walkin-printed').innerText()).toBe('受理通知书已打印');
    await expect.poll(() => printedTexts(w1.app).length).toBe(before + 1);
    const notice = printedTexts(w1.app).at(-1) ?? '';
    expect(notice).toContain('受理通知书');
    expect(notice).toContain(trackingNo);
    expect(notice).toContain('张三：');
    expect(notice).toContain('综合窗口 1');
    expect(notice).not.toContain(APPLICANT.idNumber);
    const local = w1.app.store.applications.findByTrackingNo(trackingNo);
    expect(local?.state).toBe('accepted');
    await screenshot(page, 'window-walkin-4-accepted');
  });

  it('it reaches the platform accepted by the staff member and shows in the queue as accepted', async () => {
    const id = w1.app.store.applications.findByTrackingNo(trackingNo)?.id ?? '';
    await expect.poll(async () => (await env.platform.repo.getApplication(id))?.status, { timeout: 15_000 }).toBe('accepted');
    const events = (await env.platform.repo.getApplication(id))?.events ?? [];
    expect(events.map((e) => e.status)).toEqual(['submitted', 'received', 'accepted']);
    expect(events.at(-1)?.source).toContain('staff:A0317@window:W01');
    await page.getByTestId('walkin-back').click();
    const row = page.locator(`[data-tracking="${trackingNo}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('已受理');
    await row.click();
    await expect.poll(() => page.getByTestId('application-status').textContent()).toBe('已受理');
    // The original checked on paper is marked so, not "not submitted"; the captured photo opens in the viewer.
    const materials = await page.getByTestId('materials').innerText();
    expect(materials).toContain('原居民身份证');
    expect(materials.match(/已核验原件/g)?.length).toBe(1);
    const open = page.getByTestId('materials').getByTestId('material-open');
    await expect.poll(() => open.count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => open.isEnabled(), { timeout: 15_000 }).toBe(true);
    await open.click();
    await page.getByTestId('viewer-image').waitFor();
    await expect.poll(() => page.getByTestId('viewer-image').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect(await deskLayoutProblems(page)).toEqual([]);
    await screenshot(page, 'window-walkin-5-in-queue');
  });

  it('reject with a legal reason prints the 不予受理通知书 (read back from the printer simulator)', async () => {
    await page.locator('[data-tracking="QX01202611230021A"]').click();
    await expect.poll(() => page.getByTestId('application-status').textContent()).toBe('自助申报');
    const before = printedTexts(w1.app).length;
    await page.keyboard.press('Alt+R');
    await page.getByTestId('dialog-reject').waitFor();
    await page.getByTestId('reject-reason').fill('申请事项依法不属于本行政机关职权范围，依据《中华人民共和国行政许可法》第三十二条第一款第（二）项');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('application-status').textContent()).toBe('不予受理');
    await expect.poll(() => printedTexts(w1.app).length).toBe(before + 1);
    const notice = printedTexts(w1.app).at(-1) ?? '';
    expect(notice).toContain('不予受理通知书');
    expect(notice).toContain('居民身份证换领');
    expect(notice).toContain('第三十二条第一款第（二）项。');
    expect(notice).toContain('六十日内依法申请行政复议');
    expect(notice).toContain('综合窗口 1');
    expect(notice).toContain('张三：');
    expect(notice).not.toContain(APPLICANT.idNumber);
    await screenshot(page, 'window-walkin-6-rejected');
  });
});
