import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { kioskLayoutProblems, screenshot } from './support/browser';
import { openTerminalPage } from './support/terminal-page';
import type { Terminal, TerminalPage } from './support/terminal-page';
import { DEV_PIN, enterPin } from './technician-helpers';

describe('technician console: five wrong PINs lock it for five minutes', () => {
  let opened: TerminalPage;
  let terminal: Terminal;
  let page: Page;

  beforeAll(async () => {
    ({ terminal, page } = opened = await openTerminalPage({ path: '/technician' }));
  });

  afterAll(async () => {
    await opened?.close();
  });

  it('the /technician page without a PIN shows only the PIN pad', async () => {
    await page.getByTestId('pin-pad').waitFor();
    expect(await page.getByTestId('technician-console').count()).toBe(0);
    expect(await page.getByTestId('device-printer').count()).toBe(0);
  });

  it('counts down the attempts, then locks — even for the right PIN, and after a reload', async () => {
    for (let left = 4; left >= 1; left -= 1) {
      await enterPin(page, '111111');
      await expect.poll(() => page.getByTestId('pin-notice').innerText()).toContain(`还可尝试 ${left} 次`);
    }
    await enterPin(page, '111111');
    await expect.poll(() => page.getByTestId('pin-notice').innerText()).toMatch(/已锁定至 \d\d:\d\d/);
    await expect.poll(() => page.getByTestId('pin-pad').count()).toBe(0);
    expect(await kioskLayoutProblems(page)).toEqual([]);
    await screenshot(page, 'technician-locked');
    // The lock is kept by the terminal, not the page: a reload is still locked, and so is the right PIN.
    await page.reload();
    await page.getByTestId('pin-locked').waitFor();
    expect(await page.getByTestId('pin-pad').count()).toBe(0);
    const direct = await terminal.app.dispatcher.dispatch('technician.unlock', { pin: DEV_PIN }, { role: 'technician', connection: 'other' });
    expect(direct).toMatchObject({ ok: true, value: { status: 'locked' } });
    const stored = JSON.parse(terminal.app.store.settings.get('technician.lockout') ?? '{}') as { lockedUntil: string };
    expect(Date.parse(stored.lockedUntil) - Date.now()).toBeGreaterThan(4.5 * 60_000);
  });
});
