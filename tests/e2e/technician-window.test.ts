import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { kioskLayoutProblems, launchChromium, screenshot } from './support/browser';
import { startTerminal } from './support/terminal';
import { DEV_PIN, enterPin, tapCorner } from './technician-helpers';

// The staff window workstation (1920×1080) has the same hidden door and console.
describe('technician console from the window workstation, landscape', () => {
  let terminal: Awaited<ReturnType<typeof startTerminal>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    terminal = await startTerminal({ profile: 'window' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(terminal.shell.url);
  });

  afterAll(async () => {
    await browser?.close();
    await terminal?.stop();
  });

  it('five taps in the corner, the PIN, and the console fits 1920×1080', async () => {
    await page.getByTestId('technician-corner').waitFor({ state: 'attached' });
    await tapCorner(page);
    await page.getByTestId('pin-pad').waitFor();
    await screenshot(page, 'technician-window-pin');
    await enterPin(page, DEV_PIN);
    await page.waitForURL(/\/technician$/);
    await page.getByTestId('technician-console').waitFor();
    await page.getByTestId('device-printer').waitFor();
    expect(await kioskLayoutProblems(page)).toEqual([]);
    await screenshot(page, 'technician-window-console');
  });
});
