import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { Logger } from '../log';
import { windowOptions, windowUrl } from './window';

/** What this module needs of Electron's `screen`. */
export interface ScreenLike {
  getAllDisplays(): { id: number; bounds: { x: number; y: number; width: number; height: number } }[];
  getPrimaryDisplay(): { id: number };
  on(event: 'display-added' | 'display-removed', listener: () => void): unknown;
}

export type WindowFactory = (options: BrowserWindowConstructorOptions) => Pick<BrowserWindow, 'loadURL' | 'once' | 'show' | 'close' | 'isDestroyed' | 'webContents'>;

export interface CustomerWindowDeps {
  readonly screen: ScreenLike;
  readonly createWindow: WindowFactory;
  readonly preloadPath: string;
  readonly devTools: boolean;
  readonly logger: Logger;
  /** Told when the window opens or closes, so its page hears contract events. */
  readonly onChange: (window: ReturnType<WindowFactory> | null) => void;
}

/** The first display that is not the primary one: where the customer-facing screen goes. */
export function secondaryDisplay(screen: Pick<ScreenLike, 'getAllDisplays' | 'getPrimaryDisplay'>) {
  const primary = screen.getPrimaryDisplay().id;
  return screen.getAllDisplays().find((d) => d.id !== primary) ?? null;
}

export function customerWindowOptions(preloadPath: string, devTools: boolean, bounds: { x: number; y: number; width: number; height: number }): BrowserWindowConstructorOptions {
  return { ...windowOptions({ preloadPath, role: 'customer', kiosk: true, devTools, bounds }), alwaysOnTop: true, focusable: true, skipTaskbar: true };
}

/**
 * The customer-facing evaluation screen of a window workstation: its own window (never a mirror of the
 * staff screen) on the secondary display, opened when a second display is there and again when one is
 * plugged in, closed when it goes away. Without a second display the /customer page can be opened on
 * any browser instead (web shell).
 */
export function manageCustomerWindow(deps: CustomerWindowDeps): { current(): ReturnType<WindowFactory> | null } {
  let win: ReturnType<WindowFactory> | null = null;
  let displayId: number | null = null;
  const open = () => {
    if (win && !win.isDestroyed()) return;
    const display = secondaryDisplay(deps.screen);
    if (!display) return;
    displayId = display.id;
    const created = deps.createWindow(customerWindowOptions(deps.preloadPath, deps.devTools, display.bounds));
    win = created;
    created.once('ready-to-show', () => created.show());
    void created.loadURL(windowUrl('customer')).catch((error: unknown) => deps.logger.error('customer window failed to load', { error }));
    deps.logger.info('customer-facing screen opened', { display: display.id });
    deps.onChange(created);
  };
  const closeIfGone = () => {
    if (!win || win.isDestroyed()) return;
    if (deps.screen.getAllDisplays().some((d) => d.id === displayId)) return;
    win.close();
    win = null;
    deps.logger.warn('customer-facing display removed; its window is closed');
    deps.onChange(null);
  };
  open();
  deps.screen.on('display-added', open);
  deps.screen.on('display-removed', closeIfGone);
  return { current: () => (win && !win.isDestroyed() ? win : null) };
}
