import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDigitOf } from '../../kernel/id-number';
import { Catalog } from '../catalog/catalog';
import { validateCatalog } from '../catalog/validate';
import { bundleMaterials, itemMaterials } from '../forms/materials';
import type { MaterialRequirement } from '../forms/materials';
import { buildBundleForm, buildItemForm } from '../forms/merged-form';
import { checkFieldValue } from './field-check';
import { precheck } from './precheck';

const validated = validateCatalog(JSON.parse(readFileSync(new URL('../../../assets/catalog/sample-catalog.json', import.meta.url), 'utf8')));
if (!validated.ok) throw new Error('sample catalogue does not validate');
const catalog = new Catalog(validated.catalog);
const today = '2026-11-23';

function idNumber(birth: string, sequence: string): string {
  const first17 = `430102${birth.replaceAll('-', '')}${sequence}`;
  return first17 + checkDigitOf(first17);
}

function birthBundle() {
  const b = catalog.bundle('BND-BIRTH');
  if (!b) throw new Error('no bundle');
  return { form: buildBundleForm(catalog, b), materials: bundleMaterials(catalog, b) };
}

describe('precheck', () => {
  it('reports every missing required field at once, skipping optional members not included', () => {
    const { form, materials } = birthBundle();
    const result = precheck(catalog, form, materials, {}, [], today);
    expect(result.ok).toBe(false);
    const missing = result.problems.filter((p) => p.kind === 'missing-field').map((p) => ('field' in p ? p.field : ''));
    expect(missing).toEqual(expect.arrayContaining(['mother.name', 'father.idNumber', 'child.name', 'bundle.birthRegistered', 'vacc.clinic']));
    expect(missing).not.toContain('birth.childOrder'); // only for 生育登记 (WJ-04), not included
    expect(result.includedMembers).not.toContain('WJ-04');
  });

  it('includes an optional member when its situation answer says so', () => {
    const { form, materials } = birthBundle();
    const result = precheck(catalog, form, materials, { 'bundle.birthRegistered': '0' }, [], today);
    expect(result.includedMembers).toContain('WJ-04');
    expect(result.problems.some((p) => 'field' in p && p.field === 'birth.childOrder')).toBe(true);
  });

  it('flags invalid values: ID check digit, ID vs birth date and gender, mobile, select options', () => {
    const { form, materials } = birthBundle();
    const good = idNumber('1990-03-07', '124'); // even sequence digit → female
    const bad = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    const values = {
      'mother.idNumber': bad,
      'father.idNumber': idNumber('1988-01-01', '131'),
      'father.birthDate': '1988-01-02',
      'mother.mobile': '12345',
      'mother.gender': '3',
    };
    const problems = precheck(catalog, form, materials, values, [], today).problems.filter((p) => p.kind === 'invalid-value');
    const byField = Object.fromEntries(problems.map((p) => ['field' in p ? p.field : '', p.message]));
    expect(byField['mother.idNumber']).toMatch(/校验位/);
    expect(byField['father.idNumber']).toMatch(/出生日期/);
    expect(byField['mother.mobile']).toMatch(/手机/);
    expect(byField['mother.gender']).toMatch(/选项/);
    const reasons = Object.fromEntries(problems.map((p) => ['field' in p ? p.field : '', p.reason]));
    expect(reasons).toMatchObject({ 'mother.idNumber': 'idNumberCheckDigit', 'father.idNumber': 'birthDateMismatch', 'mother.mobile': 'mobile', 'mother.gender': 'invalidOption' });
    // neither the notice's sentence nor the screens' parameters carry the value itself; the sentence is one language
    for (const p of problems) {
      expect(JSON.stringify(p)).not.toContain(bad);
      expect(p.message).not.toMatch(/\([A-Za-z]/);
    }
  });

  it('requiredIf makes a field required only under its condition', () => {
    const { form, materials } = birthBundle();
    const names = (values: Record<string, string>) =>
      precheck(catalog, form, materials, values, [], today).problems.map((p) => ('field' in p ? p.field : ''));
    expect(names({ 'sscard.collect': 'mail' })).toContain('sscard.mailAddress');
    expect(names({ 'sscard.collect': 'window' })).not.toContain('sscard.mailAddress');
  });

  it('materials: conditional ones follow the answers, paperless ones are never asked for', () => {
    const { form, materials } = birthBundle();
    const keys = (values: Record<string, string>) =>
      precheck(catalog, form, materials, values, [], today)
        .problems.filter((p) => p.kind === 'missing-material')
        .map((p) => ('material' in p ? p.material : ''));
    expect(keys({ 'family.parentsMarried': '1' })).not.toContain('SM-UNMARRIED-STATEMENT:mother');
    expect(keys({ 'family.parentsMarried': '0' })).toContain('SM-UNMARRIED-STATEMENT:mother');
    expect(keys({ 'family.parentsMarried': '0', 'registration.followParent': 'father' })).toContain('SM-PATERNITY-REPORT:father');
    expect(keys({})).not.toContain('SM-ID-CARD:mother'); // e-licence
    expect(keys({ 'father.nation': '01', 'mother.nation': '03' })).toContain('SM-NATION-CONFIRM:parents');
  });

  it('too few pages, original check for kiosk captures, and 容缺 with a promise', () => {
    const req = (key: string, extra: Partial<MaterialRequirement> = {}): MaterialRequirement => ({
      key,
      sharedMaterialId: key.split(':')[0] ?? '',
      name: key,
      holder: 'applicant',
      usedBy: ['GA-01'],
      necessity: 'required',
      conditions: [],
      copies: { original: 1, copy: 0 },
      acquisition: ['submit'],
      paperless: false,
      memberMaterialIds: [],
      ...extra,
    });
    const item = catalog.item('GA-01');
    if (!item) throw new Error('no GA-01');
    const form = buildItemForm(catalog, item);
    const mats = [req('SM-HUKOU:applicant'), req('SM-BIRTH-MED-CERT:child'), req('SM-X:applicant', { necessity: 'tolerant', tolerance: { promiseWorkdays: 30, note: '' } })];
    const result = precheck(catalog, form, mats, {}, [
      { key: 'SM-HUKOU:applicant', pages: 1, trust: 'C' },
      { key: 'SM-BIRTH-MED-CERT:child', pages: 1, trust: 'C' },
    ], today);
    const kinds = result.problems.filter((p) => 'material' in p).map((p) => [p.kind, 'material' in p ? p.material : '']);
    expect(kinds).toEqual([
      ['too-few-pages', 'SM-HUKOU:applicant'],
      ['original-check', 'SM-BIRTH-MED-CERT:child'],
      ['promise-needed', 'SM-X:applicant'],
    ]);
  });

  it('a complete item application passes', () => {
    const item = catalog.item('GA-01');
    if (!item) throw new Error('no GA-01');
    const form = buildItemForm(catalog, item);
    const mats = itemMaterials(item).filter((m) => m.necessity !== 'conditional');
    const values: Record<string, string> = {
      'applicant.name': '李红', 'applicant.idNumber': idNumber('1990-03-07', '124'), 'applicant.gender': '2', 'applicant.nation': '01',
      'applicant.birthDate': '1990-03-07', 'applicant.address': '清溪县城南新区政务路1号', 'applicant.mobile': '13800000000',
      'father.name': '王强', 'father.idNumber': idNumber('1988-01-01', '131'), 'father.gender': '1', 'father.nation': '01',
      'father.birthDate': '1988-01-01', 'father.address': '清溪县城南新区政务路1号', 'father.mobile': '13900000000',
      'mother.name': '李红', 'mother.idNumber': idNumber('1990-03-07', '124'), 'mother.gender': '2', 'mother.nation': '01',
      'mother.birthDate': '1990-03-07', 'mother.address': '清溪县城南新区政务路1号', 'mother.mobile': '13800000000',
      'child.name': '王小宝', 'child.gender': '1', 'child.birthDateTime': '2026-11-20T08:30', 'child.birthPlace': 'QXRMYY',
      'child.nation': '01', 'child.birthCertNo': 'R430123456', 'family.parentsMarried': '1', 'registration.followParent': 'father',
      'registration.householdHead': '王强', 'registration.relationToHead': '子', 'registration.address': '清溪县城南新区政务路1号',
    };
    const captured = mats.map((m) => ({ key: m.key, pages: 2, trust: 'A' as const }));
    const result = precheck(catalog, form, mats, values, captured, today);
    expect(result.problems.filter((p) => p.blocking)).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

describe('precheck rules', () => {
  it('reports a failed acceptance rule (高龄津贴: 80 years old)', () => {
    const item = catalog.file.items.find((i) => i.formFieldIds.some((f) => catalog.field(f)?.rule?.startsWith('age(')));
    if (!item) throw new Error('no item with an age rule');
    const form = buildItemForm(catalog, item);
    const ruleField = item.formFieldIds.find((f) => catalog.field(f)?.rule?.startsWith('age(')) ?? '';
    const young = precheck(catalog, form, [], { 'applicant.birthDate': '1990-01-01' }, [], today);
    expect(young.problems.some((p) => p.kind === 'rule-failed' && p.field === ruleField)).toBe(true);
    const old = precheck(catalog, form, [], { 'applicant.birthDate': '1940-01-01' }, [], today);
    expect(old.problems.some((p) => p.kind === 'rule-failed')).toBe(false);
  });
});

describe('checkFieldValue', () => {
  const def = (extra: object) => ({ id: 'x', label: 'X', type: 'text' as const, ...extra });
  const check = (extra: object, value: Parameters<typeof checkFieldValue>[1], options?: string[]) => checkFieldValue(def(extra), value, {}, today, options);
  it('numbers with bounds and step', () => {
    expect(check({ type: 'number', min: 0.01, max: 10, step: 0.01 }, '5.5')).toBeNull();
    expect(check({ type: 'number', min: 1 }, '0')).toMatchObject({ reason: 'tooSmall', params: { min: 1 }, message: expect.stringMatching(/小于/) });
    expect(check({ type: 'number', step: 1, min: 0 }, '1.5')).toMatchObject({ reason: 'notMultipleOf', params: { step: 1 } });
    expect(check({ type: 'number' }, 'abc')).toMatchObject({ reason: 'notNumber', message: expect.stringMatching(/数字/) });
  });
  it('dates: real, bounded by today, within N days', () => {
    expect(check({ type: 'date', notAfter: 'today' }, '2026-11-24')).toMatchObject({ reason: 'notAfter', params: { date: today }, message: expect.stringMatching(/晚于/) });
    expect(check({ type: 'date' }, '2026-02-30')).toMatchObject({ reason: 'invalidDate' });
    expect(check({ type: 'date', withinDaysBefore: 365 }, '2025-01-01')).toMatchObject({ reason: 'withinDays', params: { days: 365 }, message: expect.stringMatching(/365/) });
    expect(check({ type: 'datetime' }, '2026-11-20T08:30')).toBeNull();
  });
  it('checkbox, consent, uscc, pattern, length', () => {
    expect(check({ type: 'checkbox', minSelected: 2 }, ['a'], ['a', 'b'])).toMatchObject({ reason: 'chooseAtLeast', params: { min: 2 } });
    expect(check({ type: 'consent' }, false)).toMatchObject({ reason: 'consentRequired', message: expect.stringMatching(/同意/) });
    expect(check({ type: 'uscc' }, '114399260156831151')).toBeNull();
    expect(check({ type: 'uscc' }, '114399260156831152')).toMatchObject({ reason: 'uscc' });
    expect(check({ pattern: '^[\\u3400-\\u9fff·]{1,30}$' }, 'Bob')).toMatchObject({ reason: 'pattern', message: 'X：格式不正确' });
    expect(check({ maxLength: 2 }, '三个字')).toMatchObject({ reason: 'tooLong', params: { max: 2 } });
  });
  it('an ID number problem is its own reason', () => {
    expect(check({ type: 'idNumber' }, '110105194912310021')).toMatchObject({ reason: 'idNumberCheckDigit', message: expect.stringMatching(/校验位/) });
    expect(check({ type: 'idNumber' }, '110105491231002')).toMatchObject({ reason: 'idNumberLegacy' });
  });
});
