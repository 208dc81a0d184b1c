import { describe, expect, it } from 'vitest';
import { checkEvaluation, isBadLevel, toGbCode, toProvincialScore } from './evaluation';
import type { EvaluationInput } from './evaluation';

const base: EvaluationInput = { applicationId: 'A1', channel: 'kiosk', level: '满意', at: '2026-11-23T10:00:00Z', terminal: 'K1' };

describe('evaluations', () => {
  it('maps levels to both opposite numeric codings', () => {
    expect(toGbCode('非常满意')).toBe(1);
    expect(toGbCode('非常不满意')).toBe(5);
    expect(toProvincialScore('非常满意')).toBe(5);
    expect(toProvincialScore('非常不满意')).toBe(1);
    expect(isBadLevel('不满意')).toBe(true);
    expect(isBadLevel('基本满意')).toBe(false);
  });
  it('one evaluation per application per channel', () => {
    expect(checkEvaluation(base, [])).toEqual({ ok: true, value: undefined });
    expect(checkEvaluation(base, [{ channel: 'windowPad', round: 1 }])).toEqual({ ok: true, value: undefined });
    expect(checkEvaluation(base, [{ channel: 'kiosk', round: 1 }])).toMatchObject({ ok: false, error: { code: 'DUPLICATE' } });
  });
  it('at most one follow-up rating (追评), and only after a first rating', () => {
    const followUp = { ...base, round: 2 as const };
    expect(checkEvaluation(followUp, [])).toMatchObject({ ok: false, error: { code: 'NO_FIRST_RATING' } });
    expect(checkEvaluation(followUp, [{ channel: 'windowPad', round: 1 }])).toEqual({ ok: true, value: undefined });
    expect(checkEvaluation(followUp, [{ channel: 'kiosk', round: 1 }, { channel: 'kiosk', round: 2 }])).toMatchObject({ ok: false, error: { code: 'DUPLICATE' } });
  });
  it('region codes are 6-9 digits', () => {
    expect(checkEvaluation({ ...base, regionCode: '439926' }, [])).toEqual({ ok: true, value: undefined });
    expect(checkEvaluation({ ...base, regionCode: 'QX' }, [])).toMatchObject({ ok: false, error: { code: 'BAD_REGION' } });
  });
  it('a bad rating needs a reason or text', () => {
    expect(checkEvaluation({ ...base, level: '非常不满意' }, [])).toMatchObject({ ok: false, error: { code: 'REASON_REQUIRED' } });
    expect(checkEvaluation({ ...base, level: '不满意', reasons: ['等候时间长'] }, [])).toEqual({ ok: true, value: undefined });
    expect(checkEvaluation({ ...base, level: '不满意', text: '排队太久' }, [])).toEqual({ ok: true, value: undefined });
  });
  it('limits the text', () => {
    expect(checkEvaluation({ ...base, text: '好'.repeat(501) }, [])).toMatchObject({ ok: false, error: { code: 'TOO_LONG' } });
  });
});
