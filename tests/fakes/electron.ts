// A hand-written stand-in for the `electron` module, aliased in vitest.config.ts. Importing the real
// package from plain Node would try to download the Electron binary. Only what the shell uses exists here.
import { EventEmitter } from 'node:events';

type Handler = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: Handler | null = null;
  sent: unknown[][] = [];
  destroyed = false;
  url = 'app://kiosk/index.html';
  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler;
  }
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getURL(): string {
    return this.url;
  }
}

export class FakeSession {
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  devicePermissionHandler: Handler | null = null;
  setPermissionRequestHandler(h: Handler): void {
    this.permissionRequestHandler = h;
  }
  setPermissionCheckHandler(h: Handler): void {
    this.permissionCheckHandler = h;
  }
  setDevicePermissionHandler(h: Handler): void {
    this.devicePermissionHandler = h;
  }
}

export class FakeIpcMain {
  handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}

export const ipcMain = new FakeIpcMain();
export const session = { defaultSession: new FakeSession() };

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, Handler>(),
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: Handler): void {
    this.handlers.set(scheme, handler);
  },
};

export class BrowserWindow extends EventEmitter {
  static created: BrowserWindow[] = [];
  webContents = new FakeWebContents();
  constructor(readonly options: unknown) {
    super();
    BrowserWindow.created.push(this);
  }
  loadURL(): Promise<void> {
    return Promise.resolve();
  }
  show(): void {}
  reload(): void {}
}

export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  getAppPath: () => process.cwd(),
  getPath: () => '/tmp/fake-electron-user-data',
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  quit: () => {},
  exit: () => {},
});

export const Menu = { setApplicationMenu: () => {} };
export const powerSaveBlocker = { start: () => 1 };
export const contextBridge = { exposed: {} as Record<string, unknown>, exposeInMainWorld(key: string, api: unknown) { this.exposed[key] = api; } };
export const ipcRenderer = Object.assign(new EventEmitter(), { invoke: (..._args: unknown[]) => Promise.resolve(undefined) });

export default { app, BrowserWindow, ipcMain, session, protocol, Menu, powerSaveBlocker, contextBridge, ipcRenderer };
