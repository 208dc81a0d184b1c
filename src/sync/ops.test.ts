import { describe, expect, it } from 'vitest';
import { OpEnvelope } from './protocol';
import { auditOp, deviceHealthOp, statusOp } from './ops';

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
