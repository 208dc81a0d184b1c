// `npm start -- --profile window` on a fresh machine: the embedded platform gets this window and a demo
// staff account on first start (PIN in a 0600 file of the data directory), and staff can sign in at once.
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../../main/app';
import type { App } from '../../main/app';
import { silentLogger } from '../../main/log';
import { startWebShell } from '../../main/web/server';
import type { WebShell } from '../../main/web/server';
import { launchChromium, screenshot } from './support/browser';
import { ROOT } from './support/terminal';
import { deskLayoutProblems, signIn } from './support/window';

describe('window profile out of the box (embedded platform)', () => {
  let dataDir: string;
  let app: App;
  let shell: WebShell;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) throw new Error('Run `npm run build:renderer` first (npm test does).');
    dataDir = mkdtempSync(join(tmpdir(), 'hall-e2e-window-embedded-'));
    app = createApp({
      options: { profile: 'window', devices: 'simulated', port: 0, dataDir, openBrowser: false, kiosk: false, cardDisplayMs: 10_000, platform: { mode: 'embedded' } },
      shell: 'web',
      version: 'e2e',
      logger: silentLogger,
      windowId: 'W01',
    });
    await app.start();
    shell = await startWebShell({ port: 0, rendererDir: join(ROOT, 'dist', 'renderer'), dispatcher: app.dispatcher, bus: app.bus, roles: ['window', 'customer', 'technician'], logger: silentLogger });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  });

  afterAll(async () => {
    await browser?.close();
    await shell?.close();
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sets up the window and a demo staff account, and the demo staff member signs in', async () => {
    const file = join(dataDir, 'window', 'demo-staff-W01.json');
    await expect.poll(() => existsSync(file), { timeout: 20_000 }).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const demo = JSON.parse(readFileSync(file, 'utf8')) as { staffNumber: string; pin: string };
    expect(demo.pin).toMatch(/^\d{6}$/);
    await page.goto(shell.url);
    await page.getByTestId('staff-number').waitFor();
    await signIn(page, demo.staffNumber, demo.pin);
    await page.getByTestId('queue-empty').waitFor();
    expect(await page.getByTestId('platform-state').textContent()).toBe('平台已连接');
    expect(await deskLayoutProblems(page)).toEqual([]);
    await screenshot(page, 'window-embedded-empty');
  });
});
