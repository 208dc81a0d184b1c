import { describe, expect, it } from 'vitest';
import { ageOn, evaluateRule } from './rules';

const today = '2026-11-23';

describe('field rules (acceptance conditions)', () => {
  it('age(...) >= N', () => {
    expect(evaluateRule('age(applicant.birthDate) >= 80', 'x', { 'applicant.birthDate': '1946-11-23' }, today)).toBe('pass');
    expect(evaluateRule('age(applicant.birthDate) >= 80', 'x', { 'applicant.birthDate': '1946-11-24' }, today)).toBe('fail');
    expect(evaluateRule('age(applicant.birthDate) >= 80', 'x', {}, today)).toBe('unknown');
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
  });
  it('monthsBefore(today) >= N on the field itself (6 months of residence)', () => {
    expect(evaluateRule('monthsBefore(today) >= 6', 'residence.since', { 'residence.since': '2026-05-23' }, today)).toBe('pass');
    expect(evaluateRule('monthsBefore(today) >= 6', 'residence.since', { 'residence.since': '2026-05-24' }, today)).toBe('fail');
  });
  it('oneOf(a, b): the child takes the father’s or the mother’s nationality', () => {
    const values = { 'father.nation': '01', 'mother.nation': '03' };
    expect(evaluateRule('oneOf(father.nation, mother.nation)', 'child.nation', { ...values, 'child.nation': '03' }, today)).toBe('pass');
    expect(evaluateRule('oneOf(father.nation, mother.nation)', 'child.nation', { ...values, 'child.nation': '05' }, today)).toBe('fail');
  });
  it('school entry: six years old by 31 August of the enrolment year', () => {
    const rule = 'child.birthDate <= date(enrolYear-6, 08, 31)';
    expect(evaluateRule(rule, 'child.enrolAge', { 'child.birthDate': '2020-08-31' }, today)).toBe('pass');
    expect(evaluateRule(rule, 'child.enrolAge', { 'child.birthDate': '2020-09-01' }, today)).toBe('fail');
  });
  it('unknown rule shapes are left to the window', () => {
    expect(evaluateRule('something(else)', 'x', {}, today)).toBe('unknown');
  });
});
