import type { Input, Session, WebContents } from 'electron';

/** Navigation stays inside our own app:// origins; everything else is refused. */
export function isAllowedNavigation(url: string): boolean {
  try {
    return new URL(url).protocol === 'app:';
  } catch {
    return false;
  }
}

const BLOCKED_KEYS = new Set(['F5', 'F11', 'F12']);
const BLOCKED_WITH_CONTROL = new Set(['r', 'w', 'q', 'n', 't', 'p', 's', 'o', '+', '-', '=', '0']);

/** Keys that would reload, close, zoom, print or open DevTools in a kiosk. */
export function isBlockedKey(input: Pick<Input, 'key' | 'control' | 'meta' | 'alt' | 'shift'>): boolean {
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  if (BLOCKED_KEYS.has(key)) return true;
  if (input.alt && key === 'F4') return true;
  if ((input.control || input.meta) && BLOCKED_WITH_CONTROL.has(key)) return true;
  if ((input.control || input.meta) && input.shift && (key === 'i' || key === 'j' || key === 'c')) return true;
  return false;
}

/** Applies to every WebContents we create: no foreign navigation, no new windows, no kiosk escape keys. */
export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('before-input-event', (event, input) => {
    if (isBlockedKey(input)) event.preventDefault();
  });
}

/**
 * Permission policy: deny by default. The only grant is media (the document camera) to our own app://
 * pages, which the camera issue needs; nothing else (geolocation, notifications, USB, HID…) ever.
 */
export function installPermissionPolicy(session: Session): void {
  const ours = (origin: string) => isAllowedNavigation(origin);
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const origin = details.requestingUrl || contents?.getURL() || '';
    callback(permission === 'media' && ours(origin));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permission === 'media' && ours(requestingOrigin));
  session.setDevicePermissionHandler(() => false);
}
