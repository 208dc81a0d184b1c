import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createDispatcher } from '../../src/contract';
import type { CallContext, Handlers, ServerMessage } from '../../src/contract';
import { EventBus } from '../event-bus';
import { silentLogger } from '../log';
import { startWebShell } from './server';
import type { WebShell } from './server';

// Every WebSocket is one connection for the technician session: calls carry its id, and its end is reported.
const seen: CallContext[] = [];
const handlers = {
  'system.info': (_i: unknown, ctx: CallContext) => {
    seen.push(ctx);
    return { version: 't', profile: 'kiosk', devices: 'simulated', shell: 'web', cardDisplayMs: 10_000 };
  },
} as unknown as Handlers;

let shell: WebShell | null = null;
afterEach(async () => {
  await shell?.close();
  seen.length = 0;
});

async function open(s: WebShell, role: string): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${s.port}/api?role=${role}&token=${encodeURIComponent(s.token)}`, { origin: `http://127.0.0.1:${s.port}` });
  await new Promise((resolve, reject) => {
    ws.on('open', resolve);
    ws.on('error', reject);
  });
  return ws;
}

function call(ws: WebSocket, id: number): Promise<ServerMessage> {
  return new Promise((resolve) => {
    ws.on('message', (d: Buffer) => {
      const m = JSON.parse(d.toString()) as ServerMessage;
      if (m.type === 'result' && m.id === id) resolve(m);
    });
    ws.send(JSON.stringify({ type: 'call', id, method: 'system.info', input: {} }));
  });
}

describe('web shell connections', () => {
  it('gives each WebSocket its own connection id and reports when it closes', async () => {
    const closed: string[] = [];
    const dispatcher = createDispatcher(handlers, { onConnectionClosed: (c) => closed.push(c) });
    shell = await startWebShell({ port: 0, rendererDir: dir(), dispatcher, bus: new EventBus(), roles: ['kiosk', 'technician'], logger: silentLogger });
    const a = await open(shell, 'kiosk');
    const b = await open(shell, 'technician');
    await call(a, 1);
    await call(a, 2);
    await call(b, 3);
    expect(seen.map((c) => c.role)).toEqual(['kiosk', 'kiosk', 'technician']);
    expect(seen[0]?.connection).toMatch(/^ws:[0-9a-f-]{36}$/);
    expect(seen[1]?.connection).toBe(seen[0]?.connection);
    expect(seen[2]?.connection).not.toBe(seen[0]?.connection);
    a.close();
    await expect.poll(() => closed).toEqual([seen[0]?.connection]);
    b.terminate();
    await expect.poll(() => closed.length).toBe(2);
  });
});

function dir(): string {
  const d = mkdtempSync(join(tmpdir(), 'webshell-conn-'));
  writeFileSync(join(d, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  return d;
}
