import { describe, expect, it } from 'vitest';
import { conditionFields, evaluateCondition } from './conditions';

const today = '2026-11-23';

describe('evaluateCondition', () => {
  it('equals and in, including checkbox arrays', () => {
    expect(evaluateCondition({ field: 'a', equals: '1' }, { a: '1' }, today)).toBe(true);
    expect(evaluateCondition({ field: 'a', equals: '1' }, { a: '0' }, today)).toBe(false);
    expect(evaluateCondition({ field: 'a', equals: '1' }, {}, today)).toBe('unknown');
    expect(evaluateCondition({ field: 'a', in: ['x', 'y'] }, { a: 'y' }, today)).toBe(true);
    expect(evaluateCondition({ field: 'a', in: ['x'] }, { a: ['z', 'x'] }, today)).toBe(true);
  });
  it('all/any combine three-valued answers', () => {
    const c = { all: [{ field: 'a', equals: '1' }, { field: 'b', equals: '2' }] };
    expect(evaluateCondition(c, { a: '1', b: '2' }, today)).toBe(true);
    expect(evaluateCondition(c, { a: '0' }, today)).toBe(false);
    expect(evaluateCondition(c, { a: '1' }, today)).toBe('unknown');
    expect(evaluateCondition({ any: [{ field: 'a', equals: '1' }, { field: 'b', equals: '2' }] }, { b: '2' }, today)).toBe(true);
  });
  it('implements the comparison and age expressions of the sample', () => {
    const expr = { expr: 'father.nation != mother.nation', text: '父母民族成份不同' };
    expect(evaluateCondition(expr, { 'father.nation': '01', 'mother.nation': '03' }, today)).toBe(true);
    expect(evaluateCondition(expr, { 'father.nation': '01', 'mother.nation': '01' }, today)).toBe(false);
    const age = { expr: 'age(applicant) >= 16', text: '年满16周岁' };
    expect(evaluateCondition(age, { 'applicant.birthDate': '2010-11-23' }, today)).toBe(true);
    expect(evaluateCondition(age, { 'applicant.birthDate': '2010-11-24' }, today)).toBe(false);
    expect(evaluateCondition({ expr: 'something(else)', text: '?' }, {}, today)).toBe('unknown');
  });
  it('lists the fields a condition reads', () => {
    expect(conditionFields({ all: [{ field: 'a', equals: '1' }, { any: [{ field: 'b', in: ['x'] }] }] })).toEqual(['a', 'b']);
  });
});
