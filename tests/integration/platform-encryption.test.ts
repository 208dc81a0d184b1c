// Encryption at rest on the platform, on both engines: terminal secrets, applicant name, ID number,
// phone, form values and evaluation text are sealed in the database, open only with the data key and
// only in their own row; rows written before encryption are sealed when the store opens.
import { describe, expect, it } from 'vitest';
import { DataKeyError } from '../../platform/store/data-cipher';
import { openRepository, type StoreConfig } from '../../platform/store/open';
import { openSqlEngine, repositoryEngines } from '../support/engines';
import { application, SAMPLE_ID_NUMBER, TEST_DATA_KEY } from '../support/sync-fixtures';

const engines = repositoryEngines('encryption-at-rest test');

async function seed(config: StoreConfig) {
  const repo = await openRepository(config, TEST_DATA_KEY);
  await repo.createEnrolmentCode('code-hash', 'hall-1', Date.now() + 60_000);
  const terminal = await repo.enrolTerminal('code-hash', Date.now(), { id: 'T-sealed01', name: 'kiosk', secret: 'c2VjcmV0LXNlY3JldC1zZWNyZXQ=', version: '1' });
  const ops = [
    { opId: 1, idempotencyKey: 'submit:A-1', kind: 'application.submitted', payload: application('A-1') },
    { opId: 2, idempotencyKey: 'submit:A-2', kind: 'application.submitted', payload: { ...application('A-2'), applicant: { name: '李四', idNumber: '110101199001011237' } } },
    {
      opId: 3,
      idempotencyKey: 'evaluation:A-1',
      kind: 'evaluation',
      payload: { evaluationId: 'A-1:kiosk:1', applicationId: 'A-1', itemCode: 'ITEM-1', department: 'DEPT-A', window: 'kiosk', channel: 'kiosk', level: '不满意', reasons: ['R1'], text: '窗口张三态度差', at: new Date().toISOString() },
    },
  ];
  const { results } = await repo.applyOps('T-sealed01', ops, Date.now());
  expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
  return { repo, terminal };
}

describe.each(engines)('platform encryption at rest on $name', ({ skip, freshConfig }) => {
  it.skipIf(skip)('stores secrets and personal data sealed, and reads them back only with the key', async () => {
    const config = await freshConfig();
    const { repo, terminal } = await seed(config);
    expect(terminal?.secret).toBe('c2VjcmV0LXNlY3JldC1zZWNyZXQ=');
    expect((await repo.getTerminal('T-sealed01'))?.secret).toBe('c2VjcmV0LXNlY3JldC1zZWNyZXQ=');
    expect(await repo.getApplication('A-1')).toMatchObject({ applicantName: '张三', applicantIdNumber: SAMPLE_ID_NUMBER, applicantPhone: '13812345678', form: { reason: '新办' } });
    expect((await repo.hallQueue('hall-1')).map((a) => a.applicantName).sort()).toEqual(['张三', '李四']);
    await repo.close();

    const db = await openSqlEngine(config);
    try {
      const dump = JSON.stringify([
        await db.all('SELECT secret FROM terminals'),
        await db.all('SELECT applicant_name, applicant_id_number, applicant_phone, form FROM applications'),
        await db.all('SELECT text FROM evaluations'),
      ]);
      for (const plain of ['张三', '李四', SAMPLE_ID_NUMBER, '110101199001011237', '13812345678', '新办', '态度差', 'c2VjcmV0LXNlY3JldC1zZWNyZXQ=']) expect(dump).not.toContain(plain);
      expect((await db.all<{ secret: string }>('SELECT secret FROM terminals'))[0]?.secret).toMatch(/^enc1:/);

      // A sealed value moved into another row does not open there.
      const a1 = await db.get<{ applicant_name: string }>('SELECT applicant_name FROM applications WHERE id = ?', ['A-1']);
      await db.run('UPDATE applications SET applicant_name = ? WHERE id = ?', [a1?.applicant_name ?? '', 'A-2']);
    } finally {
      await db.close();
    }
    const again = await openRepository(config, TEST_DATA_KEY);
    await expect(again.getApplication('A-2')).rejects.toThrow(DataKeyError);
    expect((await again.getApplication('A-1'))?.applicantName).toBe('张三');
    await again.close();

    // Another key opens nothing.
    const wrong = await openRepository(config, Buffer.alloc(32, 1));
    await expect(wrong.getApplication('A-1')).rejects.toThrow(DataKeyError);
    await expect(wrong.getTerminal('T-sealed01')).rejects.toThrow(DataKeyError);
    await wrong.close();
  });

  it.skipIf(skip)('seals rows written before encryption at rest when the store opens', async () => {
    const config = await freshConfig();
    await (await openRepository(config, TEST_DATA_KEY)).close();
    const db = await openSqlEngine(config);
    await db.run("INSERT INTO terminals (id, hall_id, name, secret, enrolled_at, version) VALUES ('T-legacy01', 'hall-1', 'old', 'b2xkLXNlY3JldA==', 1, '0.0.1')");
    await db.run(
      `INSERT INTO applications (id, hall_id, terminal_id, tracking_number, item_code, department, status, submitted_at, applicant_name, applicant_id_number, applicant_phone, form, updated_at)
       VALUES ('OLD-1', 'hall-1', 'T-legacy01', 'TR-OLD-1', 'ITEM-1', 'DEPT-A', 'submitted', '2026-01-01T00:00:00Z', '王五', ?, NULL, '{"a":1}', 1)`,
      [SAMPLE_ID_NUMBER],
    );
    // As a database upgraded from before encryption at rest: the migration leaves the sealing pass pending.
    await db.run('UPDATE legacy_sealing SET pending = 1');
    await db.close();

    const repo = await openRepository(config, TEST_DATA_KEY);
    expect(await repo.getApplication('OLD-1')).toMatchObject({ applicantName: '王五', applicantIdNumber: SAMPLE_ID_NUMBER, applicantPhone: null, form: { a: 1 } });
    expect((await repo.getTerminal('T-legacy01'))?.secret).toBe('b2xkLXNlY3JldA==');
    await repo.close();
    const after = await openSqlEngine(config);
    const dump = JSON.stringify([await after.all('SELECT secret FROM terminals'), await after.all('SELECT applicant_name, applicant_id_number, form FROM applications')]);
    await after.close();
    expect(dump).not.toContain('王五');
    expect(dump).not.toContain(SAMPLE_ID_NUMBER);
    expect(dump).not.toContain('b2xkLXNlY3JldA==');
  });
});
