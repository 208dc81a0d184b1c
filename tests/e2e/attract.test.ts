import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { kioskLayoutProblems, screenshot } from './support/browser';
import { ROOT } from './support/terminal';
import { openTerminalPage } from './support/terminal-page';
import type { TerminalPage } from './support/terminal-page';

describe('attract screen: a simulated card read reaches the screen, masked', () => {
  let opened: TerminalPage;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) throw new Error('Run `npm run build:renderer` first (npm test does).');
    const errors: string[] = [];
    ({ page } = opened = await openTerminalPage({
      onPage: (p) => {
        p.on('pageerror', (e) => errors.push(e.message));
        p.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
      },
    }));
    expect(errors).toEqual([]);
  });

  afterAll(async () => {
    await opened?.close();
  });

  it('invites the citizen to place the card', async () => {
    await page.getByTestId('place-card').waitFor();
    await expect.poll(() => page.getByText('请放置身份证').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Place your ID card').isVisible()).toBe(true);
    await page.getByTestId('simulator').getByRole('button').first().waitFor();
    expect(await kioskLayoutProblems(page)).toEqual([]);
    await screenshot(page, 'attract-portrait');
  });

  it('shows the masked name and number when the simulated card is placed, never the full ones', async () => {
    await page.getByRole('button', { name: /张三/ }).click();
    await page.getByTestId('card-read').waitFor();
    expect(await page.getByTestId('masked-name').textContent()).toBe('张*');
    expect(await page.getByTestId('masked-id').textContent()).toBe('4301**********1234');
    const visibleText = await page.locator('.attract').innerText();
    expect(visibleText).not.toContain('张三');
    expect(visibleText).not.toContain('430102199003071234');
    expect(await kioskLayoutProblems(page)).toEqual([]);
    await screenshot(page, 'attract-card-read');
  });

  it('clears the card from the screen after 10 s', async () => {
    const shownAt = Date.now();
    await page.getByTestId('card-read').waitFor({ state: 'detached', timeout: 15_000 });
    const elapsed = Date.now() - shownAt;
    expect(elapsed).toBeGreaterThan(8_000);
    expect(await page.locator('body').innerText()).not.toContain('4301**********1234');
    await page.getByTestId('place-card').waitFor();
  });

  it('enlarges everything in elderly mode without breaking the layout', async () => {
    const before = await page.getByText('请放置身份证').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await page.getByTestId('elderly-toggle').click();
    const after = await page.getByText('请放置身份证').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(after / before).toBeGreaterThanOrEqual(1.5);
    expect(await kioskLayoutProblems(page)).toEqual([]);
    await screenshot(page, 'attract-elderly');
    await page.getByTestId('elderly-toggle').click();
  });

  it('works in English and in landscape', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByText('Lay your ID card flat on the reader below').isVisible()).toBe(true);
    expect(await kioskLayoutProblems(page)).toEqual([]);
    await screenshot(page, 'attract-landscape-en');
    await page.getByRole('button', { name: '中文' }).click();
  });
});
