// Shared steps of the citizen end-to-end suites: drive the kiosk like a person would (touch, the simulator
// panel's card buttons, the on-screen keyboard, the fake document camera) and check every screen for
// layout problems, accessibility violations and personal data where it must not be.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { interpret } from '../../../devices/protocols/escpos/interpreter';
import type { App } from '../../../main/app';
import { kioskLayoutProblems, screenshot } from './browser';
import { openTerminalPage } from './terminal-page';
import type { TerminalPage, TerminalPageOptions } from './terminal-page';

/** Chromium's fake camera stands in for the document camera (高拍仪). */
export const FAKE_CAMERA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type { Terminal } from './terminal-page';
export type Kiosk = TerminalPage;

/** The kiosk page on a fresh terminal, with the fake document camera, at its attract screen. */
export async function openKiosk(options: { viewport?: { width: number; height: number }; terminal?: TerminalPageOptions['terminal'] } = {}): Promise<Kiosk> {
  const kiosk = await openTerminalPage({ ...options, chromiumArgs: FAKE_CAMERA });
  try {
    await kiosk.page.getByTestId('begin').waitFor();
  } catch (error) {
    await kiosk.close();
    throw error;
  }
  return kiosk;
}

/** axe-core (run in the page through the DevTools protocol, so the page's CSP stays on): serious and critical violations. */
export async function axeViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3).join(', ')}`);
  });
}

/** Controls cut off at the sides: the page hides overflow, so scrollWidth alone does not show them. */
export async function clippedControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('button, a[href], [role="button"], input, select'))
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && (box.right > window.innerWidth + 1 || box.left < -1);
      })
      .map((el) => `clipped: ${el.textContent?.trim().slice(0, 30) ?? el.tagName}`),
  );
}

/** Every step: a screenshot to look at, no overflow, every target ≥ 64 px, no serious axe violation. */
export async function checkStep(page: Page, name: string): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
  await screenshot(page, name);
  expect(await kioskLayoutProblems(page), name).toEqual([]);
  expect(await clippedControls(page), name).toEqual([]);
  expect(await axeViolations(page), name).toEqual([]);
}

export async function placeCard(page: Page, label: RegExp): Promise<void> {
  await page.getByTestId('simulator').getByRole('button', { name: label }).click();
}

export async function removeCard(page: Page): Promise<void> {
  await page.getByTestId('simulator').getByRole('button', { name: /移走身份证|Remove ID card/ }).click();
}

/** Types on the on-screen keyboard that is open. */
export async function typeKeys(page: Page, text: string): Promise<void> {
  const keyboard = page.getByTestId('keyboard');
  for (const ch of text) await keyboard.getByRole('button', { name: ch, exact: true }).click();
}

export async function fillKeys(page: Page, label: string | RegExp, text: string): Promise<void> {
  await page.locator('.field', { has: page.getByText(label, { exact: typeof label === 'string' }) }).locator('.field-entry').click();
  await typeKeys(page, text);
}

export async function choose(page: Page, legend: string, option: string): Promise<void> {
  await page.locator('fieldset', { has: page.locator('legend', { hasText: legend }) }).getByRole('radio', { name: option, exact: true }).click();
}

export async function search(page: Page, keys: string, result: RegExp): Promise<void> {
  await page.getByTestId('open-search').click();
  for (const key of keys) await page.getByTestId('keyboard').getByRole('button', { name: key, exact: true }).click();
  await page.getByTestId('search-results').getByRole('button', { name: result }).first().click();
}

/** Photographs `pages` pages of a material with the fake camera and saves them. */
export async function capture(page: Page, materialKey: string, pages: number): Promise<void> {
  await page.getByTestId(`capture-${materialKey}`).click();
  await page.waitForFunction(() => {
    const v = document.querySelector('video');
    return v !== null && v.videoWidth > 0;
  });
  for (let i = 1; i <= pages; i += 1) {
    await page.getByTestId('camera-capture').click();
    await expect.poll(() => page.getByTestId('camera-pages').locator('img').count()).toBe(i);
  }
  await page.getByTestId('capture-done').click();
  await page.getByTestId(`material-${materialKey}`).getByText(new RegExp(`${pages}`)).waitFor();
}

/** What the simulated printer printed last: outcome, the QR payloads and the text lines it could read. */
export function lastPrinted(app: App): { outcome: string; qr: string[]; lines: string[]; count: number } {
  const virtual = app.devices.simulator?.printer.virtual;
  const jobs = virtual?.recentJobs() ?? [];
  const job = jobs.at(-1);
  if (!job) return { outcome: 'none', qr: [], lines: [], count: 0 };
  const seen = interpret(job.bytes, 576);
  return { outcome: job.outcome, qr: [...seen.qrCodes], lines: [...seen.lines], count: jobs.length };
}

/** Personal data of the sample cards, which must not be in the DOM after a wipe. */
export const SAMPLE_PERSONAL = ['张三', '430102199003071234', '五一大道', '李小红', '310115197806050029', '13800138000'];

/** The page's markup without the simulator panel (test hardware, which names its sample cards). */
export async function domText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    copy.querySelector('[data-testid="simulator"]')?.remove();
    return copy.outerHTML;
  });
}
