import { describe, expect, it } from 'vitest';
import { allowedTransitions, APPLICATION_STATES, TERMINAL_STATES, transition } from './state-machine';
import type { ActorKind, ApplicationState } from './state-machine';

// The table of domain.md §6.2, written out independently of the implementation.
const LEGAL: Record<ApplicationState, ApplicationState[]> = {
  draft: ['submitted', 'abandoned'],
  submitted: ['prechecked', 'precheckReturned', 'received', 'withdrawn'],
  precheckReturned: ['submitted', 'abandoned', 'withdrawn'],
  prechecked: ['received', 'withdrawn'],
  received: ['accepted', 'supplementRequired', 'rejected', 'returned', 'withdrawn'],
  supplementRequired: ['received', 'abandoned', 'withdrawn'],
  accepted: ['inProgress', 'withdrawn', 'terminated'],
  inProgress: ['specialProcedure', 'suspended', 'decided', 'withdrawn', 'terminated'],
  specialProcedure: ['inProgress', 'terminated'],
  suspended: ['inProgress', 'terminated'],
  decided: ['resultReady'],
  resultReady: ['delivered'],
  rejected: [],
  returned: [],
  delivered: [],
  withdrawn: [],
  terminated: [],
  abandoned: [],
};

function tryAll(from: ApplicationState, to: ApplicationState) {
  for (const kind of ['citizen', 'staff', 'system'] as ActorKind[]) {
    const r = transition(from, { to, actor: { kind, id: kind === 'staff' ? 'S001' : 'kiosk-1' }, terminal: 'QX01-K01', at: '2026-11-23T09:00:00Z', reason: '材料不全' });
    if (r.ok) return r.value;
  }
  return null;
}

describe('application state machine', () => {
  for (const from of APPLICATION_STATES) {
    for (const to of APPLICATION_STATES) {
      const legal = LEGAL[from].includes(to);
      it(`${from} → ${to} is ${legal ? 'legal' : 'illegal'}`, () => {
        const result = tryAll(from, to);
        if (legal) {
          expect(result?.state).toBe(to);
          expect(result?.audit).toMatchObject({ from, to, terminal: 'QX01-K01', at: '2026-11-23T09:00:00Z' });
        } else {
          expect(result).toBeNull();
          const r = transition(from, { to, actor: { kind: 'staff', id: 'S1' }, terminal: 'W1', at: '2026-11-23T09:00:00Z', reason: 'x' });
          expect(r).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
        }
      });
    }
  }

  it('lists legal next states and terminal states', () => {
    expect(allowedTransitions('received').sort()).toEqual([...LEGAL.received].sort());
    expect([...TERMINAL_STATES].sort()).toEqual(['abandoned', 'delivered', 'rejected', 'returned', 'terminated', 'withdrawn']);
  });

  it('checks who may act', () => {
    expect(transition('received', { to: 'accepted', actor: { kind: 'citizen', id: 'kiosk' }, terminal: 'K1', at: '2026-11-23T09:00:00Z' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_ACTOR' },
    });
    expect(transition('draft', { to: 'submitted', actor: { kind: 'staff', id: 'S1' }, terminal: 'W1', at: '2026-11-23T09:00:00Z' }).ok).toBe(false);
  });

  it('requires a written reason for rejections, returns and notices', () => {
    for (const to of ['rejected', 'returned', 'supplementRequired'] as const) {
      expect(transition('received', { to, actor: { kind: 'staff', id: 'S1' }, terminal: 'W1', at: '2026-11-23T09:00:00Z', reason: '  ' })).toMatchObject({
        ok: false,
        error: { code: 'REASON_REQUIRED' },
      });
    }
  });

  it('requires actor, terminal and a valid time', () => {
    expect(transition('draft', { to: 'submitted', actor: { kind: 'citizen', id: 'K1' }, terminal: '', at: '2026-11-23T09:00:00Z' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(transition('draft', { to: 'submitted', actor: { kind: 'citizen', id: 'K1' }, terminal: 'K1', at: 'yesterday' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
