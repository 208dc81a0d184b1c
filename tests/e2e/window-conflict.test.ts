// Two windows on one application: the platform's state machine decides, the second window is told who
// acted first. And offline: the queue is the last synced copy marked stale, an action is kept and applied
// when the platform is back (its notice printed then).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startFaultProxy } from '../support/fault-proxy';
import type { FaultProxy } from '../support/fault-proxy';
import { launchChromium, screenshot } from './support/browser';
import { ROOT } from './support/terminal';
import { APPLICANT, deskLayoutProblems, documentPage, openByTracking, printedTexts, signIn, startWindowPlatform, startWindowTerminal, submitFromKiosk } from './support/window';
import type { WindowTerminal } from './support/window';

const FORM = { 'applicant.name': APPLICANT.name, 'applicant.idNumber': APPLICANT.idNumber, 'applicant.nation': '01', 'idcard.reason': 'expired' };

describe('window workstation: two windows on one application, and offline', () => {
  let env: Awaited<ReturnType<typeof startWindowPlatform>>;
  let proxy: FaultProxy;
  let w1: WindowTerminal;
  let w2: WindowTerminal;
  let browser: Browser;
  let page1: Page;
  let page2: Page;

  const open = openByTracking;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) throw new Error('Run `npm run build:renderer` first (npm test does).');
    env = await startWindowPlatform();
    for (const [id, tracking] of [['E2E-C1', 'QX01202611230021A'], ['E2E-O1', 'QX01202611230022A']] as const) {
      await submitFromKiosk(env.platform, env.kiosk, { id, trackingNumber: tracking, itemCode: 'GA-03', department: 'DEP-GA', form: FORM, materials: [{ key: 'SM-ID-CARD:applicant', bytes: documentPage(5), mediaType: 'image/png' }] });
    }
    // Window 1's line to the platform goes through a proxy the test can cut.
    proxy = await startFaultProxy(env.platform.url);
    w1 = await startWindowTerminal(proxy.url, 'W01');
    w2 = await startWindowTerminal(env.platform.url, 'W02');
    browser = await launchChromium();
    page1 = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page2 = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page1.goto(w1.shell.url);
    await page2.goto(w2.shell.url);
    await page1.getByTestId('staff-number').waitFor();
    await page2.getByTestId('staff-number').waitFor();
    await signIn(page1, 'A0317');
    await signIn(page2, 'A0318');
  });

  afterAll(async () => {
    await browser?.close();
    await w1?.stop();
    await w2?.stop();
    await proxy?.close();
    await env?.stop();
  });

  it('both windows open the same application; the second to accept is told which window acted first', async () => {
    await open(page1, 'QX01202611230021A');
    await open(page2, 'QX01202611230021A');
    await page2.getByTestId('action-accept').click();
    await page2.getByTestId('dialog-confirm').click();
    await expect.poll(() => page2.getByTestId('application-status').textContent()).toBe('已受理');

    // Window 1 still shows 自助申报 and tries to accept.
    expect(await page1.getByTestId('application-status').textContent()).toBe('自助申报');
    const printedBefore = printedTexts(w1.app).length;
    await page1.getByTestId('action-accept').click();
    await page1.getByTestId('dialog-confirm').click();
    await page1.getByTestId('outcome').waitFor();
    const told = (await page1.getByTestId('outcome').textContent()) ?? '';
    expect(told).toContain('W02 窗口（工号 A0318）');
    expect(told).toContain('已受理');
    expect(told).toContain('本窗口的操作未执行');
    expect(await page1.getByTestId('outcome').getAttribute('data-tone')).toBe('error');
    // Window 1 now shows the platform's state, and printed nothing.
    await expect.poll(() => page1.getByTestId('application-status').textContent()).toBe('已受理');
    expect(printedTexts(w1.app).length).toBe(printedBefore);
    await screenshot(page1, 'window-conflict');
  });

  it('offline: the last synced queue marked stale, the action kept and applied (notice printed) when the platform is back', async () => {
    await page1.getByTestId('outcome').getByRole('button').click();
    await open(page1, 'QX01202611230022A');
    proxy.setPlan(() => 'drop');
    await page1.getByTestId('action-accept').click();
    await page1.getByTestId('dialog-confirm').click();
    await expect.poll(() => page1.getByTestId('outcome').textContent()).toContain('操作已保存');
    await page1.getByTestId('stale-banner').waitFor();
    expect(await page1.getByTestId('platform-state').textContent()).toBe('平台连接中断');
    expect(await page1.getByTestId('pending-actions').textContent()).toContain('1 项操作待提交');
    const rows = await page1.getByTestId('queue-row').count();
    expect(rows).toBeGreaterThan(0);
    expect(await deskLayoutProblems(page1)).toEqual([]);
    await screenshot(page1, 'window-offline');
    expect((await env.platform.repo.getApplication('E2E-O1'))?.status).toBe('submitted');

    const printedBefore = printedTexts(w1.app).length;
    proxy.setPlan(() => 'pass');
    await expect.poll(async () => (await env.platform.repo.getApplication('E2E-O1'))?.status, { timeout: 15_000 }).toBe('accepted');
    await expect.poll(() => page1.getByTestId('pending-actions').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => page1.getByTestId('platform-state').textContent()).toBe('平台已连接');
    await expect.poll(() => printedTexts(w1.app).length, { timeout: 10_000 }).toBe(printedBefore + 1);
    expect(printedTexts(w1.app).at(-1)).toContain('受理通知书');
    const events = (await env.platform.repo.getApplication('E2E-O1'))?.events ?? [];
    expect(events.at(-1)?.source).toBe('staff:A0317@window:W01');
  });
});
