/**
 * The Content-Security-Policy every window gets, as a response header (app:// in Electron, HTTP in the
 * web shell). `connect` lists the extra sources the page may open (the web shell's WebSocket).
 */
export function contentSecurityPolicy(connect: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "media-src 'self' blob: mediastream:",
    `connect-src 'self'${connect.length ? ' ' + connect.join(' ') : ''}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
