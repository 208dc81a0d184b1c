import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { recordSubmission } from '../../src/store';
import { submitInput } from '../integration/store-fixtures';
import { kioskLayoutProblems, screenshot } from './support/browser';
import { openTerminalPage } from './support/terminal-page';
import type { Terminal, TerminalPage } from './support/terminal-page';

describe('sync badge on citizen screens', () => {
  let opened: TerminalPage;
  let terminal: Terminal;
  let page: Page;

  beforeAll(async () => {
    ({ terminal, page } = opened = await openTerminalPage({ terminal: { platform: { mode: 'embedded' } }, prepare: (t) => t.app.sync.start() }));
  });

  afterAll(async () => {
    await opened?.close();
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
