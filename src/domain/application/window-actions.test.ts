import { describe, expect, it } from 'vitest';
import { APPLICATION_STATES } from './state-machine';
import { actionPath, availableActions, inScope, planAction, WINDOW_ACTIONS } from './window-actions';

const AT = '2026-03-02T09:00:00+08:00';

describe('window actions', () => {
  it('a kiosk submission is received and accepted in one action', () => {
    expect(planAction('submitted', 'accept', 'A0317', 'W01', AT)).toEqual({ ok: true, value: [{ from: 'submitted', to: 'received' }, { from: 'received', to: 'accepted' }] });
    expect(planAction('received', 'accept', 'A0317', 'W01', AT)).toEqual({ ok: true, value: [{ from: 'received', to: 'accepted' }] });
  });

  it('return for supplement, reject and special procedure need a reason on their last step', () => {
    expect(planAction('submitted', 'supplement', 'A0317', 'W01', AT)).toMatchObject({ ok: false, error: { code: 'REASON_REQUIRED' } });
    expect(planAction('submitted', 'supplement', 'A0317', 'W01', AT, '缺少：户口簿')).toEqual({
      ok: true,
      value: [{ from: 'submitted', to: 'received' }, { from: 'received', to: 'supplementRequired', reason: '缺少：户口簿' }],
    });
    expect(planAction('received', 'reject', 'A0317', 'W01', AT, '   ')).toMatchObject({ ok: false, error: { code: 'REASON_REQUIRED' } });
    expect(planAction('accepted', 'special', 'A0317', 'W01', AT, '专家评审')).toMatchObject({ ok: true, value: [{ to: 'inProgress' }, { to: 'specialProcedure', reason: '专家评审' }] });
  });

  it('refuses an action the state does not allow (what a second window hits)', () => {
    expect(planAction('accepted', 'accept', 'A0317', 'W01', AT)).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
    expect(planAction('supplementRequired', 'supplement', 'A0317', 'W01', AT, 'x')).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
    expect(planAction('delivered', 'handout', 'A0317', 'W01', AT)).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
  });

  it('every path is legal for staff under the state machine', () => {
    for (const from of APPLICATION_STATES) {
      for (const action of WINDOW_ACTIONS) {
        if (!actionPath(from, action)) continue;
        expect(planAction(from, action, 'A0317', 'W01', AT, 'reason'), `${action} from ${from}`).toMatchObject({ ok: true });
      }
    }
  });

  it('offers the actions of each state', () => {
    expect(availableActions('submitted')).toEqual(['accept', 'supplement', 'reject']);
    expect(availableActions('inProgress')).toEqual(['special']);
    expect(availableActions('resultReady')).toEqual(['handout']);
    expect(availableActions('delivered')).toEqual([]);
  });
});

describe('window categories (permission rule)', () => {
  const social = { categories: ['DEP-GA', 'DEP-MZ', 'SJ-02'] };
  it('a window acts on its departments and listed items only', () => {
    expect(inScope(social, { department: 'DEP-GA', itemCode: 'GA-01' })).toBe(true);
    expect(inScope(social, { department: 'DEP-SJ', itemCode: 'SJ-02' })).toBe(true);
    expect(inScope(social, { department: 'DEP-SJ', itemCode: 'SJ-01' })).toBe(false);
    expect(inScope(social, { department: 'DEP-RS', itemCode: 'RS-01' })).toBe(false);
  });
  it('no categories: nothing; * : everything', () => {
    expect(inScope({ categories: [] }, { department: 'DEP-GA', itemCode: 'GA-01' })).toBe(false);
    expect(inScope({ categories: ['*'] }, { department: 'DEP-RS', itemCode: 'RS-01' })).toBe(true);
  });
});
