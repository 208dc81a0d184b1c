// An HTTP proxy on loopback that misbehaves on purpose: errors, hangs, dropped connections mid-body,
// malformed or wrong bodies, lost responses, duplicated and delayed (reordered) requests.
import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | 'pass'
  /** 500 with a platform-like error body, request not forwarded. */
  | 'status500'
  /** 503 with Retry-After, not forwarded. */
  | 'status503'
  /** 429 Too Many Requests, not forwarded. */
  | 'status429'
  /** Never answers; the client's timeout must fire. */
  | 'hang'
  /** Closes the connection without forwarding. */
  | 'drop'
  /** Forwards, then sends the status line and half the body and destroys the socket. */
  | 'dropMidBody'
  /** Forwards, answers 200 with malformed JSON. */
  | 'malformedJson'
  /** Forwards, answers 200 with a well-formed body of the wrong shape. */
  | 'wrongBody'
  /** Forwards (the platform applies it), then drops the answer. */
  | 'lostResponse'
  /** Forwards twice; the client sees the second answer. */
  | 'duplicate'
  /** Answers 502 now and forwards the request later (a delayed, reordered copy). */
  | 'delayed';

interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface FaultProxy {
  url: string;
  /** Requests seen, by fault applied. */
  counts: Map<Fault, number>;
  setPlan(plan: (index: number, method: string, url: string) => Fault): void;
  /** Waits for delayed copies still in flight. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string, plan: (index: number, method: string, url: string) => Fault = () => 'pass'): Promise<FaultProxy> {
  const upstream = new URL(target);
  let current = plan;
  let index = 0;
  const counts = new Map<Fault, number>();
  const pending = new Set<Promise<unknown>>();
  const hanging = new Set<ServerResponse>();

  const forward = (req: IncomingMessage, body: Buffer): Promise<Upstream> =>
    new Promise((resolve, reject) => {
      const out = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host, connection: 'close' } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const send = (res: ServerResponse, up: Upstream) => {
    const headers = { ...up.headers };
    delete headers['transfer-encoding'];
    delete headers.connection;
    res.writeHead(up.status, { ...headers, 'content-length': String(up.body.length) });
    res.end(up.body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const fault = current(index++, req.method ?? 'GET', req.url ?? '/');
    counts.set(fault, (counts.get(fault) ?? 0) + 1);
    const json = (status: number, text: string, extra: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...extra });
      res.end(text);
    };
    switch (fault) {
      case 'pass':
        return send(res, await forward(req, body));
      case 'status500':
        return json(500, '{"error":{"code":"INTERNAL","message":"proxy says no"}}');
      case 'status503':
        return json(503, 'Service Unavailable', { 'retry-after': '0' });
      case 'status429':
        return json(429, '{"error":{"code":"RATE_LIMITED","message":"slow down"}}', { 'retry-after': '0' });
      case 'hang':
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      case 'drop':
        return req.socket.destroy();
      case 'dropMidBody': {
        const up = await forward(req, body);
        res.writeHead(up.status, { 'content-type': 'application/json', 'content-length': String(up.body.length + 100) });
        res.write(up.body.subarray(0, Math.floor(up.body.length / 2)));
        setTimeout(() => req.socket.destroy(), 5);
        return;
      }
      case 'malformedJson':
        await forward(req, body);
        return json(200, '{"results": [ {"opId": 1, "status": "appl');
      case 'wrongBody':
        await forward(req, body);
        return json(200, '{"ok": true, "note": "not what you asked for"}');
      case 'lostResponse':
        await forward(req, body);
        return req.socket.destroy();
      case 'duplicate': {
        const first = forward(req, body);
        const second = forward(req, body);
        const [, b] = await Promise.allSettled([first, second]);
        if (b.status === 'fulfilled') return send(res, b.value);
        return req.socket.destroy();
      }
      case 'delayed': {
        const later = new Promise((resolve) => setTimeout(resolve, 30 + Math.random() * 120)).then(() => forward(req, body).catch(() => undefined));
        pending.add(later);
        void later.finally(() => pending.delete(later));
        return json(502, 'Bad Gateway');
      }
    }
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks)).catch(() => req.socket.destroy());
    });
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  const settle = async () => {
    while (pending.size > 0) await Promise.allSettled([...pending]);
  };
  return {
    url: `http://127.0.0.1:${address.port}`,
    counts,
    setPlan(next) {
      current = next;
    },
    settle,
    async close() {
      for (const res of hanging) res.destroy();
      await settle();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
