import { describe, expect, it } from 'vitest';
import { checkUscc, usccCheck } from './uscc';

describe('GB 32100 unified social credit code', () => {
  it('accepts a code with correct check characters', () => {
    expect(checkUscc('114399260156831151')).toEqual({ valid: true });
    expect(checkUscc('91350100M000100Y43')).toEqual({ valid: true });
  });
  it('rejects a wrong final check character', () => {
    const good = '114399260156831151';
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(checkUscc(bad)).toEqual({ valid: false, problem: 'check' });
  });
  it('rejects a wrong embedded organisation-code check character', () => {
    // change position 17 (org check) and recompute the outer check so only the inner one fails
    const body = '1143992601568311' + '2';
    const code = body + (usccCheck(body) ?? '');
    expect(checkUscc(code)).toEqual({ valid: false, problem: 'org-code' });
  });
  it('rejects letters outside the GB 32100 alphabet and wrong lengths', () => {
    expect(checkUscc('11439926015683115I').valid).toBe(false);
    expect(checkUscc('1143992601568311').valid).toBe(false);
  });
});
