import { describe, expect, it } from 'vitest';
import { browserArgs, findBrowser, hasDisplay } from './browser';

describe('browser launcher', () => {
  it('opens an app window by default and kiosk mode on request', () => {
    expect(browserArgs('http://127.0.0.1:1/', '/p', false)).toContain('--app=http://127.0.0.1:1/');
    expect(browserArgs('http://127.0.0.1:1/', '/p', false)).not.toContain('--kiosk');
    expect(browserArgs('http://127.0.0.1:1/', '/p', true)).toContain('--kiosk');
  });

  it('needs a display on Linux only', () => {
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDisplay({}, 'win32')).toBe(true);
  });

  it('finds nothing on an unknown platform and ignores a bad CHROME_PATH', () => {
    expect(findBrowser({ CHROME_PATH: '/no/such/browser' }, 'plan9')).toBeNull();
  });
});
