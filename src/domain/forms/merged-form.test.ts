import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Catalog } from '../catalog/catalog';
import { validateCatalog } from '../catalog/validate';
import { BUNDLE_USER, buildBundleForm, buildItemForm, formFields, valuesForMember } from './merged-form';
import { bundleMaterials, itemMaterials } from './materials';

const validated = validateCatalog(JSON.parse(readFileSync(new URL('../../../assets/catalog/sample-catalog.json', import.meta.url), 'utf8')));
if (!validated.ok) throw new Error('sample catalogue does not validate');
const catalog = new Catalog(validated.catalog);

function bundle(id: string) {
  const b = catalog.bundle(id);
  if (!b) throw new Error(`no bundle ${id}`);
  return b;
}

describe('merged form for every sample bundle', () => {
  for (const b of validated.catalog.bundles) {
    it(`${b.id}: same sections, fields and users as the published form`, () => {
      const form = buildBundleForm(catalog, b);
      const published = b.form?.sections ?? [];
      const ours = form.sections.map((s) => ({
        id: s.id,
        title: s.title,
        shared: s.shared,
        appliesTo: [...s.appliesTo].sort(),
        fields: s.fields.map((f) => ({ field: f.def.id, usedBy: [...f.usedBy].sort() })),
      }));
      const theirs = published.map((s) => ({
        id: s.id,
        title: s.title,
        shared: s.shared,
        appliesTo: [...s.appliesTo].sort(),
        fields: s.fields.map((f) => ({ field: f.field, usedBy: [...f.usedBy].sort() })),
      }));
      expect(ours).toEqual(theirs);
    });
    it(`${b.id}: no field twice; every member field is in the form, mapped or produced`, () => {
      const form = buildBundleForm(catalog, b);
      const ids = formFields(form).map((f) => f.def.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const m of form.members) {
        const item = catalog.item(m.item);
        for (const fid of item?.formFieldIds ?? []) {
          const target = m.fieldMap[fid];
          if (target) expect(ids).toContain(target.field);
          else expect(m.produced[fid]).toBeDefined();
        }
      }
    });
  }

  it('shared person fields appear once and are pre-filled from the right card', () => {
    const form = buildBundleForm(catalog, bundle('BND-BIRTH'));
    const idNumber = formFields(form).find((f) => f.def.id === 'mother.idNumber');
    expect(idNumber?.usedBy).toEqual(['WJ-01', 'WJ-02', 'GA-01', 'WJ-04']);
    expect(idNumber?.prefill).toEqual({ cardHolder: 'mother', cardField: 'idNumber' });
    // the child's ID number is produced by 出生登记 and so is not asked
    expect(formFields(form).some((f) => f.def.id === 'child.idNumber')).toBe(false);
    expect(form.members.find((m) => m.item === 'YB-01')?.produced['applicant.idNumber']).toBe('GA-01');
    expect(formFields(form).find((f) => f.def.id === 'bundle.birthRegistered')?.usedBy).toEqual([BUNDLE_USER]);
  });

  it('maps merged values back to each member, applying transforms', () => {
    const form = buildBundleForm(catalog, bundle('BND-BIRTH'));
    const values = { 'child.name': '王小宝', 'child.birthDateTime': '2026-11-20T08:30', 'mother.mobile': '13800000000' };
    expect(valuesForMember(form, 'YB-01', values)).toMatchObject({
      'applicant.name': '王小宝',
      'applicant.birthDate': '2026-11-20',
      'applicant.mobile': '13800000000',
    });
    expect(valuesForMember(form, 'nope', values)).toEqual({});
  });

  it('an item form groups its own fields', () => {
    const item = catalog.item('GA-01');
    if (!item) throw new Error('no GA-01');
    const form = buildItemForm(catalog, item);
    expect(formFields(form).map((f) => f.def.id)).toEqual(item.formFieldIds);
    expect(form.sections.map((s) => s.title)).toContain('母亲信息');
  });
});

describe('de-duplicated materials', () => {
  for (const b of validated.catalog.bundles) {
    it(`${b.id}: same keys, users, necessity, acquisition and paperless flags as published`, () => {
      const ours = bundleMaterials(catalog, b).map((m) => ({
        key: m.key,
        usedBy: [...m.usedBy].sort(),
        necessity: m.necessity,
        acquisition: m.acquisition,
        paperless: m.paperless,
        producedBy: m.producedBy,
        whenMemberIncluded: m.whenMemberIncluded ? [...m.whenMemberIncluded].sort() : undefined,
      }));
      const theirs = (b.materials ?? []).map((m) => {
        const x = m as Record<string, unknown>;
        return {
          key: m.key,
          usedBy: [...m.usedBy].sort(),
          necessity: x.necessity,
          acquisition: x.acquisition,
          paperless: x.paperless,
          producedBy: x.producedBy,
          whenMemberIncluded: Array.isArray(x.whenMemberIncluded) ? [...(x.whenMemberIncluded as string[])].sort() : undefined,
        };
      });
      expect(ours).toEqual(theirs);
      const total = b.members.reduce((n, m) => n + (catalog.item(m.item)?.materials.length ?? 0), 0);
      expect(ours.length).toBeLessThan(total);
    });
  }

  it('one household register serves all members; the application forms collapse into one', () => {
    const mats = bundleMaterials(catalog, bundle('BND-BIRTH'));
    const forms = mats.filter((m) => m.sharedMaterialId === 'SM-APPLICATION-FORM');
    expect(forms).toHaveLength(1);
    expect(forms[0]?.memberMaterialIds).toHaveLength(6);
    const hukouChild = mats.find((m) => m.key === 'SM-HUKOU:child');
    expect(hukouChild).toMatchObject({ producedBy: 'GA-01', paperless: true, usedBy: ['YB-01', 'RS-01'] });
    // RS-01's ID card and photo are not applicable to a newborn
    expect(mats.some((m) => m.memberMaterialIds.includes('RS-01-M01'))).toBe(false);
  });

  it('strongest necessity wins and copies take the maximum', () => {
    const item = catalog.item('GA-01');
    if (!item) throw new Error('no GA-01');
    const doubled = { ...item, materials: [...item.materials, { ...item.materials[0], id: 'X', necessity: 'conditional', copies: { original: 1, copy: 2 } }] };
    const merged = itemMaterials(doubled as typeof item).find((m) => m.key === 'SM-BIRTH-MED-CERT:child');
    expect(merged).toMatchObject({ necessity: 'required', copies: { original: 1, copy: 2 }, conditions: [] });
  });
});
