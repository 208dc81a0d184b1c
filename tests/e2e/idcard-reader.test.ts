import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openTerminalPage } from './support/terminal-page';
import type { Terminal, TerminalPage } from './support/terminal-page';
import { ROOT } from './support/terminal';

describe('ID card reader over the real SAM protocol: unplug shows 读卡器未连接, replug recovers by itself', () => {
  let opened: TerminalPage;
  let terminal: Terminal;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) throw new Error('Run `npm run build:renderer` first (npm test does).');
    ({ terminal, page } = opened = await openTerminalPage());
    await page.getByTestId('place-card').waitFor();
  });

  afterAll(async () => {
    await opened?.close();
  });

  it('reports the simulated SAM reader as a connected device', async () => {
    expect(terminal.app.devices.idcard?.status()).toMatchObject({ kind: 'idcard-sam-simulated', connected: true });
    expect(await page.getByTestId('reader-offline').count()).toBe(0);
  });

  it('shows 读卡器未连接 when the reader is unplugged and clears it when it comes back', async () => {
    await page.getByTestId('sim-reader-cable').click();
    await page.getByTestId('reader-offline').waitFor({ timeout: 5000 });
    expect(await page.getByTestId('reader-offline').innerText()).toContain('读卡器未连接');
    await page.getByTestId('sim-reader-cable').click();
    await page.getByTestId('reader-offline').waitFor({ state: 'detached', timeout: 5000 });
  });

  it('reads a 2023 foreigner card after recovery, masked on screen', async () => {
    await page.getByRole('button', { name: /MARIA GARCIA/ }).click();
    await page.getByTestId('card-read').waitFor({ timeout: 5000 });
    const text = await page.locator('.attract').innerText();
    expect(text).not.toContain('93172419850520002X');
    expect(await page.getByTestId('masked-id').textContent()).toBe('9317**********002X');
  });
});
