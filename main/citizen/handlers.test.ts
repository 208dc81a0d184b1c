import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContractError, methods } from '../../src/contract';
import type { MethodInput, MethodName, MethodOutput } from '../../src/contract';
import { card, citizenFixture, fakeJpeg } from './test-fixtures';
import type { Fixture } from './test-fixtures';

const ctx = { role: 'kiosk' as const };
const GA03 = { kind: 'item', id: 'GA-03' } as const;
const GA03_VALUES = {
  'applicant.mobile': '13800138000',
  'idcard.reason': 'expired',
  'idcard.collect': 'window',
  'idcard.needTemporary': '0',
};
const ID_CARD = 'SM-ID-CARD:applicant';
const PHOTO = 'SM-PHOTO:applicant';

let f: Fixture;

async function call<M extends MethodName>(name: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const handler = f.handlers[name as keyof Fixture['handlers']] as (input: unknown, c: typeof ctx) => unknown;
  return methods[name].output.parse(await handler(methods[name].input.parse(input), ctx)) as MethodOutput<M>;
}

async function failure(promise: Promise<unknown>): Promise<ContractError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ContractError) return error;
    throw error;
  }
  throw new Error('expected a ContractError');
}

function identify(id = 'resident-zhang') {
  f.session.begin();
  f.session.cardRead(card(id));
  return call('session.useCard', { holder: 'applicant' });
}

async function capture(material: string, pages: number) {
  for (let i = 0; i < pages; i += 1) await call('application.addPage', { material, jpeg: fakeJpeg(1600, 1200, i).toString('base64') });
}

describe('citizen handlers: check, pre-check, submit, progress', () => {
  beforeEach(() => {
    f = citizenFixture();
  });
  afterEach(() => f.close());

  it('checks one page of the form with a plain-language message per field', async () => {
    await identify();
    const { problems } = await call('application.check', {
      subject: GA03,
      values: { 'applicant.mobile': '12345', 'idcard.collect': 'mail' },
      fields: ['applicant.mobile', 'idcard.reason', 'idcard.collect', 'idcard.mailAddress', 'applicant.name'],
    });
    const byField = Object.fromEntries(problems.map((p) => [p.field, p.reason]));
    expect(Object.keys(byField).sort()).toEqual(['applicant.mobile', 'idcard.mailAddress', 'idcard.reason']);
    expect(byField['applicant.mobile']).toBe('mobile');
    expect(byField['idcard.mailAddress']).toBe('required');
    // codes for the screen to word, never a sentence
    expect(JSON.stringify(problems)).not.toMatch(/\p{Script=Han}/u);
  });

  it('pre-check lists every missing material and field at once', async () => {
    await identify();
    await capture(ID_CARD, 1);
    const result = await call('application.precheck', { subject: GA03, values: { 'idcard.reason': 'expired' } });
    expect(result.ok).toBe(false);
    const kinds = result.problems.filter((p) => p.blocking).map((p) => `${p.kind}:${p.field ?? p.material}`);
    expect(kinds).toEqual(expect.arrayContaining(['missing-field:applicant.mobile', 'too-few-pages:SM-ID-CARD:applicant', `missing-material:${PHOTO}`]));
  });

  it('refuses an invalid form with field-named errors and commits nothing', async () => {
    await identify();
    const error = await failure(call('application.submit', { subject: GA03, values: { ...GA03_VALUES, 'applicant.mobile': '1' }, consent: true }));
    expect(error.code).toBe('BAD_INPUT');
    expect(error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['applicant.mobile', `material:${ID_CARD}`, `material:${PHOTO}`]));
    expect(f.store.applications.findByApplicant(card('resident-zhang').idNumber)).toEqual([]);
    expect(f.printed).toEqual([]);
  });

  it('refuses to submit without a card bound in the session, and without a session at all', async () => {
    f.session.begin();
    expect((await failure(call('application.submit', { subject: GA03, values: GA03_VALUES, consent: true }))).code).toBe('BAD_INPUT');
    f.session.end();
    expect((await failure(call('application.submit', { subject: GA03, values: GA03_VALUES, consent: true }))).code).toBe('FORBIDDEN');
  });

  it('commits the application before the receipt is printed and answered; the identity comes from the card', async () => {
    await identify();
    await capture(ID_CARD, 2);
    await capture(PHOTO, 1);
    await capture('SM-NOT-IN-THIS-FORM:applicant', 1);
    let committedAtPrint = -1;
    f.printer.onPrint = () => {
      committedAtPrint = f.store.applications.findByApplicant(card('resident-zhang').idNumber).length;
    };
    const submitted = await call('application.submit', {
      subject: GA03,
      values: { ...GA03_VALUES, 'applicant.name': '冒名', 'applicant.idNumber': '310115197806050029' },
      consent: true,
    });
    expect(committedAtPrint).toBe(1);
    expect(submitted).toMatchObject({ items: ['居民身份证换领'], receipt: { outcome: 'printed', fallback: null } });
    expect(submitted.trackingNo).toMatch(/^QX0120261123\d{5}[0-9A-Z]$/);
    const record = f.store.applications.findByTrackingNo(submitted.trackingNo);
    expect(record?.personal?.applicant).toEqual({ name: '张三', idNumber: '430102199003071234' });
    expect(record?.personal?.values['applicant.name']).toBe('张三');
    expect(record?.materials.map((m) => [m.key, m.pages])).toEqual([
      [ID_CARD, 2],
      [PHOTO, 1],
    ]);
    // The pages went to the encrypted blob store (two pages → one PDF), and the outbox op was written with it.
    const media = record?.materials.map((m) => f.store.blobs.info(m.sha256 ?? '')?.mediaType);
    expect(media).toEqual(['application/pdf', 'image/jpeg']);
    const ops = f.store.outbox.pending(10);
    expect(ops).toHaveLength(1);
    expect(JSON.stringify(ops[0])).toContain(submitted.trackingNo);
    expect(f.store.applications.audit(record?.id ?? '')[0]).toMatchObject({ to: 'submitted', actorKind: 'citizen', actorId: 'kiosk' });
    const receipt = JSON.stringify(f.printed[0]);
    expect(receipt).toContain(submitted.trackingNo);
    expect(receipt).toContain('4301**********1234');
    expect(receipt).not.toContain('430102199003071234');
  });

  it('on a printer fault the answer carries the QR of the tracking number and where to get paper', async () => {
    await identify();
    await capture(ID_CARD, 2);
    await capture(PHOTO, 1);
    f.session.assist('A0012');
    f.printer.outcome = 'paper-out';
    const submitted = await call('application.submit', { subject: GA03, values: GA03_VALUES, consent: true });
    expect(submitted.receipt.outcome).toBe('paper-out');
    expect(submitted.receipt.fallback?.trackingNumber).toBe(submitted.trackingNo);
    expect(submitted.receipt.fallback?.qr.modules).toHaveLength((submitted.receipt.fallback?.qr.size ?? 0) ** 2);
    expect(submitted.receipt.fallback?.message.zh).toContain('综合受理窗口');
    const record = f.store.applications.findByTrackingNo(submitted.trackingNo);
    expect(f.store.applications.audit(record?.id ?? '')[0]?.actorId).toBe('kiosk/assist:A0012');
    f.printer.outcome = 'printed';
    expect((await call('application.reprint', {})).outcome).toBe('printed');
  });

  it('prints a one-time notice listing every blocking problem, masked', async () => {
    await identify();
    const result = await call('application.printNotice', { subject: GA03, values: { 'idcard.reason': 'expired' } });
    expect(result.outcome).toBe('printed');
    const notice = JSON.stringify(f.printed[0]);
    expect(notice).toContain('一次性告知书');
    expect(notice).toContain('原居民身份证');
    expect(notice).toContain('申请人手机号码');
    expect(notice).toContain('公安机关');
    expect(notice).not.toContain('430102199003071234');
  });

  it('progress by card shows only that person’s applications; a scanned code shows only its one', async () => {
    await identify('resident-zhang');
    await capture(ID_CARD, 2);
    await capture(PHOTO, 1);
    const first = await call('application.submit', { subject: GA03, values: GA03_VALUES, consent: true });
    await identify('resident-li');
    await capture(ID_CARD, 2);
    await capture(PHOTO, 1);
    const second = await call('application.submit', { subject: GA03, values: GA03_VALUES, consent: true });

    f.session.begin();
    f.reader.current = card('resident-zhang');
    const mine = await call('application.progress', { by: 'card' });
    expect(mine.applications.map((a) => a.trackingNo)).toEqual([first.trackingNo]);
    expect(mine.applications[0]).toMatchObject({ name: '居民身份证换领', state: 'submitted' });
    expect(mine.applications[0]?.promisedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    f.reader.current = null;
    const byCode = await call('application.progress', { by: 'code', text: second.trackingNo });
    expect(byCode.applications.map((a) => a.trackingNo)).toEqual([second.trackingNo]);
    expect((await failure(call('application.progress', { by: 'code', text: 'https://evil.example/1234' }))).code).toBe('BAD_INPUT');
    expect((await failure(call('application.progress', { by: 'card' }))).code).toBe('NOT_FOUND');
  });

  it('refuses a page that is not a JPEG or is too large', async () => {
    f.session.begin();
    expect((await failure(call('application.addPage', { material: ID_CARD, jpeg: Buffer.from('not a jpeg at all').toString('base64') }))).code).toBe('BAD_INPUT');
    const big = Buffer.concat([fakeJpeg(), Buffer.alloc(1_500_001)]).toString('base64');
    expect(methods['application.addPage'].input.safeParse({ material: ID_CARD, jpeg: big }).success).toBe(false);
  });
});
