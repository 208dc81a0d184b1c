import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { recordSubmission } from '../../src/store';
import { submitInput } from '../integration/store-fixtures';
import { kioskLayoutProblems, launchChromium, screenshot } from './support/browser';
import { startTerminal } from './support/terminal';

describe('sync badge on citizen screens', () => {
  let terminal: Awaited<ReturnType<typeof startTerminal>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    terminal = await startTerminal({ platform: { mode: 'embedded' } });
    await terminal.app.sync.start();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(terminal.shell.url);
  });

  afterAll(async () => {
    await browser?.close();
    await terminal?.stop();
  });

  it('shows a small synced note in the corner, and the count while records wait', async () => {
    await page.getByTestId('begin').click();
    const badge = page.getByTestId('sync-badge');
    await badge.getByText('已同步').waitFor();
    expect(await kioskLayoutProblems(page)).toEqual([]);
    await screenshot(page, 'sync-badge-home');

    // The platform goes away: the records wait here and the badge says so (never any personal data).
    await terminal.app.sync.close();
    const store = terminal.app.store;
    recordSubmission(store, submitInput({ catalogVersion: store.catalogs.activeVersion() ?? '', materials: [] }), Date.now());
    await page.reload();
    await page.getByTestId('begin').click();
    await badge.getByText('待上传 1 条').waitFor();
    expect(await badge.innerText()).not.toContain('欧阳');
    await screenshot(page, 'sync-badge-waiting');
  });
});
