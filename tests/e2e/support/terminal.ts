import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../../main/app';
import type { App } from '../../../main/app';
import type { StartOptions } from '../../../main/config';
import { silentLogger } from '../../../main/log';
import { startWebShell } from '../../../main/web/server';
import type { WebShell } from '../../../main/web/server';

export const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Starts the real composition root and web shell in-process, as `npm start` does, on a free port. */
export async function startTerminal(overrides: Partial<StartOptions> = {}): Promise<{ app: App; shell: WebShell; stop(): Promise<void> }> {
  const options: StartOptions = {
    profile: 'kiosk',
    devices: 'simulated',
    port: 0,
    dataDir: mkdtempSync(join(tmpdir(), 'hall-e2e-')),
    openBrowser: false,
    kiosk: false,
    cardDisplayMs: 10_000,
    ...overrides,
  };
  const app = createApp({ options, shell: 'web', version: 'e2e', logger: silentLogger });
  await app.start();
  const shell = await startWebShell({
    port: 0,
    rendererDir: join(ROOT, 'dist', 'renderer'),
    dispatcher: app.dispatcher,
    bus: app.bus,
    roles: options.profile === 'kiosk' ? ['kiosk', 'customer', 'technician'] : ['window', 'customer', 'technician'],
    logger: silentLogger,
  });
  return {
    app,
    shell,
    async stop() {
      await shell.close();
      await app.close();
    },
  };
}
