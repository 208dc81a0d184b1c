import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { ClientMessage, MAX_MESSAGE_BYTES } from '../../src/contract';
import type { Dispatcher, ServerMessage, WindowRole } from '../../src/contract';
import type { EventBus } from '../event-bus';
import type { Logger } from '../log';
import { eventForRole } from '../role-events';
import { contentSecurityPolicy } from '../shared/csp';
import { readStatic } from '../shared/static-files';

export const LOOPBACK_HOSTS = ['127.0.0.1', '::1', 'localhost'] as const;

export class NonLoopbackBindError extends Error {
  constructor(host: string) {
    super(`The web shell only binds to loopback (127.0.0.1, ::1); refusing ${host}`);
    this.name = 'NonLoopbackBindError';
  }
}

export interface WebShellOptions {
  host?: string;
  port: number;
  rendererDir: string;
  dispatcher: Dispatcher;
  bus: EventBus;
  /** Window roles a page of this shell may claim (e.g. kiosk + customer + technician). */
  roles: readonly WindowRole[];
  logger: Logger;
}

export interface WebShell {
  readonly url: string;
  readonly port: number;
  /** Per-launch secret; only the page this server serves receives it. */
  readonly token: string;
  connectionCount(): number;
  close(): Promise<void>;
}

const TOKEN_META = 'kiosk-session';
const ROLE_META = 'kiosk-role';

/** Pages other than the profile's main screen, by path. */
const PAGE_ROLES: Record<string, WindowRole> = { '/customer': 'customer', '/technician': 'technician' };

function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuseUpgrade(socket: Duplex, status: 400 | 403 | 404, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The web shell: serves the renderer build and the contract over one WebSocket, on loopback only.
 * A page is accepted only when its Origin is ours and it presents the per-launch token, so other local
 * pages (the weakness of today's hall "hardware middleware") cannot drive the devices.
 */
export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const host = options.host ?? '127.0.0.1';
  if (!(LOOPBACK_HOSTS as readonly string[]).includes(host)) throw new NonLoopbackBindError(host);
  const token = randomBytes(32).toString('base64url');
  const { logger } = options;
  let port = options.port;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  const allowedOrigins = () => allowedHosts().map((h) => `http://${h}`);

  const securityHeaders = (res: ServerResponse) => {
    // CSP source lists cannot hold IPv6 literals; 'self' covers a page served from [::1].
    const ws = allowedHosts()
      .filter((h) => !h.startsWith('['))
      .map((h) => `ws://${h}`);
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(ws));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  };

  const handleHttp = async (req: IncomingMessage, res: ServerResponse) => {
    securityHeaders(res);
    if (!allowedHosts().includes(req.headers.host ?? '')) {
      // A foreign Host header means DNS rebinding or a proxy; neither may reach the terminal.
      res.writeHead(421).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    const file = await readStatic(options.rendererDir, path);
    if (!file) {
      const missingBuild = path === '/' || !path.includes('.');
      res.writeHead(missingBuild ? 503 : 404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(missingBuild ? 'The terminal UI is not built yet: run `npm run build`.' : 'Not found');
      return;
    }
    let body = file.body;
    if (file.type.startsWith('text/html')) {
      const role = PAGE_ROLES[path] ?? options.roles[0] ?? 'kiosk';
      const meta = `<meta name="${TOKEN_META}" content="${token}"><meta name="${ROLE_META}" content="${role}">`;
      body = Buffer.from(body.toString('utf8').replace('</head>', `${meta}</head>`));
      res.setHeader('Cache-Control', 'no-store');
    } else {
      res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    }
    res.writeHead(200, { 'Content-Type': file.type, 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const server = createServer((req, res) => {
    handleHttp(req, res).catch((error: unknown) => {
      logger.error('web shell request failed', { error });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const roleOf = new WeakMap<WebSocket, WindowRole>();

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (url.pathname !== '/api') return refuseUpgrade(socket, 404, 'Not Found');
    if (!allowedHosts().includes(req.headers.host ?? '')) return refuseUpgrade(socket, 403, 'Forbidden');
    const origin = req.headers.origin ?? '';
    if (!allowedOrigins().includes(origin)) {
      logger.warn('refused a WebSocket from a foreign origin', { origin: origin.slice(0, 100) });
      return refuseUpgrade(socket, 403, 'Forbidden');
    }
    if (!tokensEqual(url.searchParams.get('token') ?? '', token)) {
      logger.warn('refused a WebSocket without the session token');
      return refuseUpgrade(socket, 403, 'Forbidden');
    }
    const role = url.searchParams.get('role') ?? '';
    if (!(options.roles as readonly string[]).includes(role)) return refuseUpgrade(socket, 400, 'Bad Request');
    wss.handleUpgrade(req, socket, head, (ws) => {
      roleOf.set(ws, role as WindowRole);
      wss.emit('connection', ws, req);
    });
  });

  wss.on('connection', (ws: WebSocket) => {
    const send = (message: ServerMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    // One connection id per WebSocket: a technician unlock belongs to it and ends when it closes.
    const connection = `ws:${randomUUID()}`;
    // Each page hears an event as its role may (a rating's level reaches only the customer page).
    const pageRole = roleOf.get(ws) ?? null;
    const unsubscribe = options.bus.subscribe((event, payload) => send({ type: 'event', event, payload: eventForRole(pageRole, event, payload) }));
    let ended = false;
    const end = () => {
      unsubscribe();
      if (ended) return;
      ended = true;
      options.dispatcher.connectionClosed(connection);
    };
    ws.on('close', end);
    ws.on('error', end);
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      let raw: unknown;
      try {
        raw = JSON.parse(data.toString());
      } catch {
        return;
      }
      const parsed = ClientMessage.safeParse(raw);
      if (!parsed.success) {
        const id = typeof raw === 'object' && raw !== null && 'id' in raw && Number.isInteger(raw.id) ? Number(raw.id) : null;
        if (id !== null && id >= 0) {
          send({ type: 'result', id, result: { ok: false, error: { code: 'BAD_INPUT', reason: 'contract.badInput', message: 'Malformed call' } } });
        }
        return;
      }
      const { id, method, input } = parsed.data;
      const role = roleOf.get(ws) ?? 'kiosk';
      void options.dispatcher.dispatch(method, input, { role, connection }).then((result) => send({ type: 'result', id, result }));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host === 'localhost' ? '127.0.0.1' : host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://${host === '::1' ? '[::1]' : '127.0.0.1'}:${port}/`;

  return {
    url,
    port,
    token,
    connectionCount: () => wss.clients.size,
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
