// The staff-window API over real HTTP, on SQLite and PostgreSQL: sign-in with scrypt PINs and lockout,
// sessions scoped to the window's categories, masked applicants and the audited reveal, actions under the
// state machine with a clear 409 for the window that came second, idempotent retries, hand-out with the
// collector's identity checked against the applicant or a recorded agent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TerminalCredentials } from '../../src/sync/client';
import { platformRequest, startPlatform, type RunningPlatform } from '../support/platform';
import { repositoryEngines } from '../support/engines';
import { application, SAMPLE_ID_NUMBER } from '../support/sync-fixtures';

const engines = repositoryEngines('staff window tests');
const HALL = 'hall-a';
const PIN = '246810';

type Answer = { status: number; body: Record<string, unknown> & { error?: { code: string; attemptsLeft?: number; lockedUntil?: string; current?: { status: string; by: string | null } } } };

describe.each(engines)('staff window API on $name', ({ skip, open }) => {
  let p: RunningPlatform;
  let creds: TerminalCredentials;
  let offset = 0;
  let opId = 0;

  const call = async (method: string, path: string, token: string | null, body?: unknown): Promise<Answer> => {
    const response = await platformRequest(p.url, method, path, token, body);
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };
  const signIn = (windowId: string, staffNumber = 'A0317', pin = PIN) => call('POST', '/staff/sessions', null, { hallId: HALL, windowId, staffNumber, pin });
  const session = async (windowId: string, staffNumber = 'A0317') => {
    const answer = await signIn(windowId, staffNumber);
    expect(answer.status).toBe(200);
    return answer.body.token as string;
  };
  const submit = async (id: string, department = 'DEPT-A') => {
    opId += 1;
    const outcome = await p.client(creds).push([{ opId, idempotencyKey: `submit:${id}`, kind: 'application.submitted', payload: { ...application(id), department } }]);
    expect(outcome.kind).toBe('ok');
  };
  let requests = 0;
  const act = (token: string, id: string, body: Record<string, unknown>) => call('POST', `/staff/window/applications/${id}/actions`, token, { requestId: `req-${(requests += 1)}-${id}`, ...body });

  beforeAll(async () => {
    if (skip) return;
    p = await startPlatform(await open(), { now: () => Date.now() + offset });
    for (const [windowId, categories] of [['W01', ['DEPT-A']], ['W02', ['DEPT-A', 'OTHER']], ['W03', ['DEPT-B']]] as const) {
      expect((await p.admin('PUT', '/admin/windows', { hallId: HALL, windowId, name: `综合窗口 ${windowId}`, categories })).status).toBe(200);
    }
    for (const staffNumber of ['A0317', 'A0318', 'A0399']) {
      expect((await p.admin('POST', '/admin/staff', { hallId: HALL, staffNumber, name: `工作人员${staffNumber}`, pin: PIN })).status).toBe(200);
    }
    creds = await p.enrolTerminal(HALL);
  });
  afterAll(async () => {
    if (skip) return;
    await p.close();
    await p.repo.close();
  });

  it.skipIf(skip)('creates accounts with a hashed PIN and refuses a weak PIN or a duplicate number', async () => {
    const row = await p.repo.staff.getStaff(HALL, 'A0317');
    expect(row?.pinHash).toMatch(/^scrypt\$/);
    expect(row?.pinHash).not.toContain(PIN);
    expect((await p.admin('POST', '/admin/staff', { hallId: HALL, staffNumber: 'B1', name: 'x', pin: '1234' })).status).toBe(400);
    expect((await p.admin('POST', '/admin/staff', { hallId: HALL, staffNumber: 'A0317', name: 'x', pin: PIN })).status).toBe(409);
    expect((await call('POST', '/admin/staff', 'staff_nope', { hallId: HALL, staffNumber: 'B2', name: 'x', pin: PIN })).status).toBe(401);
  });

  it.skipIf(skip)('signs in to a window with its categories; unknown staff and unknown windows are refused', async () => {
    const ok = await signIn('W01');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ staff: { staffNumber: 'A0317' }, window: { windowId: 'W01', categories: ['DEPT-A'] }, hallId: HALL });
    expect(ok.body.token).toMatch(/^sess_/);
    expect(await signIn('W01', 'NOBODY')).toMatchObject({ status: 401, body: { error: { code: 'WRONG_PIN' } } });
    expect(await signIn('W99')).toMatchObject({ status: 404, body: { error: { code: 'UNKNOWN_WINDOW' } } });
    expect(JSON.stringify(p.logs)).not.toContain(PIN);
  });

  it.skipIf(skip)('locks a staff number for five minutes after five wrong PINs, even against the right PIN', async () => {
    for (let left = 4; left >= 1; left -= 1) {
      expect(await signIn('W01', 'A0399', '000000')).toMatchObject({ status: 401, body: { error: { code: 'WRONG_PIN', attemptsLeft: left } } });
    }
    const locked = await signIn('W01', 'A0399', '000000');
    expect(locked).toMatchObject({ status: 423, body: { error: { code: 'LOCKED' } } });
    expect(Date.parse(locked.body.error?.lockedUntil ?? '') - Date.now()).toBeGreaterThan(4 * 60_000);
    expect((await signIn('W01', 'A0399')).status).toBe(423);
    offset = 5 * 60_000 + 1000;
    try {
      expect((await signIn('W01', 'A0399')).status).toBe(200);
    } finally {
      offset = 0;
    }
    const trail = await p.admin('GET', `/admin/staff-audit?hallId=${HALL}`);
    const actions = (trail.body as { entries: { staffNumber: string; action: string }[] }).entries.filter((e) => e.staffNumber === 'A0399').map((e) => e.action);
    expect(actions).toEqual(['account.created', 'signin.failed', 'signin.failed', 'signin.failed', 'signin.failed', 'signin.lockout', 'signin.locked', 'signin']);
    expect(JSON.stringify(trail.body)).not.toContain('000000');
  });

  it.skipIf(skip)('a window sees and acts on its categories only; the applicant is masked until an audited reveal', async () => {
    await submit('SC-A', 'DEPT-A');
    await submit('SC-B', 'DEPT-B');
    const w01 = await session('W01');
    const w03 = await session('W03', 'A0318');
    const queue01 = (await call('GET', '/staff/window/queue', w01)).body.applications as { applicationId: string; applicantIdNumber: string; applicantName: string }[];
    const queue03 = (await call('GET', '/staff/window/queue', w03)).body.applications as { applicationId: string }[];
    expect(queue01.map((a) => a.applicationId)).toContain('SC-A');
    expect(queue01.map((a) => a.applicationId)).not.toContain('SC-B');
    expect(queue03.map((a) => a.applicationId)).toEqual(['SC-B']);
    const row = queue01.find((a) => a.applicationId === 'SC-A');
    expect(row?.applicantIdNumber).toBe('4301**********1234');
    expect(row?.applicantName).toBe('张*');
    expect(JSON.stringify(queue01)).not.toContain(SAMPLE_ID_NUMBER);

    expect(await call('GET', '/staff/window/applications/SC-A', w03)).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect(await act(w03, 'SC-A', { action: 'accept', expectedStatus: 'submitted' })).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect(await call('POST', '/staff/window/applications/SC-A/reveal', w03)).toMatchObject({ status: 403 });
    expect((await call('POST', '/staff/window/find', w03, { trackingNumber: 'TR-SC-A' })).body.applications).toEqual([]);

    const detail = await call('GET', '/staff/window/applications/SC-A', w01);
    expect(detail.body).toMatchObject({ applicationId: 'SC-A', applicantIdNumber: '4301**********1234', form: { reason: '新办' } });
    const revealed = await call('POST', '/staff/window/applications/SC-A/reveal', w01);
    expect(revealed.body).toEqual({ applicantName: '张三', applicantIdNumber: SAMPLE_ID_NUMBER, applicantPhone: '13812345678' });
    const trail = (await p.admin('GET', '/admin/staff-audit?applicationId=SC-A')).body as { entries: { action: string; windowId: string; staffNumber: string }[] };
    expect(trail.entries.map((e) => `${e.action}:${e.windowId}:${e.staffNumber}`)).toEqual(['view.forbidden:W03:A0318', 'accept.forbidden:W03:A0318', 'view.forbidden:W03:A0318', 'reveal:W01:A0317']);

    const found = await call('POST', '/staff/window/find', w01, { idNumber: SAMPLE_ID_NUMBER });
    expect((found.body.applications as { applicationId: string }[]).map((a) => a.applicationId)).toContain('SC-A');
    expect((await call('POST', '/staff/window/find', w01, { trackingNumber: 'tr-sc-a' })).body.applications).toHaveLength(1);
  });

  it.skipIf(skip)('two windows accept the same application at once: one wins, the other gets 409 saying who acted', async () => {
    await submit('RACE-1');
    const [w01, w02] = [await session('W01'), await session('W02', 'A0318')];
    const answers = await Promise.all([act(w01, 'RACE-1', { action: 'accept', expectedStatus: 'submitted' }), act(w02, 'RACE-1', { action: 'accept', expectedStatus: 'submitted' })]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 409]);
    const winner = answers.find((a) => a.status === 200);
    const loser = answers.find((a) => a.status === 409);
    expect(winner?.body).toMatchObject({ status: 'accepted', steps: [{ from: 'submitted', to: 'received' }, { from: 'received', to: 'accepted' }] });
    expect(loser?.body.error).toMatchObject({ code: 'CONFLICT', current: { status: 'accepted' } });
    expect(loser?.body.error?.current?.by).toMatch(/^staff:A031[78]@window:W0[12]$/);

    // A different action on a stale view is refused the same way.
    expect(await act(w02, 'RACE-1', { action: 'supplement', expectedStatus: 'submitted', reason: '缺少户口簿' })).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });

    // The hall's terminals learn each step through the inbox.
    const inbox = await p.client(creds).inbox(0, 0);
    expect(inbox.kind).toBe('ok');
    const steps = inbox.kind === 'ok' ? inbox.value.messages.filter((m) => m.kind === 'application.status' && m.payload.applicationId === 'RACE-1').map((m) => (m.kind === 'application.status' ? m.payload.status : '')) : [];
    expect(steps).toEqual(['received', 'accepted']);
  });

  it.skipIf(skip)('return for supplement needs the reason, reaches the inbox with it, and a retried request is answered once', async () => {
    await submit('SUP-1');
    const w01 = await session('W01');
    expect(await act(w01, 'SUP-1', { action: 'supplement', expectedStatus: 'submitted' })).toMatchObject({ status: 400, body: { error: { code: 'REASON_REQUIRED' } } });
    const body = { action: 'supplement', expectedStatus: 'submitted', reason: '缺少：居民户口簿；需更正：申请表签名', requestId: 'retry-key-SUP-1' };
    const first = await call('POST', '/staff/window/applications/SUP-1/actions', w01, body);
    const again = await call('POST', '/staff/window/applications/SUP-1/actions', w01, body);
    expect(first).toMatchObject({ status: 200, body: { status: 'supplementRequired' } });
    expect(again).toEqual(first);
    const record = await p.repo.getApplication('SUP-1');
    expect(record?.events.map((e) => [e.status, e.source])).toEqual([
      ['submitted', creds.terminalId],
      ['received', 'staff:A0317@window:W01'],
      ['supplementRequired', 'staff:A0317@window:W01'],
    ]);
    expect(record?.events.at(-1)?.note).toBe('缺少：居民户口簿；需更正：申请表签名');
  });

  it.skipIf(skip)('special procedure with its own limit, then back in progress', async () => {
    await submit('SP-1');
    const w01 = await session('W01');
    await act(w01, 'SP-1', { action: 'accept', expectedStatus: 'submitted' });
    const special = { kind: '2', name: '现场核查', limit: { value: 5, unit: 'workday' }, countedInLimit: false };
    expect(await act(w01, 'SP-1', { action: 'special', expectedStatus: 'accepted', reason: '需现场核查经营场所' })).toMatchObject({ status: 400 });
    expect(await act(w01, 'SP-1', { action: 'special', expectedStatus: 'accepted', reason: '需现场核查经营场所', special })).toMatchObject({ status: 200, body: { status: 'specialProcedure' } });
    const detail = await call('GET', '/staff/window/applications/SP-1', w01);
    expect(detail.body.specialProcedures).toEqual([{ ...special, startedAt: expect.any(String) as string, endedAt: null }]);
    expect(await act(w01, 'SP-1', { action: 'endSpecial', expectedStatus: 'specialProcedure' })).toMatchObject({ status: 200, body: { status: 'inProgress' } });
    expect(((await call('GET', '/staff/window/applications/SP-1', w01)).body.specialProcedures as { endedAt: string | null }[])[0]?.endedAt).not.toBeNull();
  });

  it.skipIf(skip)('hand-out: a wrong person is refused and audited, a recorded agent may collect; the delivery is stored masked', async () => {
    await submit('HO-1');
    const w01 = await session('W01');
    await act(w01, 'HO-1', { action: 'accept', expectedStatus: 'submitted' });
    for (const to of ['inProgress', 'decided', 'resultReady']) {
      expect((await p.admin('POST', '/staff/applications/HO-1/transitions', { to, staffId: 'BACK-1' })).status).toBe(200);
    }
    const stranger = { name: '李四', idNumber: '110105194912310021' };
    const agent = { name: '王五', idNumber: '11010519491231002X' };
    const handout = (collector: typeof stranger, requestId: string) => call('POST', '/staff/window/applications/HO-1/handout', w01, { method: 'collect', collector, expectedStatus: 'resultReady', requestId });
    expect(await handout(stranger, 'handout-1-a')).toMatchObject({ status: 403, body: { error: { code: 'IDENTITY_MISMATCH' } } });
    expect((await call('POST', '/staff/window/applications/HO-1/agents', w01, { ...agent, idNumber: agent.idNumber.toLowerCase() })).status).toBe(200);
    expect(await handout(stranger, 'handout-1-b')).toMatchObject({ status: 403 });
    expect(await handout(agent, 'handout-1-c')).toMatchObject({ status: 200, body: { status: 'delivered', collector: 'agent' } });
    const detail = await call('GET', '/staff/window/applications/HO-1', w01);
    expect(detail.body.delivery).toMatchObject({ method: 'collect', collector: 'agent', collectorIdNumber: '1101**********002X', staffNumber: 'A0317', windowId: 'W01' });
    expect(detail.body.agents).toEqual([{ name: '王*', idNumber: '1101**********002X', recordedAt: expect.any(String) as string, recordedBy: 'A0317@W01' }]);
    const trail = (await p.admin('GET', '/admin/staff-audit?applicationId=HO-1')).body as { entries: { action: string }[] };
    expect(trail.entries.map((e) => e.action)).toEqual(['accept', 'handout.refused', 'agent.recorded', 'handout.refused', 'handout']);
    expect(JSON.stringify(trail)).not.toContain(stranger.idNumber);
  });

  it.skipIf(skip)('mail delivery needs a tracking number; the applicant collects in person', async () => {
    await submit('HO-2');
    await submit('HO-3');
    const w01 = await session('W01');
    for (const id of ['HO-2', 'HO-3']) {
      await act(w01, id, { action: 'accept', expectedStatus: 'submitted' });
      for (const to of ['inProgress', 'decided', 'resultReady']) await p.admin('POST', `/staff/applications/${id}/transitions`, { to, staffId: 'BACK-1' });
    }
    expect((await call('POST', '/staff/window/applications/HO-2/handout', w01, { method: 'mail', expectedStatus: 'resultReady', requestId: 'handout-2-a' })).status).toBe(400);
    expect(await call('POST', '/staff/window/applications/HO-2/handout', w01, { method: 'mail', mailTracking: 'SF1234567890', expectedStatus: 'resultReady', requestId: 'handout-2-b' })).toMatchObject({ status: 200, body: { status: 'delivered', collector: null } });
    expect(await call('POST', '/staff/window/applications/HO-3/handout', w01, { method: 'collect', collector: { name: '张三', idNumber: SAMPLE_ID_NUMBER }, expectedStatus: 'resultReady', requestId: 'handout-3-a' })).toMatchObject({ status: 200, body: { collector: 'applicant' } });
  });

  it.skipIf(skip)('a signed-out or forged session is refused', async () => {
    const token = await session('W01');
    expect((await call('GET', '/staff/window/queue', token)).status).toBe(200);
    expect((await call('DELETE', '/staff/window/session', token)).status).toBe(200);
    expect(await call('GET', '/staff/window/queue', token)).toMatchObject({ status: 401, body: { error: { code: 'SESSION_EXPIRED' } } });
    expect((await call('GET', '/staff/window/queue', 'sess_forgedforgedforgedforged')).status).toBe(401);
    expect((await call('GET', '/staff/window/queue', null)).status).toBe(401);
  });
});
