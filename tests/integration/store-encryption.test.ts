import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store';
import { APPLICANT_ID, APPLICANT_NAME, KEY, submitInput, tempDbPath } from './store-fixtures';

function allBytes(path: string): Buffer {
  // the main file plus the WAL and shared-memory files, as written
  const dir = dirname(path);
  return Buffer.concat(readdirSync(dir).map((f) => readFileSync(join(dir, f))));
}

describe('personal data encrypted at rest', () => {
  it('the database files contain no ID number, name, address or staff reason of a stored application', () => {
    const path = tempDbPath();
    const store = openStore({ path, key: KEY });
    const app = store.applications.submit(submitInput());
    store.applications.transition(app.id, {
      to: 'precheckReturned',
      actor: { kind: 'staff', id: 'S007' },
      terminal: 'QX01-W09',
      at: '2026-11-23T10:00:00Z',
      reason: `申请人${APPLICANT_NAME}的户口簿照片不清晰`,
    });
    store.evaluations.add({
      applicationId: app.id,
      channel: 'kiosk',
      level: '不满意',
      text: `我是${APPLICANT_NAME}`,
      evaluator: { kind: 'person', name: APPLICANT_NAME, idNumber: APPLICANT_ID, anonymous: false },
      at: '2026-11-23T10:05:00Z',
      terminal: 'QX01-K01',
    });
    // read back through the repository: it is all there
    expect(store.applications.get(app.id)?.personal?.applicant.idNumber).toBe(APPLICANT_ID);
    expect(store.applications.audit(app.id)[1]?.reason).toContain(APPLICANT_NAME);

    for (const checkpointed of [false, true]) {
      if (checkpointed) store.db.pragma('wal_checkpoint(TRUNCATE)');
      const bytes = allBytes(path);
      for (const needle of [APPLICANT_ID, APPLICANT_NAME, '政务路88号']) {
        expect(bytes.includes(Buffer.from(needle, 'utf8')), `${needle} in files (checkpointed=${checkpointed})`).toBe(false);
      }
      // sanity: non-personal data is stored in clear, so the search above can find text at all
      expect(bytes.includes(Buffer.from(app.trackingNo))).toBe(true);
    }
    store.close();
  });

  it('another key cannot read the personal data', () => {
    const path = tempDbPath();
    const store = openStore({ path, key: KEY });
    const app = store.applications.submit(submitInput());
    store.close();
    const other = openStore({ path, key: Buffer.alloc(32, 1) });
    expect(() => other.applications.get(app.id)).toThrow();
    expect(other.applications.findByApplicant(APPLICANT_ID)).toEqual([]);
    other.close();
  });
});
