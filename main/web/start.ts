import { join } from 'node:path';
import { createApp } from '../app';
import { HELP, OptionsError, parseStartArgs } from '../config';
import { createLogger } from '../log';
import { packageVersion } from '../version';
import { findBrowser, hasDisplay, openBrowser } from './browser';
import { startWebShell } from './server';

/**
 * Entry of the web shell (`npm start` without a runnable Electron): serves the UI on 127.0.0.1 and
 * opens the system Chromium/Chrome in app or kiosk mode, or prints the address when there is none.
 */
async function main(argv: readonly string[], root: string): Promise<void> {
  let parsed;
  try {
    parsed = parseStartArgs(argv);
  } catch (error) {
    if (error instanceof OptionsError) {
      process.stderr.write(`${error.message}\n\n${HELP}`);
      process.exit(2);
    }
    throw error;
  }
  if (parsed.help) {
    process.stdout.write(HELP);
    return;
  }
  const { options } = parsed;
  const logger = createLogger();
  const app = createApp({ options, shell: 'web', version: packageVersion(join(root, 'package.json')), logger });
  await app.start();
  const shell = await startWebShell({
    port: options.port,
    rendererDir: join(root, 'dist', 'renderer'),
    dispatcher: app.dispatcher,
    bus: app.bus,
    roles: options.profile === 'kiosk' ? ['kiosk', 'customer', 'technician'] : ['window', 'customer', 'technician'],
    logger,
  });

  const browser = options.openBrowser && hasDisplay() ? findBrowser() : null;
  const what = `${options.profile} profile, ${options.devices} devices, data in ${options.dataDir}`;
  if (browser) {
    openBrowser(browser, shell.url, options.dataDir, options.kiosk);
    console.log(`[terminal] web shell at ${shell.url} opened in ${browser} (${options.kiosk ? 'kiosk' : 'app'} mode; ${what})`);
  } else {
    console.log(`[terminal] web shell at ${shell.url} — no browser opened, open this address in Chromium (${what})`);
  }

  const stop = async () => {
    await shell.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

const root = process.env.HALL_TERMINAL_ROOT ?? process.cwd();
main(process.argv.slice(2), root).catch((error: unknown) => {
  console.error('[terminal] failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
