import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { kioskLayoutProblems, screenshot } from './support/browser';
import { openTerminalPage } from './support/terminal-page';
import type { TerminalPage } from './support/terminal-page';

describe('citizen: from the attract screen to the guide of what they need', () => {
  let opened: TerminalPage;
  let page: Page;

  beforeAll(async () => {
    ({ page } = opened = await openTerminalPage());
  });

  afterAll(async () => {
    await opened?.close();
  });

  it('touch starts a session on the home page with 一件事 bundles first', async () => {
    await page.getByTestId('begin').click();
    await page.getByRole('heading', { name: '您要办什么事？' }).waitFor();
    const firstSection = await page.locator('.screen-body section h2').first().innerText();
    expect(firstSection).toContain('一件事');
    await page.getByRole('button', { name: /新生儿出生一件事/ }).waitFor();
    expect(await kioskLayoutProblems(page)).toEqual([]);
    await screenshot(page, 'citizen-home');
  });

  it('finds a service by pinyin initials typed on the on-screen keyboard', async () => {
    await page.getByTestId('open-search').click();
    for (const key of ['s', 'f', 'z']) await page.getByTestId('keyboard').getByRole('button', { name: key, exact: true }).click();
    expect(await page.getByTestId('search-query').innerText()).toBe('sfz');
    await page.getByTestId('search-results').getByRole('button', { name: /居民身份证/ }).first().waitFor();
    expect(await kioskLayoutProblems(page)).toEqual([]);
    await screenshot(page, 'citizen-search');
  });

  it('shows the guide: what to bring, what not, how long, visits', async () => {
    await page.getByTestId('search-results').getByRole('button', { name: /居民身份证换领/ }).click();
    await page.getByRole('heading', { name: '居民身份证换领' }).waitFor();
    await page.getByTestId('guide-materials').waitFor();
    const text = await page.locator('.screen-body').innerText();
    expect(text).toContain('需要带什么');
    expect(text).toContain('多久办好');
    expect(text).toMatch(/最多跑一次|需到现场/);
    expect(await kioskLayoutProblems(page)).toEqual([]);
    await screenshot(page, 'citizen-guide-item');
  });

  it('shows a bundle guide with its members and the materials spared by data sharing', async () => {
    await page.getByRole('button', { name: '首页' }).click();
    await page.getByRole('button', { name: /新生儿出生一件事/ }).click();
    await page.getByTestId('guide-members').waitFor();
    expect(await page.getByTestId('guide-members').locator('li').count()).toBeGreaterThan(1);
    await screenshot(page, 'citizen-guide-bundle');
  });

  it('finishing returns to the attract screen with nothing left behind', async () => {
    await page.getByTestId('finish').click();
    await page.getByTestId('begin').waitFor();
    expect(await page.locator('.screen').count()).toBe(0);
  });
});
