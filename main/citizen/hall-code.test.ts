import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methods } from '../../src/contract';
import type { MethodInput, MethodName, MethodOutput } from '../../src/contract';
import { parseTrackingNumber } from '../../src/domain/application/tracking-number';
import { card, citizenFixture, fakeJpeg } from './test-fixtures';
import type { Fixture } from './test-fixtures';

// The hall code of tracking numbers, receipts and notices is the terminal identity's (deps.hallCode), read
// at each use: a change in the technician console applies to the next submission.
const ctx = { role: 'kiosk' as const };
const GA03 = { kind: 'item', id: 'GA-03' } as const;
const VALUES = { 'applicant.mobile': '13800138000', 'idcard.reason': 'expired', 'idcard.collect': 'window', 'idcard.needTemporary': '0' };
let f: Fixture;

async function call<M extends MethodName>(name: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const handler = f.handlers[name as keyof Fixture['handlers']] as (input: unknown, c: typeof ctx) => unknown;
  return methods[name].output.parse(await handler(methods[name].input.parse(input), ctx)) as MethodOutput<M>;
}

async function submit() {
  f.session.begin();
  f.session.cardRead(card('resident-zhang'));
  await call('session.useCard', { holder: 'applicant' });
  for (const [material, pages] of [['SM-ID-CARD:applicant', 2], ['SM-PHOTO:applicant', 1]] as const) {
    for (let i = 0; i < pages; i += 1) await call('application.addPage', { material, jpeg: fakeJpeg(1600, 1200, i).toString('base64') });
  }
  const submitted = await call('application.submit', { subject: GA03, values: VALUES, consent: true });
  f.session.end();
  return submitted;
}

describe('hall code of a kiosk submission', () => {
  beforeEach(() => {
    f = citizenFixture();
  });
  afterEach(() => f.close());

  it('defaults to the catalogue’s hall code; a changed identity applies to the next submission, its record and its receipt', async () => {
    const first = await submit();
    expect(parseTrackingNumber(first.trackingNo)?.hallCode).toBe('QX01');
    f.hall.code = 'CS0102';
    const second = await submit();
    expect(parseTrackingNumber(second.trackingNo)).toMatchObject({ hallCode: 'CS0102', sequence: 1 });
    expect(f.store.applications.findByTrackingNo(second.trackingNo)?.hallCode).toBe('CS0102');
    expect(JSON.stringify(f.printed.at(-1))).toContain(second.trackingNo);
  });

  it('numbers the one-time notice with the identity’s hall code', async () => {
    f.hall.code = 'CS0102';
    f.session.begin();
    f.session.cardRead(card('resident-zhang'));
    await call('session.useCard', { holder: 'applicant' });
    await call('application.printNotice', { subject: GA03, values: { 'idcard.reason': 'expired' } });
    expect(JSON.stringify(f.printed[0])).toMatch(/GZCS0102\d{14}/);
  });
});
