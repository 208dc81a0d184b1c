import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createDispatcher } from '../../src/contract';
import type { Handlers, ServerMessage } from '../../src/contract';
import { EventBus } from '../event-bus';
import { silentLogger } from '../log';
import { NonLoopbackBindError, startWebShell } from './server';
import type { WebShell } from './server';

const handlers = {
  'system.info': () => ({ version: 't', profile: 'kiosk', devices: 'simulated', shell: 'web', cardDisplayMs: 10_000 }),
  'device.list': () => [],
  'idcard.read': () => ({ status: 'no-card' }),
  'sim.idcard.samples': () => [],
  'sim.idcard.insert': () => ({ placed: true }),
  'sim.idcard.remove': () => ({ removed: false }),
} as unknown as Handlers;

function dir(): string {
  const d = mkdtempSync(join(tmpdir(), 'webshell-'));
  writeFileSync(join(d, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  return d;
}

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Resolves with 'open' or the HTTP status the server refused the upgrade with. */
function tryConnect(url: string, origin?: string): Promise<{ outcome: 'open'; ws: WebSocket } | { outcome: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, origin === undefined ? {} : { origin });
    ws.on('open', () => resolve({ outcome: 'open', ws }));
    ws.on('unexpected-response', (_req, res) => resolve({ outcome: res.statusCode ?? 0 }));
    ws.on('error', () => resolve({ outcome: 0 }));
  });
}

describe('web shell', () => {
  let shell: WebShell;
  let bus: EventBus;
  beforeEach(async () => {
    bus = new EventBus();
    shell = await startWebShell({
      port: 0,
      rendererDir: dir(),
      dispatcher: createDispatcher(handlers),
      bus,
      roles: ['kiosk', 'customer'],
      logger: silentLogger,
    });
  });
  afterEach(async () => {
    await shell.close();
  });

  const origin = () => `http://127.0.0.1:${shell.port}`;
  const api = (token: string | null, role = 'kiosk') =>
    `ws://127.0.0.1:${shell.port}/api?role=${role}` + (token === null ? '' : `&token=${encodeURIComponent(token)}`);

  it('serves the page with the session token and a strict CSP', async () => {
    const res = await get(shell.url);
    expect(res.status).toBe(200);
    expect(res.body).toContain(`<meta name="kiosk-session" content="${shell.token}">`);
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(res.headers['content-security-policy'])).not.toContain('unsafe-inline');
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await get(shell.url, { Host: `evil.example:${shell.port}` });
    expect(res.status).toBe(421);
    expect(res.body).not.toContain(shell.token);
  });

  it('accepts our page and answers calls and events', async () => {
    const conn = await tryConnect(api(shell.token), origin());
    expect(conn.outcome).toBe('open');
    if (conn.outcome !== 'open') return;
    const messages: ServerMessage[] = [];
    conn.ws.on('message', (d: Buffer) => messages.push(JSON.parse(d.toString()) as ServerMessage));
    conn.ws.send(JSON.stringify({ type: 'call', id: 1, method: 'system.info', input: {} }));
    conn.ws.send(JSON.stringify({ type: 'call', id: 2, method: 'idcard.read', input: { evil: true } }));
    conn.ws.send('not json');
    conn.ws.send(JSON.stringify({ type: 'call', id: 3, method: 42 }));
    await expect.poll(() => messages.length).toBe(3);
    bus.publish('idcard.removed', {});
    await expect.poll(() => messages.length).toBe(4);
    const byId = (id: number) => messages.find((m) => m.type === 'result' && m.id === id);
    expect(byId(1)).toMatchObject({ result: { ok: true, value: { shell: 'web' } } });
    expect(byId(2)).toMatchObject({ result: { ok: false, error: { code: 'BAD_INPUT' } } });
    expect(byId(3)).toMatchObject({ result: { ok: false, error: { code: 'BAD_INPUT' } } });
    expect(messages[3]).toEqual({ type: 'event', event: 'idcard.removed', payload: {} });
    conn.ws.close();
  });

  it('delivers each event as the page’s role may hear it: a rating level reaches only the customer page', async () => {
    const kiosk = await tryConnect(api(shell.token, 'kiosk'), origin());
    const customer = await tryConnect(api(shell.token, 'customer'), origin());
    if (kiosk.outcome !== 'open' || customer.outcome !== 'open') throw new Error('no connection');
    const heard = { kiosk: [] as ServerMessage[], customer: [] as ServerMessage[] };
    kiosk.ws.on('message', (d: Buffer) => heard.kiosk.push(JSON.parse(d.toString()) as ServerMessage));
    customer.ws.on('message', (d: Buffer) => heard.customer.push(JSON.parse(d.toString()) as ServerMessage));
    bus.publish('evaluation.finished', { requestId: 'r1', applicationId: 'APP-1', outcome: 'rated', level: '非常满意' });
    await expect.poll(() => heard.kiosk.length + heard.customer.length).toBe(2);
    expect(heard.customer[0]).toEqual({ type: 'event', event: 'evaluation.finished', payload: { requestId: 'r1', applicationId: 'APP-1', outcome: 'rated', level: '非常满意' } });
    expect(heard.kiosk[0]).toEqual({ type: 'event', event: 'evaluation.finished', payload: { requestId: 'r1', applicationId: 'APP-1', outcome: 'rated' } });
    kiosk.ws.close();
    customer.ws.close();
  });

  it('refuses a WebSocket from a foreign origin', async () => {
    expect((await tryConnect(api(shell.token), 'http://evil.example')).outcome).toBe(403);
    expect((await tryConnect(api(shell.token), `http://127.0.0.1:${shell.port + 1}`)).outcome).toBe(403);
    expect((await tryConnect(api(shell.token))).outcome).toBe(403);
  });

  it('refuses a WebSocket with a missing or wrong token', async () => {
    expect((await tryConnect(api(null), origin())).outcome).toBe(403);
    expect((await tryConnect(api('wrong'), origin())).outcome).toBe(403);
    const last = shell.token.slice(-1);
    const tampered = shell.token.slice(0, -1) + (last === 'A' ? 'B' : 'A');
    expect((await tryConnect(api(tampered), origin())).outcome).toBe(403);
  });

  it('refuses a role the shell does not serve', async () => {
    expect((await tryConnect(api(shell.token, 'window'), origin())).outcome).toBe(400);
  });
});

describe('web shell binding', () => {
  it.each(['0.0.0.0', '192.168.1.10', '::', 'example.org'])('refuses to bind %s', async (host) => {
    await expect(
      startWebShell({
        host,
        port: 0,
        rendererDir: dir(),
        dispatcher: createDispatcher(handlers),
        bus: new EventBus(),
        roles: ['kiosk'],
        logger: silentLogger,
      }),
    ).rejects.toBeInstanceOf(NonLoopbackBindError);
  });
});
