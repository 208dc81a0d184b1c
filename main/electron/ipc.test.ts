import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { IpcMain, WebContents } from 'electron';
import { FakeIpcMain, FakeWebContents } from '../../tests/fakes/electron';
import { createDispatcher } from '../../src/contract';
import type { Handlers } from '../../src/contract';
import { EventBus } from '../event-bus';
import { EVENT_CHANNEL, INVOKE_CHANNEL, registerIpc, roleOfSender } from './ipc';

const handlers = {
  'system.info': (_i: unknown, ctx: { role: string }) => ({
    version: '1',
    profile: 'kiosk',
    devices: 'simulated',
    shell: ctx.role === 'kiosk' ? 'electron' : 'web',
    cardDisplayMs: 10_000,
  }),
} as unknown as Handlers;

describe('IPC adapter', () => {
  function setup() {
    const ipc = new FakeIpcMain();
    const bus = new EventBus();
    const contents = new FakeWebContents();
    const dispose = registerIpc(ipc as unknown as IpcMain, createDispatcher(handlers), bus, () => [contents as unknown as WebContents]);
    const invoke = ipc.handlers.get(INVOKE_CHANNEL);
    if (!invoke) throw new Error('no handler');
    return { ipc, bus, contents, invoke, dispose };
  }

  it('dispatches calls from our windows with the role of their origin', async () => {
    const { invoke } = setup();
    const result = await invoke({ senderFrame: { url: 'app://kiosk/index.html' } }, 'system.info', {});
    expect(result).toMatchObject({ ok: true, value: { shell: 'electron' } });
  });

  it('refuses callers that are not terminal windows', async () => {
    const { invoke } = setup();
    for (const url of ['https://evil.example/', 'file:///x.html', 'app://elsewhere/', undefined]) {
      expect(await invoke({ senderFrame: url === undefined ? null : { url } }, 'system.info', {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
  });

  it('answers a non-string method and bad input with typed errors', async () => {
    const { invoke } = setup();
    const sender = { senderFrame: { url: 'app://kiosk/' } };
    expect(await invoke(sender, 42, {})).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await invoke(sender, 'system.info', { x: 1 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('forwards a rating level only to the customer page', () => {
    const { bus, contents } = setup();
    const finished = { requestId: 'r1', applicationId: 'APP-1', outcome: 'rated' as const, level: '不满意' as const };
    contents.url = 'app://window/index.html';
    bus.publish('evaluation.finished', finished);
    contents.url = 'app://customer/index.html';
    bus.publish('evaluation.finished', finished);
    expect(contents.sent).toEqual([
      [EVENT_CHANNEL, 'evaluation.finished', { requestId: 'r1', applicationId: 'APP-1', outcome: 'rated' }],
      [EVENT_CHANNEL, 'evaluation.finished', finished],
    ]);
  });

  it('forwards bus events to live windows and unregisters cleanly', () => {
    const { bus, contents, ipc, dispose } = setup();
    bus.publish('idcard.removed', {});
    expect(contents.sent).toEqual([[EVENT_CHANNEL, 'idcard.removed', {}]]);
    contents.destroyed = true;
    bus.publish('idcard.removed', {});
    expect(contents.sent).toHaveLength(1);
    dispose();
    expect(ipc.handlers.size).toBe(0);
    expect(bus.size).toBe(0);
  });

  it('gives each page a connection id that ends when the page is replaced or destroyed', async () => {
    const ipc = new FakeIpcMain();
    const seen: (string | undefined)[] = [];
    const closed = vi.fn();
    const spy = { ...handlers, 'system.info': (i: unknown, ctx: { role: string; connection?: string }) => (seen.push(ctx.connection), handlers['system.info'](i as never, ctx as never)) } as unknown as Handlers;
    registerIpc(ipc as unknown as IpcMain, createDispatcher(spy, { onConnectionClosed: closed }), new EventBus(), () => []);
    const invoke = ipc.handlers.get(INVOKE_CHANNEL);
    if (!invoke) throw new Error('no handler');
    const sender = Object.assign(new EventEmitter(), { id: 7 });
    const other = Object.assign(new EventEmitter(), { id: 8 });
    const call = (s: EventEmitter) => invoke({ senderFrame: { url: 'app://kiosk/' }, sender: s }, 'system.info', {});
    await call(sender);
    await call(sender);
    await call(other);
    expect(seen[0]).toBe(seen[1]);
    expect(seen[2]).not.toBe(seen[0]);
    // A hash change inside the page keeps the connection; a real navigation ends it.
    sender.emit('did-start-navigation', { isSameDocument: true, isMainFrame: true });
    expect(closed).not.toHaveBeenCalled();
    sender.emit('did-start-navigation', { isSameDocument: false, isMainFrame: true });
    expect(closed).toHaveBeenCalledWith(seen[0]);
    await call(sender);
    expect(seen[3]).not.toBe(seen[0]);
    other.emit('destroyed');
    expect(closed).toHaveBeenCalledWith(seen[2]);
  });

  it('derives roles from app:// origins only', () => {
    expect(roleOfSender('app://customer/index.html')).toBe('customer');
    expect(roleOfSender('http://customer/')).toBeNull();
  });
});
