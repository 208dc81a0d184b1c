// The window workstation's privileged side (main/window) against the real platform over HTTP, through a
// proxy that can cut the line: staff sign-in, the category queue with time-limit states, accept printing
// the acceptance notice with the working-day date, offline queueing with the last synced copy marked stale,
// replay in order on return, the losing window told who acted, a lost answer retried exactly once, and the
// hand-out identity check with the collector's card.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCards } from '../../devices/simulators/idcard/sample-cards';
import { interpret } from '../../devices/protocols/escpos/interpreter';
import { loadCatalog } from '../../main/catalog';
import { DeviceManager } from '../../devices/manager/device-manager';
import { defaultDeviceSettings } from '../../devices/manager/settings';
import { silentLogger } from '../../main/log';
import { hallDate } from '../../main/window/view';
import { createWorkstation } from '../../main/window';
import type { Workstation } from '../../main/window';
import { chineseDate } from '../../src/documents/format';
import { loadOrCreateKeyFile, openStore } from '../../src/store';
import type { Store } from '../../src/store';
import type { TerminalCredentials } from '../../src/sync/client';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { startPlatform, type RunningPlatform } from '../support/platform';
import { repositoryEngines } from '../support/engines';
import { application } from '../support/sync-fixtures';
import { until } from './support/until';

const engines = repositoryEngines('window workstation tests');
const HALL = 'QX01';
const PIN = '246810';

interface Station {
  ws: Workstation;
  store: Store;
  devices: DeviceManager;
  dir: string;
  printed(): string[][];
}

describe.each(engines)('window workstation against the platform on $name', ({ skip, open }) => {
  let p: RunningPlatform;
  let proxy: FaultProxy;
  let creds: TerminalCredentials;
  let opId = 0;
  const stations: Station[] = [];

  /** A workstation; `direct` bypasses the proxy (a second window whose line is not cut). */
  const station = async (windowId: string, direct = false): Promise<Station> => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-window-'));
    const store = openStore({ path: join(dir, 'terminal.sqlite'), key: loadOrCreateKeyFile(join(dir, 'terminal.key')) });
    const catalog = loadCatalog(store, silentLogger);
    const devices = new DeviceManager({ settings: defaultDeviceSettings('simulated') });
    await devices.start();
    const ws = createWorkstation({
      windowId,
      store,
      devices,
      catalog: () => catalog,
      logger: silentLogger,
      publish: () => undefined,
      platform: async () => ({ url: direct ? p.url : proxy.url, hallId: HALL }),
      probeMs: 50,
    });
    await ws.start();
    const virtual = devices.simulator?.printer.virtual;
    const s = { ws, store, devices, dir, printed: () => [...(virtual?.recentJobs() ?? [])].map((job) => [...interpret(job.bytes).lines]) };
    stations.push(s);
    return s;
  };
  const submit = async (id: string, itemCode = 'GA-03', department = 'DEP-GA') => {
    opId += 1;
    const outcome = await p.client(creds).push([{ opId, idempotencyKey: `submit:${id}`, kind: 'application.submitted', payload: { ...application(id), itemCode, department, submittedAt: new Date().toISOString() } }]);
    expect(outcome.kind).toBe('ok');
  };
  const status = async (id: string) => (await p.repo.getApplication(id))?.status;

  beforeAll(async () => {
    if (skip) return;
    p = await startPlatform(await open());
    proxy = await startFaultProxy(p.url);
    await p.admin('PUT', '/admin/windows', { hallId: HALL, windowId: 'W01', name: '综合窗口 1', categories: ['DEP-GA'] });
    await p.admin('PUT', '/admin/windows', { hallId: HALL, windowId: 'W02', name: '综合窗口 2', categories: ['DEP-GA', 'DEP-MZ'] });
    await p.admin('POST', '/admin/staff', { hallId: HALL, staffNumber: 'A0317', name: '张工', pin: PIN });
    await p.admin('POST', '/admin/staff', { hallId: HALL, staffNumber: 'A0318', name: '李工', pin: PIN });
    creds = await p.enrolTerminal(HALL);
  });
  afterAll(async () => {
    if (skip) return;
    for (const s of stations) {
      s.ws.close();
      await s.devices.close();
      s.store.close();
      rmSync(s.dir, { recursive: true, force: true });
    }
    await proxy.close();
    await p.close();
    await p.repo.close();
  });

  it.skipIf(skip)('signs in, shows its categories most urgent first, accepts and prints the notice with the working-day date', async () => {
    await submit('WS-1');
    await submit('WS-MZ', 'MZ-05', 'DEP-MZ');
    const w1 = await station('W01');
    expect(await w1.ws.handlers['window.signIn']({ staffNumber: 'A0317', pin: '000000' }, { role: 'window' })).toMatchObject({ ok: false, reason: 'wrong-pin', attemptsLeft: 4 });
    expect(await w1.ws.handlers['window.signIn']({ staffNumber: 'A0317', pin: PIN }, { role: 'window' })).toMatchObject({ ok: true, state: { session: { staffNumber: 'A0317', windowId: 'W01' } } });

    const queue = await w1.ws.core.queue();
    expect(queue.stale).toBe(false);
    const row = queue.applications.find((a) => a.applicationId === 'WS-1');
    expect(row).toMatchObject({ itemName: '居民身份证换领', applicantIdNumber: '4301**********1234', actions: ['accept', 'supplement', 'reject'], deadline: { clock: 'notice' } });
    expect(queue.applications.map((a) => a.applicationId)).not.toContain('WS-MZ');

    const result = await w1.ws.actions.act({ applicationId: 'WS-1', action: 'accept', expectedStatus: 'submitted' });
    const catalog = loadCatalog(w1.store, silentLogger);
    const due = catalog?.calendar.addWorkingDays(hallDate(new Date()), 15).date ?? '';
    expect(result).toEqual({ outcome: 'done', status: 'accepted', printed: 'printed', promisedDate: due });
    expect(await status('WS-1')).toBe('accepted');
    const notice = w1.printed().at(-1)?.join('') ?? '';
    expect(notice).toContain('受理通知书');
    expect(notice).toContain(`预计于${chineseDate(due)}前办结`);
    expect(notice).toContain('张三');
    expect(notice).not.toContain('430102199003071234');

    // 不予受理 prints its notice with the reason and legal basis.
    await submit('WS-2');
    const reason = '申请事项依法不需要取得行政许可（《行政许可法》第三十二条第一款第一项）';
    expect(await w1.ws.actions.act({ applicationId: 'WS-2', action: 'reject', expectedStatus: 'submitted', reason })).toMatchObject({ outcome: 'done', status: 'rejected', printed: 'printed' });
    const rejection = w1.printed().at(-1)?.join('') ?? '';
    expect(rejection).toContain('不予受理通知书');
    expect(rejection).toContain(reason);
    expect(rejection).toContain('居民身份证换领');
    expect(rejection).toContain('综合窗口 1');
    expect(rejection).not.toContain('430102199003071234');
  });

  it.skipIf(skip)('offline: the last synced queue marked stale, actions queued in order and applied when the platform is back', async () => {
    await submit('OFF-1');
    await submit('OFF-2');
    await submit('OFF-3');
    const w1 = await station('W01');
    await w1.ws.handlers['window.signIn']({ staffNumber: 'A0317', pin: PIN }, { role: 'window' });
    await w1.ws.core.queue();
    await w1.ws.core.application('OFF-1');
    await w1.ws.core.application('OFF-2');
    await w1.ws.core.application('OFF-3');

    proxy.setPlan(() => 'drop');
    const stale = await w1.ws.core.queue();
    expect(stale.stale).toBe(true);
    expect(stale.applications.map((a) => a.applicationId)).toEqual(expect.arrayContaining(['OFF-1', 'OFF-2']));
    expect(w1.ws.core.state().platform).toBe('offline');
    expect(await w1.ws.actions.act({ applicationId: 'OFF-1', action: 'accept', expectedStatus: 'submitted' })).toEqual({ outcome: 'queued', pendingActions: 1 });
    const issues = [{ material: '居民户口簿', problem: 'missing' as const, detail: '户主页和本人页', whereToGet: '户籍所在地派出所' }];
    expect(await w1.ws.actions.act({ applicationId: 'OFF-2', action: 'supplement', expectedStatus: 'submitted', issues })).toEqual({ outcome: 'queued', pendingActions: 2 });
    expect(await w1.ws.actions.act({ applicationId: 'OFF-3', action: 'reject', expectedStatus: 'submitted', reason: '不属于本机关职权范围' })).toEqual({ outcome: 'queued', pendingActions: 3 });
    expect((await w1.ws.core.queue()).applications.find((a) => a.applicationId === 'OFF-1')).toMatchObject({ pending: true, actions: [] });
    expect(await status('OFF-1')).toBe('submitted');

    const jobsBefore = w1.printed().length;
    proxy.setPlan(() => 'pass');
    await until(() => w1.ws.core.state().pendingActions === 0, 'offline actions replayed');
    expect(await status('OFF-1')).toBe('accepted');
    expect(await status('OFF-2')).toBe('supplementRequired');
    const events = (await p.repo.getApplication('OFF-2'))?.events.map((e) => e.source) ?? [];
    expect(events.at(-1)).toBe('staff:A0317@window:W01');
    expect(await status('OFF-3')).toBe('rejected');
    await until(() => w1.printed().length >= jobsBefore + 3, 'the three notices printed');
    const papers = w1.printed().slice(jobsBefore).map((lines) => lines.join(''));
    expect(papers).toHaveLength(3);
    expect(papers[0]).toContain('受理通知书');
    expect(papers[1]).toContain('一次性告知书');
    expect(papers[1]).toContain('居民户口簿');
    expect(papers[2]).toContain('不予受理通知书');
    expect(papers[2]).toContain('不属于本机关职权范围。');
  });

  it.skipIf(skip)('two windows on one application: the window replaying its offline action is told who acted first', async () => {
    await submit('RACE-W');
    const w1 = await station('W01');
    // W02 talks to the platform directly; only W01's line is cut.
    const w2 = await station('W02', true);
    await w1.ws.handlers['window.signIn']({ staffNumber: 'A0317', pin: PIN }, { role: 'window' });
    await w2.ws.handlers['window.signIn']({ staffNumber: 'A0318', pin: PIN }, { role: 'window' });
    await w1.ws.core.application('RACE-W');
    proxy.setPlan(() => 'drop');
    expect(await w1.ws.actions.act({ applicationId: 'RACE-W', action: 'reject', expectedStatus: 'submitted', reason: '不属于本机关职权范围（《行政许可法》第三十二条第一款第二项）' })).toMatchObject({ outcome: 'queued' });
    const won = await w2.ws.actions.act({ applicationId: 'RACE-W', action: 'accept', expectedStatus: 'submitted' });
    expect(won).toMatchObject({ outcome: 'done', status: 'accepted' });
    proxy.setPlan(() => 'pass');
    await until(() => w1.ws.core.state().pendingActions === 0, 'offline actions replayed');
    expect(w1.ws.core.state().replayConflicts).toEqual([{ trackingNumber: 'TR-RACE-W', action: 'reject', status: 'accepted', by: 'staff:A0318@window:W02' }]);
    expect(await status('RACE-W')).toBe('accepted');

    // Online, the second window is told at once.
    await submit('RACE-X');
    const [a, b] = await Promise.all([
      w1.ws.actions.act({ applicationId: 'RACE-X', action: 'accept', expectedStatus: 'submitted' }),
      w2.ws.actions.act({ applicationId: 'RACE-X', action: 'accept', expectedStatus: 'submitted' }),
    ]);
    expect([a.outcome, b.outcome].sort()).toEqual(['conflict', 'done']);
    const loser = a.outcome === 'conflict' ? a : b;
    expect(loser).toMatchObject({ outcome: 'conflict', status: 'accepted' });
  });

  it.skipIf(skip)('a lost answer is retried with the same request and applied exactly once', async () => {
    await submit('LOST-1');
    const w1 = await station('W01');
    await w1.ws.handlers['window.signIn']({ staffNumber: 'A0317', pin: PIN }, { role: 'window' });
    await w1.ws.core.application('LOST-1');
    proxy.setPlan((_i, method, url) => (method === 'POST' && url.includes('/actions') ? 'lostResponse' : 'pass'));
    expect(await w1.ws.actions.act({ applicationId: 'LOST-1', action: 'accept', expectedStatus: 'submitted' })).toMatchObject({ outcome: 'queued' });
    expect(await status('LOST-1')).toBe('accepted');
    proxy.setPlan(() => 'pass');
    await until(() => w1.ws.core.state().pendingActions === 0, 'offline actions replayed');
    expect(w1.ws.core.state().replayConflicts).toEqual([]);
    expect((await p.repo.getApplication('LOST-1'))?.events.filter((e) => e.status === 'accepted')).toHaveLength(1);
  });

  it.skipIf(skip)('hand-out reads the collector’s card: a wrong person is refused, the applicant gets the result and a slip', async () => {
    await submit('HAND-1');
    const w1 = await station('W01');
    await w1.ws.handlers['window.signIn']({ staffNumber: 'A0317', pin: PIN }, { role: 'window' });
    await w1.ws.actions.act({ applicationId: 'HAND-1', action: 'accept', expectedStatus: 'submitted' });
    for (const to of ['inProgress', 'decided', 'resultReady']) await p.admin('POST', '/staff/applications/HAND-1/transitions', { to, staffId: 'BACK-1' });
    const control = w1.devices.simulator?.idcard;
    expect(await w1.ws.actions.handout({ method: 'collect', applicationId: 'HAND-1', expectedStatus: 'resultReady' })).toMatchObject({ outcome: 'refused', code: 'no-card' });
    const li = sampleCards.find((c) => c.id === 'resident-li')?.card;
    const zhang = sampleCards.find((c) => c.id === 'resident-zhang')?.card;
    if (!li || !zhang || !control) throw new Error('sample cards');
    const reader = w1.devices.idcard;
    const cardOn = async (id: string) => {
      for (let i = 0; i < 400; i += 1) {
        const read = await reader?.readCard();
        if (read?.code === 'ok' && read.value?.idNumber === id) return;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error('the reader never saw the card');
    };
    control.place(li);
    await cardOn(li.idNumber);
    expect(await w1.ws.actions.handout({ method: 'collect', applicationId: 'HAND-1', expectedStatus: 'resultReady' })).toMatchObject({ outcome: 'refused', code: 'identity-mismatch' });
    expect(await status('HAND-1')).toBe('resultReady');
    control.remove();
    control.place(zhang);
    await cardOn(zhang.idNumber);
    expect(await w1.ws.actions.handout({ method: 'collect', applicationId: 'HAND-1', expectedStatus: 'resultReady' })).toMatchObject({ outcome: 'done', status: 'delivered', printed: 'printed' });
    const slip = w1.printed().at(-1)?.join('') ?? '';
    expect(slip).toContain('领取签收单');
    expect(slip).toContain('申请人本人');
    expect(slip).not.toContain('430102199003071234');
  });
});
