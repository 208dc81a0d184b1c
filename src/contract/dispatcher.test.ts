import { describe, expect, it, vi } from 'vitest';
import { createClient } from './client';
import { createDispatcher } from './dispatcher';
import type { Handlers } from './dispatcher';
import { ContractError } from './errors';
import type { ClientTransport } from './wire';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'system.info': () => ({ version: '1', profile: 'kiosk', devices: 'simulated', shell: 'web', cardDisplayMs: 10_000 }),
    'device.list': () => [],
    'idcard.read': () => ({ status: 'no-card' }),
    'sim.idcard.samples': () => [{ id: 'a', label: 'A' }],
    'sim.idcard.insert': () => ({ placed: true }),
    'sim.idcard.remove': () => ({ removed: true }),
    ...overrides,
  } as Handlers;
}

const ctx = { role: 'kiosk' } as const;

describe('dispatcher', () => {
  it('runs a valid call and returns the validated output', async () => {
    const d = createDispatcher(handlers());
    expect(await d.dispatch('sim.idcard.insert', { id: 'a' }, ctx)).toEqual({ ok: true, value: { placed: true } });
  });

  it('answers invalid input with BAD_INPUT and the field path, without calling the handler', async () => {
    const insert = vi.fn(() => ({ placed: true as const }));
    const d = createDispatcher(handlers({ 'sim.idcard.insert': insert }));
    const result = await d.dispatch('sim.idcard.insert', { id: 42 }, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({ code: 'BAD_INPUT', reason: 'contract.badInput', issues: [{ path: 'id', reason: 'invalidType' }] });
      // our codes only: zod's English never crosses the contract
      expect(JSON.stringify(result.error.issues)).not.toMatch(/expected|Invalid|received/);
    }
    expect(await d.dispatch('sim.idcard.insert', {}, ctx)).toMatchObject({ ok: false, error: { issues: [{ path: 'id', reason: 'required' }] } });
    expect(await d.dispatch('system.info', { extra: 1 }, ctx)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', issues: [{ path: 'extra', reason: 'notAllowed' }] } });
    expect(insert).not.toHaveBeenCalled();
  });

  it('answers an unknown method, including prototype names', async () => {
    const d = createDispatcher(handlers());
    expect(await d.dispatch('nope.nothing', {}, ctx)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD', reason: 'contract.unknownMethod' } });
    expect(await d.dispatch('__proto__', {}, ctx)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await d.dispatch('toString', {}, ctx)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('turns a thrown error into a typed INTERNAL error with no stack or message leak', async () => {
    const onInternalError = vi.fn();
    const d = createDispatcher(
      handlers({
        'idcard.read': () => {
          throw new Error('secret path /home/x at 430102199003071234');
        },
      }),
      { onInternalError },
    );
    const result = await d.dispatch('idcard.read', {}, ctx);
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', reason: 'contract.internal', message: 'idcard.read failed inside the terminal' } });
    expect(JSON.stringify(result)).not.toMatch(/stack|secret|4301/);
    expect(onInternalError).toHaveBeenCalledOnce();
  });

  it('passes ContractErrors through with their code, reason and params', async () => {
    const d = createDispatcher(
      handlers({
        'idcard.read': () => {
          throw new ContractError('DEVICE_ERROR', 'device.failed', { params: { device: 'idcard', result: 'timeout' }, detail: 'no answer in 2 s' });
        },
      }),
    );
    expect(await d.dispatch('idcard.read', {}, ctx)).toEqual({
      ok: false,
      error: { code: 'DEVICE_ERROR', reason: 'device.failed', params: { device: 'idcard', result: 'timeout' }, message: 'no answer in 2 s' },
    });
  });

  it('refuses an output that breaks its schema', async () => {
    const d = createDispatcher(handlers({ 'idcard.read': () => ({ status: 'weird' }) as never }));
    expect(await d.dispatch('idcard.read', {}, ctx)).toMatchObject({ ok: false, error: { code: 'BAD_OUTPUT' } });
  });
});

describe('dispatcher: privileged (technician) methods', () => {
  const testPage = vi.fn(() => ({ report: {}, preview: {} }) as never);
  const printing = handlers({ 'printer.printTestPage': testPage });

  it('refuses a privileged method when no session check is configured, or the caller has no connection', async () => {
    expect(await createDispatcher(printing).dispatch('printer.printTestPage', {}, { role: 'technician', connection: 'c1' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', reason: 'contract.needsTechnician' },
    });
    const isPrivileged = vi.fn(() => true);
    expect(await createDispatcher(printing, { isPrivileged }).dispatch('printer.printTestPage', {}, { role: 'technician' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(isPrivileged).not.toHaveBeenCalled();
    expect(testPage).not.toHaveBeenCalled();
  });

  it('asks about the calling connection and runs the handler only when it is unlocked', async () => {
    const unlocked = new Set(['c1']);
    const d = createDispatcher(printing, { isPrivileged: (c) => unlocked.has(c.connection ?? '') });
    expect(await d.dispatch('printer.printTestPage', {}, { role: 'technician', connection: 'c2' })).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect(testPage).not.toHaveBeenCalled();
    await d.dispatch('printer.printTestPage', {}, { role: 'technician', connection: 'c1' });
    expect(testPage).toHaveBeenCalledOnce();
  });

  it('checks roles before the session: the customer screen can never reach a privileged method', async () => {
    const d = createDispatcher(printing, { isPrivileged: () => true });
    expect(await d.dispatch('printer.printTestPage', {}, { role: 'customer', connection: 'c1' })).toMatchObject({ error: { code: 'FORBIDDEN', reason: 'contract.wrongRole' } });
  });

  it('does not validate the input of a refused call (nothing about the method leaks)', async () => {
    const d = createDispatcher(printing);
    expect(await d.dispatch('printer.printTestPage', { english: 'yes' }, { role: 'technician', connection: 'c1' })).toMatchObject({
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  it('tells the session owner when a shell connection closes', () => {
    const onConnectionClosed = vi.fn();
    createDispatcher(printing, { onConnectionClosed }).connectionClosed('ws-7');
    expect(onConnectionClosed).toHaveBeenCalledWith('ws-7');
  });
});

describe('client', () => {
  function loopback(h: Handlers) {
    const d = createDispatcher(h);
    let push: (event: string, payload: unknown) => void = () => {};
    const transport: ClientTransport = {
      invoke: (method, input) => d.dispatch(method, input, ctx),
      subscribe: (listener) => {
        push = listener;
        return () => {};
      },
    };
    return { client: createClient(transport), push: (e: string, p: unknown) => push(e, p) };
  }

  it('calls through any transport and throws typed errors', async () => {
    const { client } = loopback(handlers());
    expect(await client.call('sim.idcard.samples')).toEqual([{ id: 'a', label: 'A' }]);
    const failed = client.call('sim.idcard.insert', { id: '' });
    await expect(failed).rejects.toBeInstanceOf(ContractError);
    await expect(failed).rejects.toMatchObject({ code: 'BAD_INPUT', reason: 'contract.badInput', issues: [{ path: 'id', reason: 'required' }] });
  });

  it('reads a reason it does not know (a newer terminal) as contract.unknownReason, keeping the code', async () => {
    const client = createClient({
      invoke: () => Promise.resolve({ ok: false, error: { code: 'CONFLICT', reason: 'future.thing', message: 'x', issues: [{ path: 'a', reason: 'futureIssue' }] } } as never),
      subscribe: () => () => {},
    });
    await expect(client.call('system.info')).rejects.toMatchObject({ code: 'CONFLICT', reason: 'contract.unknownReason', issues: [{ path: 'a', reason: 'invalid' }] });
  });

  it('delivers valid events and drops malformed ones', () => {
    const { client, push } = loopback(handlers());
    const seen: unknown[] = [];
    const off = client.on('idcard.inserted', (p) => seen.push(p));
    const card = { cardType: 'resident', maskedName: '张*', maskedIdNumber: '4301**********1234', idNumberValid: true };
    push('idcard.inserted', { card });
    push('idcard.inserted', { card: { cardType: 'alien' } });
    push('no.such.event', {});
    off();
    push('idcard.inserted', { card });
    expect(seen).toEqual([{ card }]);
  });

  it('reports a dead transport as TRANSPORT', async () => {
    const client = createClient({ invoke: () => Promise.reject(new Error('gone')), subscribe: () => () => {} });
    await expect(client.call('system.info')).rejects.toMatchObject({ code: 'TRANSPORT', reason: 'contract.noAnswer' });
  });
});
