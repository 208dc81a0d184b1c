// The window workstation end to end: the reference platform in-process (SQLite), window terminals
// (`--profile window`) against it, kiosk submissions through the terminal sync path (signed ops and blob
// chunks, as a kiosk's outbox sends them), and what the simulated printer printed.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { interpret } from '../../../devices/protocols/escpos/interpreter';
import { createApp } from '../../../main/app';
import type { App } from '../../../main/app';
import type { StartOptions } from '../../../main/config';
import { silentLogger } from '../../../main/log';
import { startWebShell } from '../../../main/web/server';
import type { WebShell } from '../../../main/web/server';
import { openRepository } from '../../../platform/store/open';
import type { TerminalCredentials } from '../../../src/sync/client';
import { startPlatform } from '../../support/platform';
import type { RunningPlatform } from '../../support/platform';
import { TEST_DATA_KEY } from '../../support/sync-fixtures';
import { launchChromium } from './browser';
import { ROOT } from './terminal';

export const HALL = 'QX01';
export const PIN = '246810';
export const APPLICANT = { name: '张三', idNumber: '430102199003071234', phone: '13812345678' };

export interface WindowTerminal {
  app: App;
  shell: WebShell;
  dataDir: string;
  stop(): Promise<void>;
}

/** A platform with three windows (W01, W02 handle 公安; W03 市场监管) and two staff members. */
export async function startWindowPlatform(): Promise<{ platform: RunningPlatform; kiosk: TerminalCredentials; dir: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'hall-e2e-platform-'));
  const platform = await startPlatform(await openRepository({ engine: 'sqlite', file: join(dir, 'platform.db') }, TEST_DATA_KEY));
  await platform.admin('PUT', '/admin/windows', { hallId: HALL, windowId: 'W01', name: '综合窗口 1', categories: ['DEP-GA', 'DEP-MZ'] });
  await platform.admin('PUT', '/admin/windows', { hallId: HALL, windowId: 'W02', name: '综合窗口 2', categories: ['DEP-GA'] });
  await platform.admin('PUT', '/admin/windows', { hallId: HALL, windowId: 'W03', name: '企业开办窗口', categories: ['DEP-SJ'] });
  await platform.admin('POST', '/admin/staff', { hallId: HALL, staffNumber: 'A0317', name: '张工', pin: PIN });
  await platform.admin('POST', '/admin/staff', { hallId: HALL, staffNumber: 'A0318', name: '李工', pin: PIN });
  const kiosk = await platform.enrolTerminal(HALL);
  return {
    platform,
    kiosk,
    dir,
    async stop() {
      await platform.close();
      await platform.repo.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `npm start -- --profile window` in-process, on a free port, against `platformUrl`. */
export async function startWindowTerminal(platformUrl: string, windowId: string): Promise<WindowTerminal> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hall-e2e-window-'));
  const options: StartOptions = { profile: 'window', devices: 'simulated', port: 0, dataDir, openBrowser: false, kiosk: false, cardDisplayMs: 10_000, platform: { mode: 'remote', url: platformUrl } };
  const app = createApp({ options, shell: 'web', version: 'e2e', logger: silentLogger, windowId });
  await app.start();
  const shell = await startWebShell({ port: 0, rendererDir: join(ROOT, 'dist', 'renderer'), dispatcher: app.dispatcher, bus: app.bus, roles: ['window', 'customer', 'technician'], logger: silentLogger });
  return {
    app,
    shell,
    dataDir,
    async stop() {
      await shell.close();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A scanned page: a white sheet with a title bar and text lines, as a PNG. */
export function documentPage(seed: number, width = 420, height = 594): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4;
      const title = y > 30 && y < 70 && x > 40 && x < width - 40;
      const line = y > 110 && (y - 110) % 34 < 8 && x > 40 && x < width - 40 - ((y * seed) % 120);
      const v = title ? 40 : line ? 120 : 250;
      png.data[i] = v;
      png.data[i + 1] = v;
      png.data[i + 2] = title ? 160 : v;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

let opId = 0;

/** What a kiosk's outbox sends for one submission: the material blobs in chunks, then the application. */
export async function submitFromKiosk(
  platform: RunningPlatform,
  kiosk: TerminalCredentials,
  input: { id: string; trackingNumber: string; itemCode: string; department: string; form: Record<string, unknown>; materials: { key: string; bytes: Buffer; mediaType: string }[] },
): Promise<void> {
  const client = platform.client(kiosk);
  const blobs = [];
  for (const m of input.materials) {
    const sha256 = createHash('sha256').update(m.bytes).digest('hex');
    const put = await client.putChunk(sha256, m.bytes.length, 0, m.bytes);
    if (put.kind !== 'ok') throw new Error(`blob upload: ${JSON.stringify(put)}`);
    blobs.push({ sha256, size: m.bytes.length, mediaType: m.mediaType, material: m.key });
  }
  opId += 1;
  const outcome = await client.push([
    {
      opId,
      idempotencyKey: `submit:${input.id}`,
      kind: 'application.submitted',
      payload: { applicationId: input.id, trackingNumber: input.trackingNumber, itemCode: input.itemCode, department: input.department, submittedAt: new Date().toISOString(), applicant: APPLICANT, form: input.form, blobs },
    },
  ]);
  if (outcome.kind !== 'ok' || outcome.value.results[0]?.status !== 'applied') throw new Error(`push: ${JSON.stringify(outcome)}`);
}

/** The text of every job the simulated printer received, oldest first (lines joined). */
export function printedTexts(app: App): string[] {
  const virtual = app.devices.simulator?.printer.virtual;
  return [...(virtual?.recentJobs() ?? [])].map((job) => interpret(job.bytes).lines.join(''));
}

export async function signIn(page: Page, staffNumber = 'A0317', pin = PIN): Promise<void> {
  await page.getByTestId('staff-number').fill(staffNumber);
  await page.getByTestId('staff-pin').fill(pin);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('workstation').waitFor();
}

/** Chromium at the staff desktop's 1920×1080 on a window terminal's page, signed in (extra flags: e.g. the fake camera). */
export async function openDesk(url: string, chromiumArgs: string[] = []): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchChromium(chromiumArgs);
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(url);
  await page.getByTestId('staff-number').waitFor();
  await signIn(page);
  return { browser, page };
}

/** Staff-desktop layout rules: no overflow at 1920×1080, every control at least 44 px high. */
export async function deskLayoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) problems.push(`horizontal overflow: ${doc.scrollWidth} > ${doc.clientWidth}`);
    if (doc.scrollHeight > doc.clientHeight + 1) problems.push(`vertical overflow: ${doc.scrollHeight} > ${doc.clientHeight}`);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('.window-app button, .window-app input, .window-app select'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) continue;
      if (box.height < 44) problems.push(`small target (${Math.round(box.width)}x${Math.round(box.height)}): ${el.textContent?.trim().slice(0, 30) ?? el.tagName}`);
    }
    return problems;
  });
}

/** Finds an application by its tracking number in the search box and waits until it is the open one. */
export async function openByTracking(page: Page, tracking: string): Promise<void> {
  await page.getByTestId('find-input').fill(tracking);
  await page.getByTestId('find-submit').click();
  await expect.poll(() => page.getByTestId('application-tracking').textContent()).toBe(tracking);
}
