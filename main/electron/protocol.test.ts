import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { protocol } from '../../tests/fakes/electron';
import { answerAppRequest, registerAppScheme, serveApp } from './protocol';

const dir = mkdtempSync(join(tmpdir(), 'app-scheme-'));
writeFileSync(join(dir, 'index.html'), '<html><head></head><body></body></html>');
writeFileSync(join(dir, 'a.js'), 'console.log(1)');

describe('app:// protocol', () => {
  it('registers a standard, secure scheme and a handler', () => {
    registerAppScheme();
    serveApp(dir);
    expect(protocol.privileged).toContainEqual(expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }));
    expect(protocol.handlers.has('app')).toBe(true);
  });

  it('serves the build with the CSP header and the window role', async () => {
    const res = await answerAppRequest('app://customer/index.html', dir);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await res.text()).toContain('<meta name="kiosk-role" content="customer">');
    const js = await answerAppRequest('app://kiosk/a.js', dir);
    expect(js.headers.get('content-type')).toContain('javascript');
  });

  it('refuses unknown hosts and paths outside the build', async () => {
    expect((await answerAppRequest('app://evil/index.html', dir)).status).toBe(404);
    expect((await answerAppRequest('app://kiosk/%2e%2e/%2e%2e/etc/passwd.txt', dir)).status).toBe(404);
  });
});
