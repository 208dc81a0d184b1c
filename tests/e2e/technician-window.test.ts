import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { kioskLayoutProblems, screenshot } from './support/browser';
import { LANDSCAPE, openTerminalPage } from './support/terminal-page';
import type { TerminalPage } from './support/terminal-page';
import { DEV_PIN, enterPin, tapCorner } from './technician-helpers';

// The staff window workstation (1920×1080) has the same hidden door and console.
describe('technician console from the window workstation, landscape', () => {
  let opened: TerminalPage;
  let page: Page;

  beforeAll(async () => {
    ({ page } = opened = await openTerminalPage({ terminal: { profile: 'window' }, viewport: LANDSCAPE }));
  });

  afterAll(async () => {
    await opened?.close();
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
