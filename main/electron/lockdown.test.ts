import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { FakeSession, FakeWebContents } from '../../tests/fakes/electron';
import { installPermissionPolicy, isAllowedNavigation, isBlockedKey, lockDownContents } from './lockdown';

function fakeEvent() {
  return { preventDefault: vi.fn() };
}

describe('lockdown', () => {
  it('allows navigation only inside app://', () => {
    expect(isAllowedNavigation('app://kiosk/index.html#/guide')).toBe(true);
    expect(isAllowedNavigation('https://example.org/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)')).toBe(false);
    expect(isAllowedNavigation('not a url')).toBe(false);
  });

  it('blocks foreign navigation, redirects, webviews and new windows', () => {
    const contents = new FakeWebContents();
    lockDownContents(contents as unknown as WebContents);
    const foreign = fakeEvent();
    contents.emit('will-navigate', foreign, 'https://evil.example/');
    expect(foreign.preventDefault).toHaveBeenCalled();
    const ours = fakeEvent();
    contents.emit('will-navigate', ours, 'app://kiosk/index.html');
    expect(ours.preventDefault).not.toHaveBeenCalled();
    const redirect = fakeEvent();
    contents.emit('will-redirect', redirect, 'http://127.0.0.1:9/');
    expect(redirect.preventDefault).toHaveBeenCalled();
    const webview = fakeEvent();
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://kiosk/x' })).toEqual({ action: 'deny' });
  });

  it('swallows kiosk escape keys but not typing', () => {
    const contents = new FakeWebContents();
    lockDownContents(contents as unknown as WebContents);
    const key = (k: Partial<{ key: string; control: boolean; meta: boolean; alt: boolean; shift: boolean }>) => {
      const e = fakeEvent();
      contents.emit('before-input-event', e, { key: '', control: false, meta: false, alt: false, shift: false, ...k });
      return e.preventDefault.mock.calls.length > 0;
    };
    expect(key({ key: 'F5' })).toBe(true);
    expect(key({ key: 'F12' })).toBe(true);
    expect(key({ key: 'r', control: true })).toBe(true);
    expect(key({ key: 'I', control: true, shift: true })).toBe(true);
    expect(key({ key: 'F4', alt: true })).toBe(true);
    expect(key({ key: '=', control: true })).toBe(true);
    expect(key({ key: 'a' })).toBe(false);
    expect(key({ key: 'Enter' })).toBe(false);
    expect(isBlockedKey({ key: 'w', control: false, meta: true, alt: false, shift: false })).toBe(true);
  });

  it('denies every permission except media for our own pages', () => {
    const s = new FakeSession();
    installPermissionPolicy(s as unknown as Session);
    const ask = (permission: string, requestingUrl: string) => {
      let answer: boolean | undefined;
      s.permissionRequestHandler?.(null, permission, (granted: boolean) => (answer = granted), { requestingUrl });
      return answer;
    };
    expect(ask('geolocation', 'app://kiosk/')).toBe(false);
    expect(ask('notifications', 'app://kiosk/')).toBe(false);
    expect(ask('media', 'https://evil.example/')).toBe(false);
    expect(ask('media', 'app://kiosk/index.html')).toBe(true);
    expect(s.permissionCheckHandler?.(null, 'hid', 'app://kiosk')).toBe(false);
    expect(s.devicePermissionHandler?.({})).toBe(false);
  });
});
