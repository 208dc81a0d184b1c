import { describe, expect, it } from 'vitest';
import { formHolders, mergeValues } from './form-values';
import { CitizenSession } from './session';
import { card, sampleService } from './test-fixtures';

const formOf = (kind: 'item' | 'bundle', id: string) => {
  const built = sampleService.formOf(kind, id);
  if (!built) throw new Error(`no form ${id}`);
  return built.form;
};

describe('form values decided on the privileged side', () => {
  it('lists the card holders of a form, the applicant first', () => {
    expect(formHolders(formOf('item', 'GA-03'))).toEqual(['applicant']);
    expect(formHolders(formOf('bundle', 'BND-BIRTH'))).toEqual(['mother', 'father']);
    expect(formHolders(formOf('bundle', 'BND-DEATH'))[0]).toBe('applicant');
  });

  it('takes read-only card fields from the card, whatever the renderer sent; keeps an edited address', () => {
    const session = new CitizenSession(() => null);
    session.begin();
    session.cardRead(card('resident-zhang'));
    session.useCard('applicant');
    const values = mergeValues(
      formOf('item', 'GA-03'),
      {
        'applicant.name': '李四',
        'applicant.idNumber': '310115197806050029',
        'applicant.address': '云州市清溪县政务路1号',
        'applicant.mobile': '13800138000',
        'not.a.field': 'dropped',
      },
      session,
    );
    expect(values).toMatchObject({
      'applicant.name': '张三',
      'applicant.idNumber': '430102199003071234',
      'applicant.gender': '1',
      'applicant.nation': '01',
      'applicant.birthDate': '1990-03-07',
      'applicant.address': '云州市清溪县政务路1号',
      'applicant.mobile': '13800138000',
    });
    expect(values).not.toHaveProperty('not.a.field');
    const blankAddress = mergeValues(formOf('item', 'GA-03'), { 'applicant.address': '' }, session);
    expect(blankAddress['applicant.address']).toBe('湖南省长沙市芙蓉区五一大道100号');
  });

  it('leaves fields of a holder without a card to what was typed', () => {
    const session = new CitizenSession(() => null);
    session.begin();
    const values = mergeValues(formOf('item', 'GA-03'), { 'applicant.name': '王五' }, session);
    expect(values['applicant.name']).toBe('王五');
  });
});
