// Cold start of `npm start` (web shell) to the attract screen's first paint in Chromium, median of 5,
// plus the renderer bundle size. Run with `npm run bench -- startup` after `npm run build:renderer`.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { round, summarize } from './stats';

const root = process.cwd();
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function once(): Promise<{ serverReadyMs: number; firstPaintMs: number; interactiveMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'scripts', 'start.mjs'), '--no-browser', '--port', '0', '--data-dir', mkdtempSync(join(tmpdir(), 'bench-start-'))], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const match = /web shell at (http:\/\/\S+?)\/? /.exec(out);
        if (match?.[1]) resolve(match[1] + '/');
      });
      child.once('exit', () => reject(new Error('terminal exited before it was ready')));
    });
    const serverReadyMs = performance.now() - started;
    const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: flags });
    try {
      const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
      await page.goto(url);
      await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
      const firstPaintMs = performance.now() - started;
      await page.getByTestId('place-card').waitFor();
      const interactiveMs = performance.now() - started;
      return { serverReadyMs, firstPaintMs, interactiveMs };
    } finally {
      await browser.close();
    }
  } finally {
    child.kill('SIGTERM');
  }
}

const runs = [];
for (let i = 0; i < 5; i += 1) runs.push(await once());

const assets = join(root, 'dist', 'renderer', 'assets');
const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
const bytes = js.reduce((sum, f) => sum + readFileSync(join(assets, f)).length, 0);
const gzip = js.reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f))).length, 0);

console.log(
  JSON.stringify({
    runs: 5,
    serverReadyMsMedian: round(summarize(runs.map((r) => r.serverReadyMs)).p50, 0),
    firstPaintMsMedian: round(summarize(runs.map((r) => r.firstPaintMs)).p50, 0),
    attractVisibleMsMedian: round(summarize(runs.map((r) => r.interactiveMs)).p50, 0),
    rendererJsBytes: bytes,
    rendererJsGzipBytes: gzip,
  }),
);
