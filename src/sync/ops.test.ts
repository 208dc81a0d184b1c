import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Catalog } from '../domain/catalog/catalog';
import { validateCatalog } from '../domain/catalog/validate';
import { buildBundleForm, buildItemForm, formFields } from '../domain/forms/merged-form';
import type { MergedForm } from '../domain/forms/merged-form';
import type { ApplicationRecord } from '../store/application-repository';
import { OpEnvelope } from '../wire/sync-protocol';
import { auditOp, deviceHealthOp, statusOp, submissionOp } from './ops';

const envelope = (opId: number, op: ReturnType<typeof auditOp>) =>
  OpEnvelope.safeParse({ opId, idempotencyKey: op.idempotencyKey, ...(op.orderingKey ? { orderingKey: op.orderingKey } : {}), kind: op.kind, payload: op.payload });

describe('op builders', () => {
  it('build operations the protocol accepts, with stable idempotency keys', () => {
    const health = deviceHealthOp({ device: 'printer', state: 'degraded', at: '2026-11-23T09:00:00.000Z', detail: 'x'.repeat(900) });
    expect(envelope(1, health).success).toBe(true);
    expect(health.idempotencyKey).toBe('health:printer:2026-11-23T09:00:00.000Z');
    const audit = auditOp({ eventId: 'e-1', kind: 'technician.login', at: '2026-11-23T09:00:00.000Z', detail: { ok: true } });
    expect(envelope(2, audit).success).toBe(true);
    expect(audit.idempotencyKey).toBe('audit:e-1');
    const status = statusOp('app-1', { from: 'submitted', to: 'withdrawn', actorKind: 'citizen', actorId: 'kiosk', terminal: 'K1', at: '2026-11-23T09:00:00.000Z', reason: '不办了' }, 2);
    expect(envelope(3, status).success).toBe(true);
    expect(status).toMatchObject({ idempotencyKey: 'status:app-1:2', orderingKey: 'app-1' });
  });
});

const validated = validateCatalog(JSON.parse(readFileSync(new URL('../../assets/catalog/sample-catalog.json', import.meta.url), 'utf8')));
if (!validated.ok) throw new Error('sample catalogue does not validate');
const catalog = new Catalog(validated.catalog);
const ID = '430102199003071241';

/** A record whose values fill every mobile field of the form with a distinct number, the holder's ID with ID. */
function recordFor(form: MergedForm, holder: string): ApplicationRecord {
  const values: Record<string, string> = {};
  formFields(form).forEach((f, i) => {
    if (f.def.type === 'mobile') values[f.def.id] = `1380000${String(1000 + i)}`;
  });
  values[`${holder}.idNumber`] = ID;
  return {
    id: 'app-1', trackingNo: 'QX0120261123K010001', platformNo: null, kind: form.kind, subjectId: form.id, catalogVersion: '2026.11.0',
    hallCode: 'QX01', terminal: 'QX01-K01', state: 'submitted', createdAt: '2026-11-23T09:30:00.000Z', updatedAt: '2026-11-23T09:30:00.000Z',
    syncedAt: null, purgedAt: null, personal: { applicant: { name: '欧阳娜娜', idNumber: ID }, values }, materials: [],
  };
}

describe('submission op', () => {
  const context = { department: 'DEP-GA', blob: () => null };

  it('carries the applicant’s mobile number of a sample item form (applicant.mobile)', () => {
    const item = catalog.item('GA-03');
    if (!item) throw new Error('no GA-03');
    const record = recordFor(buildItemForm(catalog, item), 'applicant');
    const op = submissionOp(record, context);
    expect(record.personal?.values['applicant.mobile']).toMatch(/^1380000\d{4}$/);
    expect(op.payload).toMatchObject({ applicant: { phone: record.personal?.values['applicant.mobile'] } });
    expect(OpEnvelope.safeParse({ opId: 1, idempotencyKey: op.idempotencyKey, orderingKey: op.orderingKey, kind: op.kind, payload: op.payload }).success).toBe(true);
  });

  it('takes the mobile number of the holder who is the applicant in a sample bundle (mother.mobile, not father.mobile)', () => {
    const bundle = catalog.bundle('BND-BIRTH');
    if (!bundle) throw new Error('no BND-BIRTH');
    const record = recordFor(buildBundleForm(catalog, bundle), 'mother');
    const values = record.personal?.values ?? {};
    expect(values['mother.mobile']).not.toEqual(values['father.mobile']);
    expect(submissionOp(record, context).payload).toMatchObject({ applicant: { phone: values['mother.mobile'] } });
  });

  it('sends no phone when the form has none', () => {
    const record = recordFor({ kind: 'item', id: 'X', title: 'x', sections: [], members: [] }, 'applicant');
    expect((submissionOp(record, context).payload as { applicant: Record<string, unknown> }).applicant).not.toHaveProperty('phone');
  });
});
