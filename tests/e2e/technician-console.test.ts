import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { kioskLayoutProblems, screenshot } from './support/browser';
import { openTerminalPage } from './support/terminal-page';
import type { Terminal, TerminalPage } from './support/terminal-page';
import { DEV_PIN, enterPin, tapCorner } from './technician-helpers';

describe('technician console: hidden gesture + PIN, binding, device tests, settings, diagnostics', () => {
  let opened: TerminalPage;
  let terminal: Terminal;
  let page: Page;
  const errors: string[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'hall-e2e-technician-'));

  beforeAll(async () => {
    ({ terminal, page } = opened = await openTerminalPage({ terminal: { dataDir }, onPage: (p) => p.on('pageerror', (e) => errors.push(e.message)) }));
  });

  afterAll(async () => {
    await opened?.close();
  });

  it('privileged methods are refused before the PIN; four taps do nothing; five taps in the corner open the PIN pad', async () => {
    const refused = await terminal.app.dispatcher.dispatch('printer.printTestPage', {}, { role: 'technician', connection: 'never-unlocked' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await page.getByTestId('technician-corner').waitFor({ state: 'attached' });
    await tapCorner(page, 4);
    await page.waitForTimeout(3_100);
    await tapCorner(page, 1);
    expect(await page.getByTestId('pin-pad').count()).toBe(0);
    await tapCorner(page);
    await page.getByTestId('pin-pad').waitFor();
    expect(await kioskLayoutProblems(page)).toEqual([]);
    await screenshot(page, 'technician-pin-pad');
  });

  it('the right PIN leads to /technician with the console; the address keeps no ticket', async () => {
    await enterPin(page, DEV_PIN);
    await page.waitForURL(/\/technician$/);
    await page.getByTestId('technician-console').waitFor();
    expect(new URL(page.url()).hash).toBe('');
    await page.getByTestId('device-idcard').waitFor();
    await expect.poll(() => page.getByTestId('device-idcard').innerText()).toContain('就绪');
    await expect.poll(() => page.getByTestId('development-pin').isVisible()).toBe(true);
    expect(await kioskLayoutProblems(page)).toEqual([]);
    await screenshot(page, 'technician-console');
  });

  it('unbinds the simulated printer, binds it again from discovery, prints the test page and shows the preview', async () => {
    await page.getByTestId('unbind-printer').click();
    await expect.poll(() => page.getByTestId('device-printer').innerText()).toContain('未绑定');
    expect(terminal.app.devices.printer).toBeNull();
    await page.getByTestId('bind-printer').click();
    await page.getByTestId('candidate-simulated:printer').click();
    await expect.poll(() => page.getByTestId('device-printer').innerText()).toContain('就绪');
    expect(terminal.app.store.deviceBindings.list().map((b) => b.role)).toContain('printer');
    await page.getByTestId('test-printer').click();
    await page.getByTestId('print-test-page').click();
    await expect.poll(() => page.getByTestId('print-outcome').innerText()).toContain('printed');
    const preview = page.getByTestId('print-preview');
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThanOrEqual(576);
    await preview.scrollIntoViewIfNeeded();
    expect(await kioskLayoutProblems(page)).toEqual([]);
    await screenshot(page, 'technician-printer-test');
    await page.getByTestId('test-printer').click();
  });

  it('reads a card and shows only masked fields', async () => {
    await page.getByTestId('test-idcard').click();
    await page.getByTestId('simulator').getByRole('button', { name: /^放置/ }).first().click();
    await page.getByTestId('card-test-read').click();
    const fields = page.getByTestId('card-test-fields');
    await fields.waitFor();
    const text = await fields.innerText();
    expect(text).toMatch(/\d{4}\*{10}[\dX]{4}/);
    expect(text).not.toMatch(/\d{17}[\dX]/);
    await screenshot(page, 'technician-card-test');
    await page.getByTestId('test-idcard').click();
  });

  it('lights each evaluation pad key as it is pressed and shows a scan as text', async () => {
    await page.getByTestId('test-evaluator').click();
    await page.getByText('扫码器 · 评价器 · 打印机').click();
    for (const level of ['非常满意', '不满意']) {
      await page.getByTestId(`sim-pad-${level}`).click();
      await expect.poll(() => page.getByTestId(`pad-lamp-${level}`).getAttribute('data-on')).toBe('true');
    }
    expect(await page.getByTestId('pad-lamp-满意').getAttribute('data-on')).toBe('false');
    await page.getByTestId('test-scanner').click();
    await page.getByTestId('sim-scan').click();
    await expect.poll(() => page.getByTestId('last-scan').innerText()).toContain('HALL0001202611230000A');
    await page.getByText('扫码器 · 评价器 · 打印机').click();
  });

  it('terminal settings: a bad value is refused naming the field; a good one is stored and reaches the pages', async () => {
    await page.getByTestId('tab-settings').click();
    const hall = page.getByTestId('identity-hallCode');
    await hall.fill('X');
    await page.getByTestId('identity-save').click();
    await page.getByTestId('identity-problem-hallCode').waitFor();
    await hall.fill('QX01');
    await page.getByTestId('identity-idleTimeoutSeconds').fill('90');
    await page.getByTestId('identity-save').click();
    await expect.poll(() => terminal.app.dispatcher.dispatch('terminal.identity', {}, { role: 'kiosk' })).toMatchObject({
      ok: true,
      value: { hallCode: 'QX01', idleTimeoutSeconds: 90 },
    });
    expect(await kioskLayoutProblems(page)).toEqual([]);
    await screenshot(page, 'technician-settings');
  });

  it('exports a diagnostics bundle without ID numbers or names, and lists masked logs', async () => {
    await page.getByTestId('tab-logs').click();
    await page.getByTestId('diagnostics-export').click();
    await page.getByTestId('diagnostics-result').waitFor();
    const dir = join(dataDir, 'diagnostics');
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    const bundle = readFileSync(join(dir, files[0] ?? ''), 'utf8');
    const parsed = JSON.parse(bundle) as { devices: { configuration: Record<string, unknown> }; logs: unknown[]; versions: Record<string, string> };
    expect(Object.keys(parsed.devices.configuration)).toContain('printer');
    expect(parsed.logs.length).toBeGreaterThan(0);
    expect(bundle).toContain('card read');
    // The sample cards' numbers and names never appear (any 18-character ID number would match).
    expect(bundle).not.toMatch(/\d{17}[\dXx]/);
    for (const name of await sampleNames()) expect(bundle).not.toContain(name);
    await expect.poll(() => page.getByTestId('log-list').locator('li').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('log-list').innerText()).not.toMatch(/\d{17}[\dXx]/);
    expect(await kioskLayoutProblems(page)).toEqual([]);
    await screenshot(page, 'technician-logs');
  });

  it('platform sync: every figure, enrolment by code, refused records', async () => {
    await page.getByTestId('tab-sync').click();
    await page.getByTestId('sync-panel').waitFor();
    const figures = await page.getByTestId('sync-panel').innerText();
    for (const label of ['待上传记录', '平台拒收', '最近上传成功']) expect(figures).toContain(label);
    // A code typed on the on-screen keyboard goes to the terminal; one the platform never issued is refused on screen.
    const enrol = page.getByTestId('sync-enrol');
    for (const ch of 'wrong1') await enrol.getByTestId('keyboard').getByRole('button', { name: ch, exact: true }).click();
    expect(await page.getByTestId('enrol-code').innerText()).toBe('WRONG1');
    await page.getByTestId('enrol-submit').click();
    await expect.poll(() => page.getByTestId('enrol-result').getAttribute('class')).toContain('notice-error');
    expect(await page.getByTestId('enrol-code').innerText()).toBe('WRONG1');
    expect(await page.getByText('没有被拒收的记录').count()).toBe(1);
    expect(await kioskLayoutProblems(page)).toEqual([]);
    await screenshot(page, 'technician-sync');
  });

  it('exit ends the session and returns to the kiosk; the console asks for the PIN again', async () => {
    await page.getByTestId('technician-exit').click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto(new URL('/technician', terminal.shell.url).toString());
    await page.getByTestId('pin-pad').waitFor();
    expect(await page.getByTestId('technician-console').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

async function sampleNames(): Promise<string[]> {
  const { sampleCards } = await import('../../devices/simulators/idcard/sample-cards');
  return sampleCards.map((s) => s.card.name);
}
