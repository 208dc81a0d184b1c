import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { capture, checkStep, choose, openKiosk, placeCard, search, typeKeys } from './support/citizen';
import type { Kiosk } from './support/citizen';

// Elderly mode, agent mode (the agent's card, the principal typed with pinyin on the on-screen keyboard),
// a pre-check that fails → one-time notice; then the materials, and a printer out of paper at submission
// → the QR of the tracking number on screen, reprint once paper is back.
describe('citizen: elderly mode, agent mode, pre-check failure and notice, printer out of paper', () => {
  let kiosk: Kiosk;
  let page: Page;

  /** Types Chinese: pinyin on the keyboard, then the character among the candidates. */
  const typeHanzi = async (pinyin: string, ch: string) => {
    await typeKeys(page, pinyin);
    await page.getByTestId('ime-candidates').getByRole('button', { name: ch, exact: true }).first().click();
  };

  beforeAll(async () => {
    kiosk = await openKiosk();
    page = kiosk.page;
  });

  afterAll(async () => {
    await kiosk?.close();
  });

  it('elderly mode enlarges everything and still fits the screen', async () => {
    await page.getByTestId('elderly-toggle').click();
    await page.getByTestId('begin').click();
    await search(page, 'sfz', /居民身份证换领/);
    await page.getByTestId('start-application').click();
    await page.getByTestId('identify-place').waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('30px');
    await checkStep(page, 'citizen-agent-1-identify-elderly');
  });

  it('agent mode: the agent’s card, then the principal typed in (pinyin → 汉字, ID pad), checked by the terminal', async () => {
    await page.getByTestId('agent-toggle').click();
    await page.getByText('请先放置代办人（您本人）的身份证').waitFor();
    await placeCard(page, /张三/);
    await page.getByTestId('principal-form').waitFor();
    // Nothing typed yet: the terminal refuses the empty fields (zod, in the dispatcher); the screen says so
    // in Chinese sentences per field, never zod's English ("Too small: expected string …").
    await page.getByRole('radio', { name: '子女' }).click();
    await page.getByTestId('principal-save').click();
    await page.getByTestId('error-summary').waitFor();
    const empty = await page.getByTestId('error-summary').innerText();
    expect(empty).toContain('申请人姓名');
    expect(empty).toContain('请填写此项');
    expect(empty).not.toMatch(/[A-Za-z]/);
    await typeHanzi('li', '李');
    await typeHanzi('xiao', '小');
    await typeHanzi('hong', '红');
    expect(await page.getByTestId('principal-name').innerText()).toBe('李小红');
    await checkStep(page, 'citizen-agent-2-principal-pinyin');
    await page.getByTestId('principal-id').click();
    await typeKeys(page, '310115197806050028');
    await page.getByRole('radio', { name: '子女' }).click();
    await page.getByTestId('principal-save').click();
    await expect.poll(() => page.getByTestId('error-summary').innerText()).toContain('身份号码校验位不正确');
    expect(await page.getByTestId('error-summary').innerText()).not.toMatch(/[A-Za-z]/);
    await page.getByTestId('principal-id').click();
    await page.getByTestId('keyboard').getByRole('button', { name: '退格' }).click();
    await typeKeys(page, '9');
    await page.getByTestId('principal-save').click();
    await page.getByTestId('card-panel').waitFor();
    expect(await page.getByTestId('card-panel').innerText()).toContain('李小红');
    await page.getByTestId('identify-confirm').click();
  });

  it('the principal’s details pre-fill the form; nation and address are answered here', async () => {
    await page.getByTestId('form-page').waitFor();
    expect(await page.getByTestId('form-page').innerText()).toContain('李**');
    await page.locator('fieldset', { hasText: '申请人民族' }).getByRole('radio', { name: '汉族' }).click();
    await page.locator('.field', { hasText: '户籍地址' }).locator('.field-entry').click();
    await typeHanzi('shang', '上');
    await typeHanzi('hai', '海');
    await typeHanzi('shi', '市');
    await page.getByTestId('keyboard').getByRole('button', { name: '1', exact: true }).click();
    await page.getByTestId('keyboard').getByRole('button', { name: '0', exact: true }).click();
    await typeHanzi('hao', '号');
    expect(await page.locator('.field', { hasText: '户籍地址' }).locator('.field-entry').innerText()).toBe('上海市10号');
    await page.locator('.field', { hasText: '手机号码' }).locator('.field-entry').click();
    await typeKeys(page, '13900139000');
    await checkStep(page, 'citizen-agent-3-form-elderly');
    await page.getByTestId('form-next').click();
    await page.getByRole('heading', { name: '身份证办理' }).waitFor();
    await choose(page, '换领原因', '证件损坏');
    await choose(page, '证件领取方式', '窗口领取');
    await choose(page, '是否同时申领临时居民身份证', '否');
    await page.getByTestId('form-next').click();
  });

  it('pre-check without the materials lists them all at once; the one-time notice prints', async () => {
    await page.getByTestId('materials-next').click();
    await page.getByTestId('error-summary').waitFor();
    const summary = await page.getByTestId('error-summary').innerText();
    expect(summary).toContain('原居民身份证');
    expect(summary).toContain('数码相片');
    await checkStep(page, 'citizen-agent-4-precheck-failed');
    const before = kiosk.terminal.app.devices.printer?.recentJobs().length ?? 0;
    await page.getByTestId('print-notice').click();
    await page.getByTestId('notice-result').waitFor();
    const jobs = kiosk.terminal.app.devices.printer?.recentJobs() ?? [];
    expect(jobs.length).toBe(before + 1);
    expect(jobs.at(-1)).toMatchObject({ title: 'one-time-notice', outcome: 'printed' });
    await checkStep(page, 'citizen-agent-5-notice-printed');
  });

  it('fixing it now instead: the link leads to the materials; the printer is out of paper at submission', async () => {
    await page.getByTestId('error-summary').getByRole('link').first().click();
    await page.getByTestId('materials-next').waitFor();
    await capture(page, 'SM-ID-CARD:applicant', 2);
    await capture(page, 'SM-PHOTO:applicant', 1);
    await page.getByTestId('materials-next').click();
    await page.getByTestId('precheck-next').click();
    await page.getByTestId('consent').click();
    await kiosk.terminal.app.dispatcher.dispatch('sim.printer.setPaper', { state: 'out' }, { role: 'kiosk' });
    await page.getByTestId('submit').click();
    await page.getByTestId('receipt-fallback').waitFor();
    const trackingNo = (await page.getByTestId('tracking-number').innerText()).trim();
    expect(await page.getByTestId('receipt-fallback').innerText()).toContain(trackingNo);
    expect(await page.getByTestId('qr').count()).toBe(1);
    const record = kiosk.terminal.app.store.applications.findByTrackingNo(trackingNo);
    expect(record?.personal?.applicant).toEqual({ name: '李小红', idNumber: '310115197806050029' });
    expect(record?.personal?.values).toMatchObject({ 'agent.name': '张三', 'agent.relation': 'child' });
    await checkStep(page, 'citizen-agent-6-paper-out');
    await kiosk.terminal.app.dispatcher.dispatch('sim.printer.setPaper', { state: 'ok' }, { role: 'kiosk' });
    await page.getByTestId('reprint').click();
    await page.getByTestId('receipt-printed').waitFor();
  });
});
