import { describe, expect, it } from 'vitest';
import { contentTypeOf, resolveStaticPath } from './static-files';

describe('resolveStaticPath', () => {
  const root = '/srv/app';
  it('serves files inside the root and routes to index.html', () => {
    expect(resolveStaticPath(root, '/assets/a.js')).toBe('/srv/app/assets/a.js');
    expect(resolveStaticPath(root, '/')).toBe('/srv/app/index.html');
    expect(resolveStaticPath(root, '/customer')).toBe('/srv/app/index.html');
  });

  it.each(['/../etc/passwd.txt', '/%2e%2e/%2e%2e/etc/x.txt', '/a/..%2f..%2fsecret.txt', '/x%00.js', '/%E0%A4%A.js', '/..\\x.js'])(
    'refuses %s',
    (path) => {
      expect(resolveStaticPath(root, path)).toBeNull();
    },
  );

  it('knows content types', () => {
    expect(contentTypeOf('a.JS')).toContain('javascript');
    expect(contentTypeOf('a.bin')).toBe('application/octet-stream');
  });
});
