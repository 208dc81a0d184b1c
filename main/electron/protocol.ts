import { protocol } from 'electron';
import type { WindowRole } from '../../src/contract';
import { contentSecurityPolicy } from '../shared/csp';
import { readStatic } from '../shared/static-files';

export const APP_SCHEME = 'app';
const ROLES: readonly WindowRole[] = ['kiosk', 'window', 'customer', 'technician'];

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Answers one app:// request from the renderer build, with the CSP as a response header. */
export async function answerAppRequest(url: string, rendererDir: string): Promise<Response> {
  const parsed = new URL(url);
  const role = ROLES.find((r) => r === parsed.hostname);
  const headers = { 'Content-Security-Policy': contentSecurityPolicy(), 'X-Content-Type-Options': 'nosniff' };
  if (!role) return new Response('Not found', { status: 404, headers });
  const file = await readStatic(rendererDir, parsed.pathname);
  if (!file) return new Response('Not found', { status: 404, headers });
  let body: Uint8Array = file.body;
  if (file.type.startsWith('text/html')) {
    body = Buffer.from(file.body.toString('utf8').replace('</head>', `<meta name="kiosk-role" content="${role}"></head>`));
  }
  return new Response(new Uint8Array(body), { status: 200, headers: { ...headers, 'Content-Type': file.type } });
}

export function serveApp(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(request.url, rendererDir));
}
