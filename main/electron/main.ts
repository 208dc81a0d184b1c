import { BrowserWindow, Menu, app, ipcMain, powerSaveBlocker, safeStorage, screen, session } from 'electron';
import type { WebContents } from 'electron';
import { join } from 'node:path';
import { createApp } from '../app';
import { HELP, OptionsError, parseStartArgs } from '../config';
import { createLogger } from '../log';
import { packageVersion } from '../version';
import { manageCustomerWindow } from './customer-window';
import { registerIpc } from './ipc';
import { installPermissionPolicy, lockDownContents } from './lockdown';
import { registerAppScheme, serveApp } from './protocol';
import { windowOptions, windowUrl } from './window';

// Entry of the Electron shell. Everything here is glue: the services come from the composition root.
const root = app.getAppPath();
const logger = createLogger();

function parse() {
  try {
    return parseStartArgs(process.argv.slice(app.isPackaged ? 1 : 2));
  } catch (error) {
    if (error instanceof OptionsError) process.stderr.write(`${error.message}\n\n${HELP}`);
    app.exit(2);
    return null;
  }
}

const parsed = parse();
if (parsed?.help) {
  process.stdout.write(HELP);
  app.exit(0);
} else if (parsed && !app.requestSingleInstanceLock()) {
  app.quit();
} else if (parsed) {
  const { options } = parsed;
  registerAppScheme();
  app.on('web-contents-created', (_e, contents) => lockDownContents(contents));

  app.whenReady().then(async () => {
    Menu.setApplicationMenu(null);
    installPermissionPolicy(session.defaultSession);
    serveApp(join(root, 'dist', 'renderer'));
    const services = createApp({ options, shell: 'electron', version: packageVersion(join(root, 'package.json')), logger, safeStorage });
    await services.start();
    const windows: BrowserWindow[] = [];
    registerIpc(ipcMain, services.dispatcher, services.bus, (): WebContents[] => windows.map((w) => w.webContents));

    const win = new BrowserWindow(
      windowOptions({ preloadPath: join(root, 'dist', 'main', 'preload.cjs'), role: options.profile, kiosk: options.kiosk, devTools: !app.isPackaged }),
    );
    windows.push(win);
    win.once('ready-to-show', () => win.show());
    win.webContents.on('render-process-gone', (_e, details) => {
      logger.error('renderer gone, reloading', { reason: details.reason });
      win.reload();
    });
    await win.loadURL(windowUrl(options.profile));
    if (options.profile === 'window') {
      // The customer-facing evaluation screen on the secondary display (when there is one).
      let customer: BrowserWindow | null = null;
      manageCustomerWindow({
        screen,
        createWindow: (o) => new BrowserWindow(o),
        preloadPath: join(root, 'dist', 'main', 'preload.cjs'),
        devTools: !app.isPackaged,
        logger,
        onChange: (next) => {
          if (customer) windows.splice(windows.indexOf(customer), 1);
          customer = next as BrowserWindow | null;
          if (customer) windows.push(customer);
        },
      });
    }
    powerSaveBlocker.start('prevent-display-sleep');
    logger.info('electron shell started', { profile: options.profile, devices: options.devices });

    app.on('window-all-closed', () => {
      void services.close().then(() => app.quit());
    });
  }).catch((error: unknown) => {
    logger.error('electron shell failed to start', { error });
    app.exit(1);
  });
}
