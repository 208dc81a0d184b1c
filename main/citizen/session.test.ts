import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContractError, methods } from '../../src/contract';
import { CitizenSession, SESSION_LIMITS } from './session';
import { card, fakeJpeg } from './test-fixtures';

const zhang = card('resident-zhang');
const li = card('resident-li');

function sessionWith(onReader: { current: ReturnType<typeof card> | null } = { current: null }, expiryMs?: number) {
  return new CitizenSession(() => ({ currentCard: () => onReader.current }), expiryMs);
}

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof ContractError ? error.code : 'not a ContractError';
  }
}

describe('citizen session (privileged side)', () => {
  afterEach(() => vi.useRealTimers());

  it('holds nothing and answers nothing personal while no session is open', () => {
    const reader = { current: zhang };
    const session = sessionWith(reader);
    session.cardRead(zhang);
    expect(codeOf(() => session.useCard('applicant'))).toBe('FORBIDDEN');
    expect(session.view()).toMatchObject({ open: false, holders: [], cardWaiting: false });
  });

  it('binds the card read in the session to a holder; the view stays masked', () => {
    const session = sessionWith();
    session.begin();
    session.cardRead(zhang);
    expect(session.view().cardWaiting).toBe(true);
    const details = session.useCard('applicant');
    expect(details).toMatchObject({ holder: 'applicant', name: '张三', idNumber: zhang.idNumber, genderCode: '1', nationCode: '01', source: 'card' });
    expect(methods['session.useCard'].output.parse(details)).toEqual(details);
    const view = JSON.stringify(session.view());
    expect(view).not.toContain('张三');
    expect(view).not.toContain(zhang.idNumber);
    expect(view).toContain('4301**********1234');
  });

  it('uses the card still lying on the reader when none was read during the session', () => {
    const reader = { current: li as ReturnType<typeof card> | null };
    const session = sessionWith(reader);
    session.begin();
    expect(session.useCard('mother').name).toBe('李小红');
    reader.current = null;
    expect(codeOf(() => session.useCard('father'))).toBe('NOT_FOUND');
  });

  it('refuses the same card for a second holder (the father cannot be pre-filled with the mother’s card)', () => {
    const session = sessionWith({ current: li });
    session.begin();
    session.cardRead(li);
    session.useCard('mother');
    expect(codeOf(() => session.useCard('father'))).toBe('NOT_FOUND');
    session.cardRead(li);
    expect(codeOf(() => session.useCard('father'))).toBe('CONFLICT');
    session.cardRead(zhang);
    expect(session.useCard('father').name).toBe('张三');
  });

  it('refuses a card whose number failed validation', () => {
    const session = sessionWith();
    session.begin();
    session.cardRead({ ...zhang, idNumberValid: false });
    expect(codeOf(() => session.useCard('applicant'))).toBe('BAD_INPUT');
  });

  it('agent mode: the agent’s card, the principal keyed in with a GB 11643 check, relation recorded', () => {
    const session = sessionWith();
    session.begin();
    session.cardRead(zhang);
    let error: unknown;
    try {
      session.setAgent({ holder: 'applicant', name: '王五', idNumber: '430102199003071235', relation: 'parent' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).issues?.map((i) => i.path)).toEqual(['idNumber']);
    expect(codeOf(() => session.setAgent({ holder: 'applicant', name: 'Wang', idNumber: li.idNumber, relation: 'parent' }))).toBe('BAD_INPUT');
    expect(codeOf(() => session.setAgent({ holder: 'applicant', name: '张三', idNumber: zhang.idNumber, relation: 'parent' }))).toBe('BAD_INPUT');

    const principal = session.setAgent({ holder: 'applicant', name: '李小红', idNumber: li.idNumber, relation: 'parent' });
    expect(principal).toMatchObject({ holder: 'applicant', source: 'typed', birthDate: '1978-06-05', gender: 'female', genderCode: '2' });
    expect(principal.address).toBeUndefined();
    expect(session.view().mode).toBe('agent');
    expect(session.agent()).toMatchObject({ relation: 'parent', details: { holder: 'agent', name: '张三' } });
    session.clearAgent();
    expect(session.holder('applicant')).toBeNull();
    expect(session.holder('agent')).toBeNull();
    expect(session.view().mode).toBe('self');
  });

  it('records the assisting staff member as the actor', () => {
    const session = sessionWith();
    session.begin();
    expect(session.actorId()).toBe('kiosk');
    expect(session.assist('A0012').assisted).toBe(true);
    expect(session.actorId()).toBe('kiosk/assist:A0012');
    session.assist(null);
    expect(session.actorId()).toBe('kiosk');
  });

  it('holds material pages within limits and zeroes them when the session ends', () => {
    const session = sessionWith();
    session.begin();
    const page = fakeJpeg();
    expect(session.addPage('SM-ID-CARD:applicant', page)).toBe(1);
    expect(session.addPage('SM-ID-CARD:applicant', fakeJpeg())).toBe(2);
    expect(session.removePage('SM-ID-CARD:applicant', 1)).toBe(1);
    expect(session.capturedMaterials()).toEqual([{ key: 'SM-ID-CARD:applicant', pages: 1 }]);
    for (let i = 1; i < SESSION_LIMITS.pagesPerMaterial; i += 1) session.addPage('SM-ID-CARD:applicant', fakeJpeg());
    expect(codeOf(() => session.addPage('SM-ID-CARD:applicant', fakeJpeg()))).toBe('CONFLICT');
    session.end();
    expect(page.every((b) => b === 0)).toBe(true);
    expect(session.capturedMaterials()).toEqual([]);
  });

  it('a new session forgets everything of the previous one', () => {
    const session = sessionWith();
    session.begin();
    session.cardRead(zhang);
    session.useCard('applicant');
    session.assist('A1');
    session.remember({ applicationId: 'a', trackingNo: 't', applicantName: '张三', applicantIdNumber: zhang.idNumber, items: [], submittedAt: '', promisedDate: null });
    session.begin();
    expect(session.holder('applicant')).toBeNull();
    expect(session.lastSubmission()).toBeNull();
    expect(session.view()).toEqual({ open: true, assisted: false, mode: 'self', holders: [], cardWaiting: false });
  });

  it('expires on its own when the renderer never says goodbye', () => {
    vi.useFakeTimers();
    const session = sessionWith({ current: null }, 1_000);
    session.begin();
    session.cardRead(zhang);
    session.useCard('applicant');
    vi.advanceTimersByTime(999);
    session.touch();
    vi.advanceTimersByTime(999);
    expect(session.isOpen).toBe(true);
    vi.advanceTimersByTime(2);
    expect(session.isOpen).toBe(false);
    expect(session.holder('applicant')).toBeNull();
  });
});

describe('citizen session: becoming an agent', () => {
  it('moves a card bound as applicant to the agent role when the person says they act for someone else', () => {
    const session = new CitizenSession(() => null);
    session.begin();
    session.cardRead(card('resident-zhang'));
    session.useCard('applicant');
    session.cardRead(card('resident-zhang'));
    expect(session.useCard('agent').name).toBe('张三');
    expect(session.holder('applicant')).toBeNull();
  });
});
