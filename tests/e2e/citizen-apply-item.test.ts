import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { capture, checkStep, choose, domText, lastPrinted, openKiosk, placeCard, removeCard, search } from './support/citizen';
import type { Kiosk } from './support/citizen';

// One item (居民身份证换领) from the attract screen to the printed receipt, portrait 1080×1920, every step
// screenshotted and checked (layout, touch targets, axe), the receipt read back from the printer simulator.
describe('citizen: apply for one item, attract screen → printed receipt', () => {
  let kiosk: Kiosk;
  let page: Page;
  let trackingNo = '';

  beforeAll(async () => {
    kiosk = await openKiosk();
    page = kiosk.page;
  });

  afterAll(async () => {
    await kiosk?.close();
  });

  it('guide → start → identify by card: full details shown here only', async () => {
    await page.getByTestId('begin').click();
    await search(page, 'sfz', /居民身份证换领/);
    await page.getByTestId('start-application').click();
    await page.getByTestId('identify-place').waitFor();
    await checkStep(page, 'citizen-apply-1-identify');
    await placeCard(page, /张三/);
    await page.getByTestId('card-panel').waitFor();
    const panel = await page.getByTestId('card-panel').innerText();
    expect(panel).toContain('张三');
    expect(panel).toContain('430102199003071234');
    await checkStep(page, 'citizen-apply-2-card-read');
    await page.getByTestId('identify-confirm').click();
  });

  it('form page 1: card fields read-only and masked; an error summary that takes focus; the mobile on the digit pad', async () => {
    await page.getByTestId('form-page').waitFor();
    const text = await page.getByTestId('form-page').innerText();
    expect(text).toContain('张*');
    expect(text).toContain('4301**********1234');
    expect(text).not.toContain('430102199003071234');
    await page.getByTestId('form-next').click();
    await page.getByTestId('error-summary').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('error-summary');
    await checkStep(page, 'citizen-apply-3-form-error');
    await page.getByTestId('error-summary').getByRole('link').first().click();
    await page.getByTestId('keyboard').waitFor();
    for (const d of '13800138000') await page.getByTestId('keyboard').getByRole('button', { name: d, exact: true }).click();
    await checkStep(page, 'citizen-apply-4-form-keyboard');
    await page.getByTestId('form-next').click();
  });

  it('form page 2: choices as big buttons; removing the card warns and keeps the answers', async () => {
    await page.getByRole('heading', { name: '身份证办理' }).waitFor();
    await choose(page, '换领原因', '有效期满');
    await choose(page, '证件领取方式', '窗口领取');
    await removeCard(page);
    await page.getByTestId('card-removed').waitFor();
    await choose(page, '是否同时申领临时居民身份证', '否');
    expect(await page.getByRole('radio', { name: '有效期满' }).getAttribute('aria-checked')).toBe('true');
    await checkStep(page, 'citizen-apply-5-form-choices');
    await page.getByTestId('form-next').click();
  });

  it('materials: both sides of the old card and the photo with the document camera', async () => {
    await page.getByTestId('materials-next').waitFor();
    await checkStep(page, 'citizen-apply-6-materials');
    // The page minimum comes with the material list: both sides of the card, shown before and while capturing.
    expect(await page.getByTestId('material-SM-ID-CARD:applicant').innerText()).toContain('至少 2 页');
    expect(await page.getByTestId('material-SM-PHOTO:applicant').innerText()).not.toContain('至少');
    await page.getByTestId('capture-SM-ID-CARD:applicant').click();
    await page.waitForFunction(() => (document.querySelector('video')?.videoWidth ?? 0) > 0);
    await page.getByTestId('camera-capture').click();
    await expect.poll(() => page.getByTestId('camera-pages').locator('img').count()).toBe(1);
    await page.getByText('已拍 1 / 至少 2 页').waitFor();
    await checkStep(page, 'citizen-apply-7-camera');
    await page.getByTestId('camera-capture').click();
    await expect.poll(() => page.getByTestId('camera-pages').locator('img').count()).toBe(2);
    await page.getByTestId('capture-done').click();
    await page.getByTestId('material-SM-ID-CARD:applicant').getByText('已拍 2 / 至少 2 页').waitFor();
    expect(await page.getByTestId('material-SM-ID-CARD:applicant').getAttribute('data-complete')).toBe('true');
    await capture(page, 'SM-PHOTO:applicant', 1);
    await page.getByTestId('materials-next').click();
  });

  it('pre-check passes; review shows everything with change links; consent is needed to submit', async () => {
    await page.getByTestId('precheck-ok').waitFor();
    await checkStep(page, 'citizen-apply-8-precheck');
    await page.getByTestId('precheck-next').click();
    await page.getByTestId('submit').waitFor();
    expect(await page.getByTestId('submit').isDisabled()).toBe(true);
    const review = await page.locator('.screen-body').innerText();
    expect(review).toContain('13800138000');
    expect(review).toContain('有效期满');
    await checkStep(page, 'citizen-apply-9-review');
    await page.getByTestId('consent').click();
    await page.getByTestId('submit').click();
  });

  it('submitted: committed, a large tracking number, and the receipt printed with its QR', async () => {
    await page.getByTestId('tracking-number').waitFor();
    trackingNo = (await page.getByTestId('tracking-number').innerText()).trim();
    expect(trackingNo).toMatch(/^QX01\d{13}[0-9A-Z]$/);
    await page.getByTestId('receipt-printed').waitFor();
    expect(kiosk.terminal.app.store.applications.findByTrackingNo(trackingNo)?.state).toBe('submitted');
    const printed = lastPrinted(kiosk.terminal.app);
    expect(printed.outcome).toBe('printed');
    expect(printed.qr).toEqual([trackingNo]);
    expect(printed.lines.join('\n')).toContain(trackingNo);
    expect(printed.lines.join('')).toContain('提交不等于受理：工作人员审核后会通知您办理结果。');
    expect(printed.lines.join('\n')).not.toContain('430102199003071234');
    await checkStep(page, 'citizen-apply-10-submitted');
  });

  it('rate (skippable) and goodbye: the session is wiped, nothing personal left in the page', async () => {
    await page.getByTestId('submitted-rate').click();
    await page.getByTestId('rating-panel').waitFor();
    await checkStep(page, 'citizen-apply-11-rate');
    await page.getByTestId('rate-非常满意').click();
    await page.getByTestId('goodbye').waitFor({ timeout: 10_000 });
    await checkStep(page, 'citizen-apply-12-goodbye');
    await page.getByTestId('goodbye-done').click();
    await page.getByTestId('begin').waitFor();
    const html = await domText(page);
    for (const personal of ['张三', '430102199003071234', '13800138000', '五一大道']) expect(html).not.toContain(personal);
    // The kiosk rated the application of its own session (the only one it may rate), on the kiosk channel.
    const rated = kiosk.terminal.app.store.applications.findByTrackingNo(trackingNo);
    expect(kiosk.terminal.app.store.evaluations.list(rated?.id ?? '').map((e) => [e.channel, e.level])).toEqual([['kiosk', '非常满意']]);
  });
});
