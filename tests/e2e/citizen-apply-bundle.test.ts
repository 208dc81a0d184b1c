import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkStep, lastPrinted, openKiosk, placeCard, typeKeys } from './support/citizen';
import type { Kiosk } from './support/citizen';

// A 一件事 bundle (退休一件事) in English on a landscape 1920×1080 screen: one merged form over three
// services, an answer that includes an optional member, data sharing sparing every paper, the receipt.
describe('citizen: a bundle in English, landscape, attract screen → printed receipt', () => {
  let kiosk: Kiosk;
  let page: Page;

  const chooseEn = async (option: string, index = 0) => {
    await page.getByRole('radio', { name: option, exact: true }).nth(index).click();
  };

  beforeAll(async () => {
    kiosk = await openKiosk({ viewport: { width: 1920, height: 1080 } });
    page = kiosk.page;
  });

  afterAll(async () => {
    await kiosk?.close();
  });

  it('switches to English, opens the bundle guide and starts', async () => {
    await page.getByTestId('begin').click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'What do you need to do?' }).waitFor();
    await page.getByRole('button', { name: /退休一件事/ }).click();
    await page.getByTestId('guide-members').waitFor();
    await checkStep(page, 'citizen-bundle-1-guide');
    await page.getByTestId('start-application').click();
    await page.getByText('Place your ID card on the reader').waitFor();
    await checkStep(page, 'citizen-bundle-2-identify');
    await placeCard(page, /张三/);
    await page.getByTestId('card-panel').waitFor();
    expect(await page.getByTestId('card-panel').innerText()).toContain('Date of birth');
    await page.getByTestId('identify-confirm').click();
  });

  it('fills the merged form: mobile, retirement (date on the digit pad), a housing-fund account, the bank', async () => {
    await page.getByText('Step 2 of 5').waitFor();
    await page.locator('.field', { hasText: '申请人手机号码' }).locator('.field-entry').click();
    await typeKeys(page, '13800138000');
    await checkStep(page, 'citizen-bundle-3-form');
    await page.getByTestId('form-next').click();
    await page.getByRole('heading', { name: '退休信息' }).waitFor();
    await chooseEn('正常退休');
    await page.locator('.field', { hasText: '申请退休日期' }).locator('.field-entry').click();
    await typeKeys(page, '20261201');
    expect(await page.locator('.field', { hasText: '申请退休日期' }).locator('.field-entry').innerText()).toBe('2026-12-01');
    await page.locator('fieldset', { hasText: '独生子女' }).getByRole('radio', { name: '否' }).click();
    await page.locator('fieldset', { hasText: '住房公积金' }).getByRole('radio', { name: '有' }).click();
    await checkStep(page, 'citizen-bundle-4-form-retire');
    await page.getByTestId('form-next').click();
    await page.getByRole('heading', { name: '银行账户' }).waitFor();
    await chooseEn('中国建设银行');
    await page.locator('.field', { hasText: '银行账号' }).locator('.field-entry').click();
    await typeKeys(page, '6217000010001234567');
    await page.getByTestId('form-next').click();
  });

  it('materials: everything comes by data sharing; pre-check passes', async () => {
    await page.getByTestId('materials-provided').waitFor();
    await checkStep(page, 'citizen-bundle-5-materials');
    await page.getByTestId('materials-next').click();
    await page.getByTestId('precheck-ok').waitFor();
    await page.getByTestId('precheck-next').click();
  });

  it('review lists the three services’ answers; submit commits all members in one application', async () => {
    await page.getByRole('heading', { name: 'Check your answers' }).waitFor();
    const review = await page.locator('.screen-body').innerText();
    expect(review).toContain('6217000010001234567');
    expect(review).toContain('2026-12-01');
    await page.getByTestId('consent').click();
    await checkStep(page, 'citizen-bundle-6-review');
    await page.getByTestId('submit').click();
    await page.getByTestId('tracking-number').waitFor();
    const trackingNo = (await page.getByTestId('tracking-number').innerText()).trim();
    const record = kiosk.terminal.app.store.applications.findByTrackingNo(trackingNo);
    expect(record).toMatchObject({ kind: 'bundle', subjectId: 'BND-RETIRE', state: 'submitted' });
    expect(record?.personal?.values['retire.hasHpf']).toBe('1');
    const text = await page.locator('.screen-body').innerText();
    for (const member of ['职工基本养老保险待遇申领（退休）', '职工基本医疗保险退休人员待遇核定', '住房公积金提取（离休、退休）']) expect(text).toContain(member);
    const printed = lastPrinted(kiosk.terminal.app);
    expect(printed.outcome).toBe('printed');
    expect(printed.qr).toEqual([trackingNo]);
    expect(printed.lines.join(' ').replace(/\s+/g, ' ')).toContain('Submitted does not mean accepted: staff will review it and tell you the result.');
    await checkStep(page, 'citizen-bundle-7-submitted');
  });

  it('skips the rating and says goodbye', async () => {
    await page.getByTestId('submitted-rate').click();
    await page.getByTestId('rating-skip').click();
    await page.getByTestId('goodbye').waitFor();
    await checkStep(page, 'citizen-bundle-8-goodbye');
    await page.getByTestId('goodbye-done').click();
    await page.getByTestId('begin').waitFor();
  });
});
