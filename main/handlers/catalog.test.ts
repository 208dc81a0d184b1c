import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ContractError, methods } from '../../src/contract';
import { Catalog } from '../../src/domain/catalog/catalog';
import { validateCatalog } from '../../src/domain/catalog/validate';
import { CatalogService } from '../catalog';
import { catalogHandlers, localToday } from './catalog';

const validated = validateCatalog(JSON.parse(readFileSync(new URL('../../assets/catalog/sample-catalog.json', import.meta.url), 'utf8')));
if (!validated.ok) throw new Error('sample catalogue does not validate');
const service = new CatalogService(new Catalog(validated.catalog));
const h = catalogHandlers(() => service, () => '2026-02-12');
const ctx = { role: 'kiosk' as const };

describe('catalog handlers', () => {
  it('home: bundles, departments with items, frequent items — valid wire output', async () => {
    const home = methods['catalog.home'].output.parse(await h['catalog.home']({}, ctx));
    expect(home.bundles.map((b) => b.id)).toContain('BND-BIRTH');
    expect(home.departments.every((d) => d.itemCount > 0)).toBe(true);
    expect(home.frequentItems.length).toBeGreaterThan(0);
  });

  it('search returns ranked hits with the match kind', async () => {
    const result = methods['catalog.search'].output.parse(await h['catalog.search']({ query: '生孩子' }, ctx));
    expect(result.hits[0]).toMatchObject({ kind: 'bundle', id: 'BND-BIRTH', match: 'alias' });
  });

  it('item guide has the promised date in working days from today (Spring Festival 2026)', async () => {
    const guide = methods['catalog.item'].output.parse(await h['catalog.item']({ id: 'RS-01' }, ctx));
    expect(guide.promisedLimit).toMatchObject({ value: 5, unit: 'workday' });
    expect(guide.promisedDate).toEqual({ date: '2026-02-26', provisional: false });
    expect(guide.materials.length).toBeGreaterThan(0);
  });

  it('bundle guide lists de-duplicated materials with what is not needed on paper', async () => {
    const guide = methods['catalog.bundle'].output.parse(await h['catalog.bundle']({ id: 'BND-BIRTH' }, ctx));
    expect(guide.promisedDate?.date).toBe('2026-02-26');
    const hukou = guide.materials.find((m) => m.key === 'SM-HUKOU:child');
    expect(hukou).toMatchObject({ notNeededOnPaper: true, producedBy: 'GA-01' });
    expect(guide.materials.find((m) => m.key === 'SM-UNMARRIED-STATEMENT:mother')?.notNeededOnPaper).toBe(false);
  });

  it('each material says how many pages the pre-check will ask for (both sides of an ID card, two register pages)', async () => {
    const guide = methods['catalog.item'].output.parse(await h['catalog.item']({ id: 'GA-03' }, ctx));
    const pages = Object.fromEntries(guide.materials.map((m) => [m.key, m.minPages]));
    expect(pages).toMatchObject({ 'SM-ID-CARD:applicant': 2, 'SM-PHOTO:applicant': 1 });
    const bundle = methods['catalog.bundle'].output.parse(await h['catalog.bundle']({ id: 'BND-BIRTH' }, ctx));
    expect(bundle.materials.find((m) => m.key === 'SM-HUKOU:household')?.minPages).toBe(2);
  });

  it('form: merged sections with options resolved from code lists and pre-fill', async () => {
    const form = methods['catalog.form'].output.parse(await h['catalog.form']({ kind: 'bundle', id: 'BND-BIRTH' }, ctx));
    const fields = form.sections.flatMap((s) => s.fields);
    const nation = fields.find((f) => f.id === 'mother.nation');
    expect(nation?.options?.length).toBeGreaterThan(50);
    expect(nation?.prefill).toEqual({ cardHolder: 'mother', cardField: 'nationCode' });
    expect(fields.find((f) => f.id === 'mother.idNumber')?.personal).toBe(true);
    const itemForm = methods['catalog.form'].output.parse(await h['catalog.form']({ kind: 'item', id: 'GA-01' }, ctx));
    expect(itemForm.kind).toBe('item');
  });

  it('unknown ids and a missing catalogue are typed errors', async () => {
    await expect(async () => h['catalog.item']({ id: 'NOPE' }, ctx)).rejects.toThrow(ContractError);
    await expect(async () => h['catalog.form']({ kind: 'bundle', id: 'GA-01' }, ctx)).rejects.toThrow(/no bundle/);
    const none = catalogHandlers(() => null);
    await expect(async () => none['catalog.home']({}, ctx)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('localToday formats the local date', () => {
    expect(localToday(new Date(2026, 0, 4, 12))).toBe('2026-01-04');
  });
});
