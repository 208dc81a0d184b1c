import { describe, expect, it } from 'vitest';
import type { WireFormField } from '../../src/contract';
import { conditionHolds, dateToDigits, digitsToDate, displayValue, fieldLocked, fieldShown, inputFor } from './form-pages';

const field = (patch: Partial<WireFormField>): WireFormField => ({ id: 'x', label: 'X', type: 'text', required: true, personal: false, usedBy: [], ...patch });

describe('form pages', () => {
  it('decides simple conditions and leaves expressions to the terminal', () => {
    const values = { a: 'mail', b: ['x', 'y'] };
    expect(conditionHolds({ field: 'a', equals: 'mail' }, values)).toBe(true);
    expect(conditionHolds({ field: 'b', equals: 'y' }, values)).toBe(true);
    expect(conditionHolds({ field: 'a', in: ['window'] }, values)).toBe(false);
    expect(conditionHolds({ all: [{ field: 'a', equals: 'mail' }, { expr: 'x > 1', text: '' }] }, values)).toBeNull();
    expect(conditionHolds({ any: [{ field: 'a', equals: 'window' }, { field: 'c', equals: '1' }] }, values)).toBe(false);
  });

  it('shows an optional field only while its condition may hold; never a computed one', () => {
    const mail = field({ required: false, requiredIf: { field: 'collect', equals: 'mail' } });
    expect(fieldShown(mail, { collect: 'window' })).toBe(false);
    expect(fieldShown(mail, { collect: 'mail' })).toBe(true);
    expect(fieldShown(field({ type: 'computed' }), {})).toBe(false);
  });

  it('masks personal values off the identify and review pages', () => {
    expect(displayValue(field({ id: 'applicant.idNumber', type: 'idNumber', personal: true }), '430102199003071234', false)).toBe('4301**********1234');
    expect(displayValue(field({ id: 'applicant.idNumber', type: 'idNumber', personal: true }), '430102199003071234', true)).toBe('430102199003071234');
    expect(displayValue(field({ id: 'applicant.name', personal: true }), '张三', false)).toBe('张*');
    expect(displayValue(field({ id: 'applicant.mobile', type: 'mobile', personal: true }), '13800138000', false)).toBe('138****8000');
    expect(displayValue(field({ id: 'applicant.address', personal: true }), '湖南省长沙市芙蓉区五一大道100号', false)).toBe('湖南省长沙市********');
    expect(displayValue(field({ type: 'select', options: [{ value: '1', label: '男' }] }), '1', false)).toBe('男');
  });

  it('locks card values except the address', () => {
    const details = { holder: 'applicant', cardType: 'resident', name: '张三', gender: 'male', birthDate: '1990-03-07', address: '某地', idNumber: '430102199003071234', idNumberValid: true, maskedName: '张*', maskedIdNumber: '', source: 'card' } as const;
    const cards = { applicant: details };
    expect(fieldLocked(field({ prefill: { cardHolder: 'applicant', cardField: 'name' } }), cards)).toBe(true);
    expect(fieldLocked(field({ prefill: { cardHolder: 'applicant', cardField: 'address' } }), cards)).toBe(false);
    expect(fieldLocked(field({ prefill: { cardHolder: 'father', cardField: 'name' } }), cards)).toBe(false);
  });

  it('gives each field the narrowest way to answer it', () => {
    expect(inputFor(field({ type: 'radio' }))).toEqual({ kind: 'choice', multiple: false });
    expect(inputFor(field({ type: 'idNumber' }))).toMatchObject({ layout: 'idNumber', maxLength: 18 });
    expect(inputFor(field({ type: 'mobile' }))).toMatchObject({ layout: 'digits', maxLength: 11 });
    expect(inputFor(field({ pattern: '^\\d{12,30}$' }))).toMatchObject({ layout: 'digits', maxLength: 30 });
    expect(inputFor(field({ maxLength: 100 }))).toMatchObject({ layout: 'letters', maxLength: 100 });
    expect(digitsToDate('19900307')).toBe('1990-03-07');
    expect(digitsToDate('1990')).toBe('1990');
    expect(dateToDigits('1990-03-07')).toBe('19900307');
  });
});
