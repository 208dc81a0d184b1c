import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';

const CANDIDATES: Record<string, readonly string[]> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium', '/usr/bin/microsoft-edge'],
  darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
};

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The system Chromium/Chrome/Edge, or null. CHROME_PATH wins when it points at something runnable. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, platform: string = process.platform): string | null {
  if (env.CHROME_PATH && executable(env.CHROME_PATH)) return env.CHROME_PATH;
  return (CANDIDATES[platform] ?? []).find(executable) ?? null;
}

/** On Linux a browser window needs a display; without one we only print the address. */
export function hasDisplay(env: NodeJS.ProcessEnv = process.env, platform: string = process.platform): boolean {
  return platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export function browserArgs(url: string, profileDir: string, kiosk: boolean): string[] {
  return [
    kiosk ? '--kiosk' : '--window-size=1080,1920',
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-translate',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    '--autoplay-policy=no-user-gesture-required',
  ];
}

export function openBrowser(path: string, url: string, dataDir: string, kiosk: boolean): void {
  const child = spawn(path, browserArgs(url, join(dataDir, 'browser-profile'), kiosk), { stdio: 'ignore', detached: true });
  child.on('error', () => {});
  child.unref();
}
