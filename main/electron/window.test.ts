import { describe, expect, it } from 'vitest';
import { windowOptions, windowUrl } from './window';

describe('kiosk window options', () => {
  const opts = windowOptions({ preloadPath: '/app/dist/main/preload.cjs', role: 'kiosk', kiosk: true, devTools: false });

  it('isolates the renderer', () => {
    expect(opts.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      preload: '/app/dist/main/preload.cjs',
    });
  });

  it('is a frameless full-screen kiosk that shows only when ready', () => {
    expect(opts).toMatchObject({ kiosk: true, fullscreen: true, frame: false, show: false });
  });

  it('loads each role from its own app:// origin', () => {
    expect(windowUrl('kiosk')).toBe('app://kiosk/index.html');
    expect(windowUrl('customer')).toBe('app://customer/index.html');
  });
});
