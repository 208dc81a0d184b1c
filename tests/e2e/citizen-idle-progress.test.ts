import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { App } from '../../main/app';
import { SAMPLE_PERSONAL, checkStep, domText, openKiosk, placeCard, removeCard, search, typeKeys } from './support/citizen';
import type { Kiosk } from './support/citizen';

function seed(app: App, name: string, idNumber: string, subjectId: string): string {
  const record = app.store.applications.submit({
    kind: 'item',
    subjectId,
    catalogVersion: 'seed',
    hallCode: 'QX01',
    terminal: 'T-0001',
    at: '2026-11-20T09:00:00+08:00',
    actor: { kind: 'citizen', id: 'kiosk' },
    personal: { applicant: { name, idNumber }, values: {} },
    materials: [],
  });
  return record.trackingNo;
}

// Progress by card and by receipt QR (only that person's, only that receipt's); a device fault mid-flow;
// an idle timeout mid-form wipes the page and the stores (short idle timings from the start options).
describe('citizen: progress query, reader fault, idle wipe', () => {
  let kiosk: Kiosk;
  let page: Page;
  let zhangNo: string;
  let liNo: string;

  beforeAll(async () => {
    kiosk = await openKiosk({ terminal: { idle: { idleMs: 8_000, warningMs: 3_000 } } });
    page = kiosk.page;
    zhangNo = seed(kiosk.terminal.app, '张三', '430102199003071234', 'RS-01');
    seed(kiosk.terminal.app, '张三', '430102199003071234', 'GA-05');
    liNo = seed(kiosk.terminal.app, '李小红', '310115197806050029', 'YB-01');
  });

  afterAll(async () => {
    await kiosk?.close();
  });

  it('by card: only the applications of the person whose card is on the reader', async () => {
    await page.getByTestId('begin').click();
    await page.getByTestId('open-progress').click();
    await page.getByTestId('progress-prompt').waitFor();
    await checkStep(page, 'citizen-progress-1-prompt');
    await placeCard(page, /张三/);
    await page.getByTestId('progress-results').waitFor();
    await expect.poll(() => page.getByTestId('progress-entry').count()).toBe(2);
    const text = await page.getByTestId('progress-results').innerText();
    expect(text).toContain(zhangNo);
    expect(text).toContain('社会保障卡申领');
    expect(text).toContain('已提交，待预审');
    expect(text).not.toContain(liNo);
    await checkStep(page, 'citizen-progress-2-by-card');
    await removeCard(page);
  });

  it('by receipt QR: exactly that one application', async () => {
    await page.getByTestId('progress-again').click();
    await page.getByTestId('progress-prompt').waitFor();
    await kiosk.terminal.app.dispatcher.dispatch('sim.scanner.scan', { text: liNo }, { role: 'kiosk' });
    await expect.poll(() => page.getByTestId('progress-entry').count()).toBe(1);
    const text = await page.getByTestId('progress-results').innerText();
    expect(text).toContain(liNo);
    expect(text).not.toContain(zhangNo);
    await checkStep(page, 'citizen-progress-3-by-code');
  });

  it('a scanned receipt on the home screen opens the progress query by itself', async () => {
    await page.getByRole('button', { name: '首页' }).click();
    await kiosk.terminal.app.dispatcher.dispatch('sim.scanner.scan', { text: zhangNo }, { role: 'kiosk' });
    await expect.poll(() => page.getByTestId('progress-entry').count()).toBe(1);
    expect(await page.getByTestId('progress-results').innerText()).toContain(zhangNo);
  });

  it('the reader unplugged at identify: one sentence of what to do, and staff help', async () => {
    await page.getByRole('button', { name: '首页' }).click();
    await search(page, 'sfz', /居民身份证换领/);
    await page.getByTestId('start-application').click();
    await page.getByTestId('sim-reader-cable').click();
    await page.getByTestId('reader-fault').waitFor();
    expect(await page.getByTestId('reader-fault').innerText()).toContain('工作人员');
    await checkStep(page, 'citizen-fault-reader');
    await page.getByTestId('sim-reader-cable').click();
    await expect.poll(() => page.getByTestId('reader-fault').count(), { timeout: 15_000 }).toBe(0);
  });

  it('idle mid-form: the countdown, then nothing personal in the page or the stores', async () => {
    await placeCard(page, /张三/);
    await page.getByTestId('identify-confirm').click();
    await page.locator('.field', { hasText: '手机号码' }).locator('.field-entry').click();
    await typeKeys(page, '13800138000');
    expect(await domText(page)).toContain('13800138000');
    await page.getByTestId('idle-warning').waitFor({ timeout: 15_000 });
    await checkStep(page, 'citizen-idle-warning');
    await page.getByTestId('begin').waitFor({ timeout: 10_000 });
    const html = await domText(page);
    const state = await page.evaluate(() => window.__citizenState?.() ?? 'missing');
    expect(state).not.toBe('missing');
    for (const personal of SAMPLE_PERSONAL) {
      expect(html).not.toContain(personal);
      expect(state).not.toContain(personal);
    }
    const session = await kiosk.terminal.app.dispatcher.dispatch('session.state', {}, { role: 'kiosk' });
    expect(session).toMatchObject({ ok: true, value: { open: false, holders: [] } });
  });
});
