import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowRole } from '../../src/contract';

export interface WindowSpec {
  preloadPath: string;
  role: WindowRole;
  /** Full-screen kiosk mode (production); false gives a normal window for development. */
  kiosk: boolean;
  devTools: boolean;
  bounds?: { x: number; y: number; width: number; height: number };
}

/** The one place window security options are decided. Tested without Electron. */
export function windowOptions(spec: WindowSpec): BrowserWindowConstructorOptions {
  return {
    ...(spec.bounds ?? { width: 1080, height: 1920 }),
    show: false,
    kiosk: spec.kiosk,
    fullscreen: spec.kiosk,
    frame: !spec.kiosk,
    autoHideMenuBar: true,
    backgroundColor: '#f4f7fb',
    title: '政务服务自助终端',
    webPreferences: {
      preload: spec.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: spec.devTools,
      additionalArguments: [`--kiosk-role=${spec.role}`],
    },
  };
}

/** Where a window of a role loads the renderer from: app://<role>/ so the IPC side can tell who calls. */
export function windowUrl(role: WindowRole): string {
  return `app://${role}/index.html`;
}
