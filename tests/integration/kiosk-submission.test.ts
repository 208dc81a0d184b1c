import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../main/app';
import type { App } from '../../main/app';
import type { Logger } from '../../main/log';
import { DEVELOPMENT_PIN } from '../../main/technician/auth';
import type { CallContext, MethodInput, MethodName, MethodOutput } from '../../src/contract';
import { parseTrackingNumber } from '../../src/domain/application/tracking-number';

// A kiosk submission through the whole app. One source of the hall code: the terminal identity, the
// catalogue's until a technician sets it in the console; the next submission's tracking number carries
// whatever the identity says then. The kiosk page rates only the application of its own session.
const silent: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const kiosk: CallContext = { role: 'kiosk', connection: 'kiosk-1' };
const console_: CallContext = { role: 'technician', connection: 'tech-1' };
let app: App;

async function call<M extends MethodName>(name: M, input: MethodInput<M>, ctx: CallContext = kiosk): Promise<MethodOutput<M>> {
  const reply = await app.dispatcher.dispatch(name, input, ctx);
  if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as MethodOutput<M>;
}

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x04, 0xb0, 0x06, 0x40, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0, 0xff, 0xd9]).toString('base64');

/** Submits GA-03 in a fresh citizen session, left open (the caller ends it). */
async function submitAtKiosk(): Promise<{ applicationId: string; trackingNo: string }> {
  await call('session.begin', {});
  await call('sim.idcard.insert', { id: 'resident-zhang' });
  // The reader takes a moment to read the placed card; useCard refuses until it has.
  await expect.poll(async () => (await app.dispatcher.dispatch('session.useCard', { holder: 'applicant' }, kiosk)).ok, { timeout: 5000 }).toBe(true);
  for (const material of ['SM-ID-CARD:applicant', 'SM-ID-CARD:applicant', 'SM-PHOTO:applicant']) await call('application.addPage', { material, jpeg: JPEG });
  const submitted = await call('application.submit', {
    subject: { kind: 'item', id: 'GA-03' },
    values: { 'applicant.mobile': '13800138000', 'idcard.reason': 'expired', 'idcard.collect': 'window', 'idcard.needTemporary': '0' },
    consent: true,
  });
  await call('sim.idcard.remove', {});
  return submitted;
}

async function endSession(): Promise<void> {
  await call('session.end', {});
}

describe('kiosk submission through the app', () => {
  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hall-code-'));
    app = createApp({
      options: { profile: 'kiosk', devices: 'simulated', port: 0, dataDir, openBrowser: false, kiosk: false, cardDisplayMs: 1000, platform: { mode: 'off' } },
      shell: 'web',
      version: 'test',
      logger: silent,
    });
    await app.start();
  });
  afterAll(async () => {
    await app.close();
  });

  it('is the catalogue’s hall code until set, and a change in the console applies to the next submission', async () => {
    expect((await call('terminal.identity', {})).hallCode).toBe('QX01');
    expect(parseTrackingNumber((await submitAtKiosk()).trackingNo)?.hallCode).toBe('QX01');
    await endSession();
    expect(await call('technician.unlock', { pin: DEVELOPMENT_PIN }, console_)).toMatchObject({ status: 'unlocked' });
    const identity = await call('terminal.identity', {}, console_);
    await call('terminal.setIdentity', { ...identity, hallCode: 'CS0102' }, console_);
    expect(parseTrackingNumber((await submitAtKiosk()).trackingNo)?.hallCode).toBe('CS0102');
    await endSession();
  });

  it('the kiosk rates the application of its own session only; another one, or after the session ended, is FORBIDDEN', async () => {
    const earlier = await submitAtKiosk();
    await endSession();
    const own = await submitAtKiosk();
    const rate = (applicationId: string) => app.dispatcher.dispatch('evaluation.submit', { applicationId, level: '满意', reasons: [] }, kiosk);
    expect(await rate(earlier.applicationId)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await rate(own.applicationId)).toMatchObject({ ok: true });
    await endSession();
    const after = await submitAtKiosk();
    await endSession();
    expect(await rate(after.applicationId)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(app.store.evaluations.list(earlier.applicationId)).toEqual([]);
    expect(app.store.evaluations.list(after.applicationId)).toEqual([]);
    expect(app.store.evaluations.list(own.applicationId).map((e) => e.channel)).toEqual(['kiosk']);
  });
});
