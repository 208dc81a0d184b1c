import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { kioskLayoutProblems, screenshot } from './support/browser';
import { openTerminalPage } from './support/terminal-page';
import type { Terminal, TerminalPage } from './support/terminal-page';
import { openConsole } from './technician-helpers';

// Chromium's fake camera stands in for the document camera (高拍仪): a moving test pattern.
const FAKE_CAMERA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

describe('technician console: device list, scanner and pad test, document camera test', () => {
  let opened: TerminalPage;
  let terminal: Terminal;
  let page: Page;

  beforeAll(async () => {
    ({ terminal, page } = opened = await openTerminalPage({ chromiumArgs: FAKE_CAMERA, path: null }));
    await openConsole(page, terminal.shell.url);
  });

  afterAll(async () => {
    await opened?.close();
  });

  it('lists the devices with live status', async () => {
    await page.getByTestId('device-idcard').waitFor();
    expect(await page.getByTestId('device-idcard').innerText()).toContain('就绪');
  });

  it('shows scans and evaluation-pad keys as they arrive from the devices', async () => {
    await page.getByTestId('test-scanner').click();
    await page.getByTestId('test-evaluator').click();
    await page.getByText('扫码器 · 评价器 · 打印机').click();
    await page.getByTestId('sim-scan').click();
    await expect.poll(() => page.getByTestId('last-scan').innerText()).toContain('HALL0001202611230000A');
    await page.getByTestId('sim-pad-满意').click();
    await expect.poll(() => page.getByTestId('last-key').innerText()).toBe('满意');
    await page.getByTestId('sim-pad-非常不满意').click();
    await expect.poll(() => page.getByTestId('last-key').innerText()).toBe('非常不满意');
    await page.getByTestId('sim-paper-out').click();
    await expect.poll(() => page.getByTestId('device-printer').innerText()).toMatch(/缺纸|paper|故障/i);
    await page.getByTestId('sim-paper-ok').click();
    await page.getByText('扫码器 · 评价器 · 打印机').click();
    await page.getByTestId('test-scanner').click();
    await page.getByTestId('test-evaluator').click();
  });

  it('captures, retakes and deletes pages as size-capped JPEGs', async () => {
    await page.getByTestId('start-camera-test').click();
    await page.waitForFunction(() => {
      const v = document.querySelector('video');
      return v !== null && v.videoWidth > 0;
    });
    const capture = page.getByTestId('camera-capture');
    await capture.click();
    await expect.poll(() => page.getByTestId('camera-pages').locator('img').count()).toBe(1);
    await capture.click();
    await expect.poll(() => page.getByTestId('camera-pages').locator('img').count()).toBe(2);

    const first = await page.getByTestId('camera-pages').locator('img').first().getAttribute('src');
    await page.getByRole('button', { name: '重拍' }).first().click();
    await capture.click();
    await expect.poll(() => page.getByTestId('camera-pages').locator('img').first().getAttribute('src')).not.toBe(first);
    expect(await page.getByTestId('camera-pages').locator('img').count()).toBe(2);

    // The page's CSP forbids fetch() of blob: URLs, so the component exposes each JPEG's type and size.
    const blobs = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLImageElement>('[data-testid="camera-pages"] img')).map((img) => ({
        type: img.dataset.type,
        size: Number(img.dataset.bytes),
        width: img.naturalWidth,
      })),
    );
    for (const blob of blobs) {
      expect(blob.type).toBe('image/jpeg');
      expect(blob.size).toBeGreaterThan(1_000);
      expect(blob.size).toBeLessThanOrEqual(1_500_000);
      expect(blob.width).toBeLessThanOrEqual(2400);
    }
    expect(await kioskLayoutProblems(page)).toEqual([]);
    await screenshot(page, 'technician-camera');

    await page.getByRole('button', { name: '删除' }).nth(1).click();
    await expect.poll(() => page.getByTestId('camera-pages').locator('img').count()).toBe(1);
  });

  it('releases the camera when the test ends', async () => {
    await page.getByRole('button', { name: '结束测试' }).click();
    await expect.poll(() => page.locator('video').count()).toBe(0);
    await page.getByTestId('start-camera-test').waitFor();
  });
});
