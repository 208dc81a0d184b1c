// Agents and collectors sealed at rest on the platform, on both engines: application_agents.name/id_number
// and deliveries.collector_name/collector_id_number (masked by the route, then sealed) read back as written,
// never appear in the database, do not open in another row, and rows written before are sealed on open.
import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName } from '../../src/kernel/mask';
import { DataKeyError } from '../../platform/store/data-cipher';
import { openRepository } from '../../platform/store/open';
import type { PlatformRepository } from '../../platform/store/repository';
import type { StaffSession } from '../../platform/store/staff-repository';
import { openSqlEngine, repositoryEngines } from '../support/engines';
import { application, SAMPLE_ID_NUMBER, TEST_DATA_KEY } from '../support/sync-fixtures';

const engines = repositoryEngines('agent and collector encryption test');
const AGENT_ID = maskIdNumber('11010519491231002X');
const AGENT_NAME = maskName('欧阳娜娜');
const COLLECTOR_ID = maskIdNumber(SAMPLE_ID_NUMBER);
const COLLECTOR_NAME = maskName('诸葛亮');
const session: StaffSession = { hallId: 'hall-1', windowId: 'W01', windowName: '1号窗口', staffNumber: 'A0317', staffName: '窗口员', categories: ['DEPT-A'], expiresAt: Date.now() + 3_600_000 };

async function handedOut(repo: PlatformRepository, id: string): Promise<void> {
  await repo.createEnrolmentCode(`code-${id}`, 'hall-1', Date.now() + 60_000);
  await repo.enrolTerminal(`code-${id}`, Date.now(), { id: `T-${id}`, name: 'kiosk', secret: 'c2VjcmV0', version: '1' });
  const { results } = await repo.applyOps(`T-${id}`, [{ opId: 1, idempotencyKey: `submit:${id}`, kind: 'application.submitted', payload: application(id) }], Date.now());
  expect(results[0]?.status).toBe('applied');
  const base = { applicationId: id, session, at: new Date().toISOString(), now: Date.now() };
  expect((await repo.staff.applyWindowAction({ ...base, action: 'accept', expectedStatus: 'submitted', requestId: `accept-${id}` })).ok).toBe(true);
  for (const to of ['inProgress', 'decided', 'resultReady'] as const) expect((await repo.applyStaffTransition(id, { to, staffId: 'BACK-1' }, base.at, base.now)).ok).toBe(true);
  const delivery = { method: 'collect' as const, collector: 'applicant' as const, collectorName: COLLECTOR_NAME, collectorIdNumber: COLLECTOR_ID, mailTracking: null };
  expect((await repo.staff.applyWindowAction({ ...base, action: 'handout', expectedStatus: 'resultReady', requestId: `handout-${id}`, delivery })).ok).toBe(true);
}

const agent = (salt: string) => ({ name: AGENT_NAME, idNumber: AGENT_ID, idHash: `hash-${salt}`, salt, recordedAt: '2026-11-23T09:00:00Z', recordedBy: 'A0317@W01' });

describe.each(engines)('agents and collectors sealed at rest on $name', ({ skip, freshConfig }) => {
  it.skipIf(skip)('stores them sealed, reads them back, and refuses a value moved to another row', async () => {
    const config = await freshConfig();
    const repo = await openRepository(config, TEST_DATA_KEY);
    await handedOut(repo, 'D-1');
    await handedOut(repo, 'D-2');
    await repo.staff.addAgent('D-1', agent('salt-1'));
    await repo.staff.addAgent('D-1', agent('salt-2'));
    expect(await repo.staff.agents('D-1')).toEqual([agent('salt-1'), agent('salt-2')]);
    expect(await repo.staff.delivery('D-1')).toMatchObject({ collectorName: COLLECTOR_NAME, collectorIdNumber: COLLECTOR_ID, staffNumber: 'A0317' });
    await repo.close();

    const db = await openSqlEngine(config);
    try {
      const dump = JSON.stringify([await db.all('SELECT name, id_number FROM application_agents'), await db.all('SELECT collector_name, collector_id_number FROM deliveries')]);
      for (const plain of [AGENT_ID, AGENT_NAME, COLLECTOR_ID, COLLECTOR_NAME]) expect(dump).not.toContain(plain);
      expect(dump.match(/enc1:/g)).toHaveLength(8);
      // Another agent row's sealed ID number, and another application's collector, moved here.
      const first = await db.get<{ id_number: string }>("SELECT id_number FROM application_agents WHERE salt = 'salt-1'");
      await db.run("UPDATE application_agents SET id_number = ? WHERE salt = 'salt-2'", [first?.id_number ?? '']);
      const other = await db.get<{ collector_id_number: string }>("SELECT collector_id_number FROM deliveries WHERE application_id = 'D-2'");
      await db.run("UPDATE deliveries SET collector_id_number = ? WHERE application_id = 'D-1'", [other?.collector_id_number ?? '']);
    } finally {
      await db.close();
    }
    const again = await openRepository(config, TEST_DATA_KEY);
    await expect(again.staff.agents('D-1')).rejects.toThrow(DataKeyError);
    await expect(again.staff.delivery('D-1')).rejects.toThrow(DataKeyError);
    expect((await again.staff.delivery('D-2'))?.collectorIdNumber).toBe(COLLECTOR_ID);
    await again.close();
    const wrong = await openRepository(config, Buffer.alloc(32, 1));
    await expect(wrong.staff.delivery('D-2')).rejects.toThrow(DataKeyError);
    await wrong.close();
  });

  it.skipIf(skip)('seals agents and collectors written before encryption when the store opens', async () => {
    const config = await freshConfig();
    await (await openRepository(config, TEST_DATA_KEY)).close();
    const db = await openSqlEngine(config);
    await db.run("INSERT INTO application_agents (application_id, name, id_number, id_hash, salt, recorded_at, recorded_by) VALUES ('OLD-1', ?, ?, 'h', 'old-salt', '2026-01-01T00:00:00Z', 'A0317@W01')", [AGENT_NAME, AGENT_ID]);
    await db.run(
      "INSERT INTO deliveries (application_id, method, collector, collector_name, collector_id_number, mail_tracking, staff_number, window_id, at) VALUES ('OLD-1', 'collect', 'agent', ?, ?, NULL, 'A0317', 'W01', '2026-01-01T00:00:00Z')",
      [COLLECTOR_NAME, COLLECTOR_ID],
    );
    await db.run("INSERT INTO deliveries (application_id, method, collector, collector_name, collector_id_number, mail_tracking, staff_number, window_id, at) VALUES ('OLD-2', 'mail', NULL, NULL, NULL, 'SF1234567890', 'A0317', 'W01', '2026-01-01T00:00:00Z')");
    // As a database upgraded from before encryption at rest: the migration leaves the sealing pass pending.
    await db.run('UPDATE legacy_sealing SET pending = 1');
    await db.close();

    const repo = await openRepository(config, TEST_DATA_KEY);
    expect(await repo.staff.agents('OLD-1')).toMatchObject([{ name: AGENT_NAME, idNumber: AGENT_ID, salt: 'old-salt' }]);
    expect(await repo.staff.delivery('OLD-1')).toMatchObject({ collector: 'agent', collectorName: COLLECTOR_NAME, collectorIdNumber: COLLECTOR_ID });
    expect(await repo.staff.delivery('OLD-2')).toMatchObject({ method: 'mail', collectorName: null, collectorIdNumber: null, mailTracking: 'SF1234567890' });
    await repo.close();
    const after = await openSqlEngine(config);
    const dump = JSON.stringify([await after.all('SELECT name, id_number FROM application_agents'), await after.all('SELECT collector_name, collector_id_number FROM deliveries')]);
    await after.close();
    for (const plain of [AGENT_ID, AGENT_NAME, COLLECTOR_ID, COLLECTOR_NAME]) expect(dump).not.toContain(plain);
    expect(dump.match(/enc1:/g)).toHaveLength(4);
  });
});
