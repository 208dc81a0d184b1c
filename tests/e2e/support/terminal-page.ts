// The scaffolding every end-to-end file shares: the real terminal in-process, Chromium, one page on the
// terminal's web shell, and closing both afterwards.
import type { Browser, Page } from 'playwright-core';
import type { StartOptions } from '../../../main/config';
import { launchChromium } from './browser';
import { startTerminal } from './terminal';

export type Terminal = Awaited<ReturnType<typeof startTerminal>>;

export const PORTRAIT = { width: 1080, height: 1920 } as const;
export const LANDSCAPE = { width: 1920, height: 1080 } as const;

export interface TerminalPage {
  terminal: Terminal;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export interface TerminalPageOptions {
  terminal?: Partial<StartOptions>;
  /** Runs once the terminal is up, before Chromium starts (start sync, seed records…). */
  prepare?: (terminal: Terminal) => Promise<void> | void;
  chromiumArgs?: string[];
  viewport?: { width: number; height: number };
  /** Attach listeners before the page loads (page errors, console). */
  onPage?: (page: Page) => void;
  /** Path to open on the web shell ('/' by default); null opens nothing. */
  path?: string | null;
}

export async function openTerminalPage(options: TerminalPageOptions = {}): Promise<TerminalPage> {
  const terminal = await startTerminal(options.terminal);
  let browser: Browser | null = null;
  try {
    await options.prepare?.(terminal);
    browser = await launchChromium(options.chromiumArgs);
    const context = await browser.newContext({ viewport: options.viewport ?? PORTRAIT });
    const page = await context.newPage();
    options.onPage?.(page);
    const path = options.path === undefined ? '/' : options.path;
    if (path !== null) await page.goto(new URL(path, terminal.shell.url).toString());
    const opened = browser;
    return {
      terminal,
      browser: opened,
      page,
      async close() {
        await opened.close();
        await terminal.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    await terminal.stop();
    throw error;
  }
}
