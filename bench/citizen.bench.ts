// The citizen kiosk on a low-end PC: Chromium with the CPU throttled 4× (CDP Emulation.setCPUThrottlingRate).
// Cold start of the page to an interactive attract screen (fresh context, empty cache), and the latency of
// every tap of a whole journey (城乡居民基本医疗保险参保登记: attract → … → submitted → goodbye) until the
// next screen is painted, p50/p95 over several journeys; plus the renderer JS bundle size (gzip).
// Run with `npm run build:renderer && npm run bench -- citizen`. Targets: cold start ≤ 2 s, taps ≤ 100 ms p95.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/e2e/support/browser';
import { startTerminal } from '../tests/e2e/support/terminal';
import { round, summarize } from './stats';

const THROTTLE = 4;
const COLD_RUNS = 5;
const JOURNEYS = 20;

async function throttled(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
}

/** Clicks `click` in the page and resolves with the ms until `until` is in the DOM and a frame was painted. */
async function tap(page: Page, click: string, until: string, text = ''): Promise<number> {
  return page.evaluate(
    ({ click, until, text }) =>
      new Promise<number>((resolve, reject) => {
        const target = Array.from(document.querySelectorAll<HTMLElement>(click)).find((el) => el.textContent?.includes(text));
        if (!target) return reject(new Error(`nothing to tap: ${click}`));
        const started = performance.now();
        target.click();
        const deadline = started + 10_000;
        const check = () => {
          if (document.querySelector(until)) {
            // The next frame after the DOM change is the one that shows it.
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
          } else if (performance.now() > deadline) reject(new Error(`no ${until} after tapping ${click}`));
          else requestAnimationFrame(check);
        };
        check();
      }),
    { click, until, text },
  );
}

const terminalStarted = performance.now();
const terminal = await startTerminal();
const terminalStartMs = performance.now() - terminalStarted;
const browser = await launchChromium();

const cold: number[] = [];
try {
  for (let i = 0; i < COLD_RUNS; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    const page = await context.newPage();
    await throttled(page);
    const started = performance.now();
    await page.goto(terminal.shell.url);
    await page.waitForSelector('[data-testid="begin"]:not([disabled])');
    await page.waitForFunction(() => document.querySelector('[data-testid="place-card"]') !== null);
    cold.push(performance.now() - started);
    await context.close();
  }

  const taps = new Map<string, number[]>();
  const record = (name: string, ms: number) => taps.set(name, [...(taps.get(name) ?? []), ms]);
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
  const page = await context.newPage();
  await page.goto(terminal.shell.url);
  await page.getByTestId('begin').waitFor();
  await throttled(page);
  const sim = (method: 'sim.idcard.insert' | 'sim.idcard.remove', input: Record<string, string>) => terminal.app.dispatcher.dispatch(method, input, { role: 'kiosk' });

  for (let j = 0; j < JOURNEYS; j += 1) {
    record('attract → home', await tap(page, '[data-testid="begin"]', '[data-testid="open-search"]'));
    record('home → search', await tap(page, '[data-testid="open-search"]', '[data-testid="search-query"]'));
    for (const key of 'yb') await page.getByTestId('keyboard').getByRole('button', { name: key, exact: true }).click();
    await page.getByTestId('search-results').getByRole('button', { name: /城乡居民基本医疗保险参保登记/ }).waitFor();
    record('search → guide', await tap(page, '[data-testid="search-results"] button', '[data-testid="start-application"]', '城乡居民基本医疗保险参保登记'));
    record('guide → identify', await tap(page, '[data-testid="start-application"]', '[data-testid="identify-place"]'));
    await sim('sim.idcard.insert', { id: 'resident-zhang' });
    await page.getByTestId('identify-confirm').waitFor();
    record('identify → form', await tap(page, '[data-testid="identify-confirm"]', '[data-testid="form-page"]'));
    record('form: open keyboard', await tap(page, '.field-entry', '[data-testid="keyboard"]'));
    for (const d of '13800138000') await page.getByTestId('keyboard').getByRole('button', { name: d, exact: true }).click();
    record('form → materials (checked)', await tap(page, '[data-testid="form-next"]', '[data-testid="materials-next"]'));
    record('materials → pre-check', await tap(page, '[data-testid="materials-next"]', '[data-testid="precheck-ok"]'));
    record('pre-check → review', await tap(page, '[data-testid="precheck-next"]', '[data-testid="consent"]'));
    record('review: consent', await tap(page, '[data-testid="consent"]', '[data-testid="consent"][aria-checked="true"]'));
    record('review → submitted (commit + print)', await tap(page, '[data-testid="submit"]', '[data-testid="tracking-number"]'));
    record('submitted → rate', await tap(page, '[data-testid="submitted-rate"]', '[data-testid="rating-panel"]'));
    record('rate → goodbye', await tap(page, '[data-testid="rating-skip"]', '[data-testid="goodbye"]'));
    record('goodbye → attract (wipe)', await tap(page, '[data-testid="goodbye-done"]', '[data-testid="begin"]'));
    await sim('sim.idcard.remove', {});
  }
  await context.close();

  const assets = join(process.cwd(), 'dist', 'renderer', 'assets');
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const bytes = js.reduce((sum, f) => sum + readFileSync(join(assets, f)).length, 0);
  const gzip = js.reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f))).length, 0);

  const coldStats = summarize(cold);
  const tapStats = Object.fromEntries([...taps].map(([name, samples]) => {
    const s = summarize(samples);
    return [name, { n: s.n, p50: round(s.p50, 1), p95: round(s.p95, 1), max: round(s.max, 1) }];
  }));
  const worstTapP95 = Math.max(...Object.values(tapStats).map((s) => s.p95));
  console.log(
    JSON.stringify({
      cpuThrottling: THROTTLE,
      terminalStartMs: round(terminalStartMs, 0),
      coldStartToAttractMs: { runs: COLD_RUNS, p50: round(coldStats.p50, 0), p95: round(coldStats.p95, 0), max: round(coldStats.max, 0) },
      journeys: JOURNEYS,
      tapToNextScreenMs: tapStats,
      worstTapP95Ms: worstTapP95,
      rendererJsBytes: bytes,
      rendererJsGzipBytes: gzip,
      targets: { coldStartMs: 2000, tapP95Ms: 100 },
      meetsColdStart: coldStats.p95 <= 2000,
      tapsOverTarget: Object.entries(tapStats).filter(([, s]) => s.p95 > 100).map(([name]) => name),
    }),
  );
} finally {
  await browser.close();
  await terminal.stop();
}
