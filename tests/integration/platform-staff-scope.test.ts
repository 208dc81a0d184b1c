// Hall-wide staff tokens follow the window rule on both engines: a token with categories reads and acts only
// within them; a token without categories reads the whole hall and may not act (actions need categories or
// a window session). And the window's retry keys (staff_requests) are pruned after 24 hours on write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_REQUEST_RETENTION_MS } from '../../platform/store/sql-staff-repository';
import type { TerminalCredentials } from '../../src/sync/client';
import { repositoryEngines } from '../support/engines';
import { platformRequest, startPlatform, type RunningPlatform } from '../support/platform';
import { application } from '../support/sync-fixtures';

const engines = repositoryEngines('staff scope tests');
const HALL = 'hall-s';
const PIN = '246810';
type Answer = { status: number; body: Record<string, unknown> & { error?: { code: string; message: string } } };

describe.each(engines)('staff scope and retry keys on $name', ({ skip, open }) => {
  let p: RunningPlatform;
  let creds: TerminalCredentials;
  let offset = 0;
  let opId = 0;

  const call = async (method: string, path: string, token: string | null, body?: unknown): Promise<Answer> => {
    const response = await platformRequest(p.url, method, path, token, body);
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };
  const submit = async (id: string, department: string) => {
    opId += 1;
    const outcome = await p.client(creds).push([{ opId, idempotencyKey: `submit:${id}`, kind: 'application.submitted', payload: { ...application(id), department } }]);
    expect(outcome.kind).toBe('ok');
  };
  const issue = async (name: string, categories?: string[]) => {
    const answer = await p.admin('POST', '/admin/staff-tokens', { hallId: HALL, name, ...(categories ? { categories } : {}) });
    expect(answer.status).toBe(200);
    return (answer.body as { token: string }).token;
  };
  const ids = (answer: Answer) => ((answer.body.applications ?? []) as { applicationId: string }[]).map((a) => a.applicationId).sort();

  beforeAll(async () => {
    if (skip) return;
    p = await startPlatform(await open(), { now: () => Date.now() + offset });
    await p.admin('PUT', '/admin/windows', { hallId: HALL, windowId: 'W01', name: '综合窗口 1', categories: ['DEP-A'] });
    await p.admin('POST', '/admin/staff', { hallId: HALL, staffNumber: 'A0317', name: '张工', pin: PIN });
    creds = await p.enrolTerminal(HALL);
  });
  afterAll(async () => {
    if (skip) return;
    await p.close();
    await p.repo.close();
  });

  it.skipIf(skip)('a token without categories reads the whole hall and acts on nothing; one with categories reads and acts within them', async () => {
    await submit('TOK-A', 'DEP-A');
    await submit('TOK-B', 'DEP-B');
    const readOnly = await issue('supervisor');
    const scoped = await issue('back office A', ['DEP-A']);
    expect((await p.admin('POST', '/admin/staff-tokens', { hallId: HALL, name: 'none', categories: [] })).status).toBe(400);
    expect((await p.admin('POST', '/admin/staff-tokens', { hallId: HALL, name: 'bad', categories: ['DEP A'] })).status).toBe(400);

    // Reading: the read-only token sees the hall, the scoped one its categories only.
    expect(ids(await call('GET', `/staff/halls/${HALL}/queue`, readOnly))).toEqual(['TOK-A', 'TOK-B']);
    expect(ids(await call('GET', `/staff/halls/${HALL}/queue`, scoped))).toEqual(['TOK-A']);
    expect((await call('GET', '/staff/applications/TOK-B', readOnly)).status).toBe(200);
    expect(await call('GET', '/staff/applications/TOK-B', scoped)).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect((await call('GET', '/staff/applications/TOK-A', scoped)).status).toBe(200);

    // Acting: never with the read-only token; with the scoped one inside its categories only.
    const move = (token: string, id: string) => call('POST', `/staff/applications/${id}/transitions`, token, { to: 'received', staffId: 'S1' });
    const refused = await move(readOnly, 'TOK-A');
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect(refused.body.error?.message).toContain('read-only');
    expect(await move(scoped, 'TOK-B')).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect((await p.repo.getApplication('TOK-B'))?.status).toBe('submitted');
    expect(await move(scoped, 'TOK-A')).toMatchObject({ status: 200 });
    expect((await p.repo.getApplication('TOK-A'))?.status).toBe('received');
    // The administrator still acts on everything.
    expect((await p.admin('POST', '/staff/applications/TOK-B/transitions', { to: 'received', staffId: 'ADMIN' })).status).toBe(200);

    const listed = (await p.admin('GET', `/admin/staff-tokens?hallId=${HALL}`)).body as { tokens: { name: string; categories: string[] | null }[] };
    expect(listed.tokens.map((t) => [t.name, t.categories])).toEqual([
      ['supervisor', null],
      ['back office A', ['DEP-A']],
    ]);
  });

  it.skipIf(skip)('a window request’s retry key answers retries for 24 hours and is pruned on a later write', async () => {
    await submit('KEY-1', 'DEP-A');
    await submit('KEY-2', 'DEP-A');
    const session = async () => {
      const answer = await call('POST', '/staff/sessions', null, { hallId: HALL, windowId: 'W01', staffNumber: 'A0317', pin: PIN });
      expect(answer.status).toBe(200);
      return answer.body.token as string;
    };
    const act = (token: string, id: string, requestId: string) => call('POST', `/staff/window/applications/${id}/actions`, token, { action: 'accept', expectedStatus: 'submitted', requestId });

    const first = await act(await session(), 'KEY-1', 'retry-key-0001');
    expect(first).toMatchObject({ status: 200, body: { status: 'accepted' } });

    // Within a day a retry gets the first answer again…
    offset = STAFF_REQUEST_RETENTION_MS - 3_600_000;
    const token = await session();
    expect(await act(token, 'KEY-1', 'retry-key-0001')).toEqual(first);

    // …after it, the next write prunes the key: the same request is then judged afresh (the application moved on).
    offset = STAFF_REQUEST_RETENTION_MS + 3_600_000;
    const later = await session();
    expect(await act(later, 'KEY-2', 'retry-key-0002')).toMatchObject({ status: 200, body: { status: 'accepted' } });
    expect(await act(later, 'KEY-1', 'retry-key-0001')).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });
    expect(await act(later, 'KEY-2', 'retry-key-0002')).toMatchObject({ status: 200, body: { status: 'accepted' } });
    offset = 0;
  });
});
