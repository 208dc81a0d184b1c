import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { criticalPathWorkdays } from './critical-path';
import type { CatalogFile } from './schema';
import { validateCatalog } from './validate';
import type { CatalogProblem } from './validate';

const raw: unknown = JSON.parse(readFileSync(new URL('../../../assets/catalog/sample-catalog.json', import.meta.url), 'utf8'));

function sample(): CatalogFile {
  return structuredClone(raw) as CatalogFile;
}

function problemsOf(mutate: (c: CatalogFile) => void): CatalogProblem[] {
  const c = sample();
  mutate(c);
  const result = validateCatalog(c);
  return result.ok ? result.warnings : result.problems;
}

function expectError(mutate: (c: CatalogFile) => void, fragment: string | RegExp): void {
  const problems = problemsOf(mutate).filter((p) => p.severity === 'error');
  expect(problems.map((p) => `${p.path}: ${p.message}`).join('\n')).toMatch(fragment);
}

function first<T>(list: readonly T[]): T {
  const value = list[0];
  if (value === undefined) throw new Error('empty list in sample');
  return value;
}

describe('validateCatalog on the shipped sample', () => {
  it('accepts the sample and warns only about BND-RETIRE promising less than its critical path', () => {
    const result = validateCatalog(raw);
    if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    expect(result.catalog.items).toHaveLength(45);
    expect(result.catalog.bundles).toHaveLength(8);
    expect(result.warnings.map((w) => w.path)).toEqual(['bundles.2.promisedLimit (BND-RETIRE)']);
  });
  it('recomputes the published critical paths', () => {
    for (const b of sample().bundles) expect(criticalPathWorkdays(b)).toEqual(b.computedCriticalPathWorkdays);
  });
});

describe('validateCatalog rules', () => {
  it('rejects a structurally broken file with paths', () => {
    const result = validateCatalog({ schemaVersion: '1.0.0' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.length).toBeGreaterThan(3);
  });
  it('rejects a newer major schema version', () => expectError((c) => (c.schemaVersion = '2.0.0'), /schema 1\.x/));
  it('reports every problem at once', () => {
    const problems = problemsOf((c) => {
      first(c.items).department = 'DEP-NOPE';
      first(c.items).legalBasis = [];
    });
    expect(problems.filter((p) => p.severity === 'error')).toHaveLength(2);
  });
  it('duplicate ids', () => expectError((c) => c.items.push(first(c.items)), /duplicate id GA-01/));
  it('department USCC check characters', () => expectError((c) => (first(c.departments).uscc = '114399260156831152'), /GB 32100/));
  it('basic code length', () => expectError((c) => (first(c.items).codes.basic = '12345'), /12 digits/));
  it('implementation = uscc + level + basic', () =>
    expectError((c) => (first(c.items).codes.implementation = '1143992601568311515000107001000'), /USCC \+ use level/));
  it('enum values exist in code lists', () => expectError((c) => (first(c.items).useLevel = '9'), /unknown use level/));
  it('enforcement item types are refused', () => expectError((c) => (first(c.items).itemType = '02'), /enforcement/));
  it('online depth IV means zero visits', () =>
    expectError((c) => {
      first(c.items).onlineDepth.level = 'IV';
      first(c.items).visitsRequired = 1;
    }, /zero visits/));
  it('a visit needs a reason', () => expectError((c) => delete first(c.items).visitReason, /must say why/));
  it('即办件 iff promised 0', () => expectError((c) => (first(c.items).projectType = '2'), /即办件/));
  it('promised within legal limit', () =>
    expectError((c) => {
      const item = c.items.find((i) => i.legalLimit.value !== null && i.legalLimit.unit === i.promisedLimit.unit);
      if (!item || item.legalLimit.value === null) throw new Error('no item with a legal limit');
      item.promisedLimit.value = item.legalLimit.value + 1;
      item.projectType = '2';
    }, /exceeds the legal limit/));
  it('charged items list fees', () => expectError((c) => (first(c.items).fee = { charged: true, items: [] }), /list its fees/));
  it('unknown form field', () => expectError((c) => first(c.items).formFieldIds.push('nope.field'), /unknown field nope\.field/));
  it('select fields need options', () =>
    expectError((c) => {
      const f = c.fields['applicant.gender'];
      if (!f) throw new Error('missing');
      delete f.options;
      f.optionsRef = 'noSuchList';
    }, /no options/));
  it('patterns must compile', () =>
    expectError((c) => {
      const f = c.fields['applicant.name'];
      if (f) f.pattern = '([';
    }, /regular expression/));
  it('typed patterns accept known-valid and refuse known-invalid values', () => {
    expectError((c) => {
      const f = c.fields['applicant.mobile'];
      if (f) f.pattern = '^\\d+$';
    }, /accepts an invalid mobile/);
    expectError((c) => {
      const f = c.fields['applicant.idNumber'];
      if (f) f.pattern = '^\\d{18}$';
    }, /refuses a valid idNumber/);
  });
  it('conditional materials need a condition over form fields', () => {
    expectError((c) => {
      const m = first(c.items).materials.find((x) => x.necessity === 'conditional');
      if (m) delete m.condition;
    }, /needs a condition/);
    expectError((c) => {
      const m = first(c.items).materials.find((x) => x.necessity === 'conditional');
      if (m) m.condition = { field: 'not.inForm', equals: '1' };
    }, /not in the item's form/);
  });
  it('tolerant materials need a promise period', () =>
    expectError((c) => {
      for (const i of c.items) for (const m of i.materials) if (m.necessity === 'tolerant') delete m.tolerance;
    }, /容缺/));
  it('bundle members exist, dependencies are members, optional members have includeIf', () => {
    expectError((c) => (first(first(c.bundles).members).item = 'XX-99'), /unknown item XX-99/);
    expectError((c) => first(first(c.bundles).members).dependsOn.push('ZZ-1'), /not a member/);
    expectError((c) => {
      const m = first(c.bundles).members.find((x) => !x.required);
      if (m) delete m.includeIf;
    }, /needs includeIf/);
  });
  it('dependency cycles', () =>
    expectError((c) => {
      const b = first(c.bundles);
      first(b.members).dependsOn = [b.members[1]?.item ?? ''];
    }, /cycle/));
  it('calendar: adjusted working days are weekends, dates inside their year', () => {
    expectError((c) => c.workCalendar.years['2026']?.adjustedWorkdays.push({ date: '2026-03-02', name: 'x' }), /not a Saturday or Sunday/);
    expectError((c) => c.workCalendar.years['2026']?.offDays.push({ date: '2025-03-02', name: 'x' }), /not in 2026/);
  });
});

describe('known samples of domain.md §11', () => {
  it('ID 34052419800101001X is valid and 340524198001010013 is not', async () => {
    const { checkIdNumber } = await import('../../kernel/id-number');
    expect(checkIdNumber('34052419800101001X').valid).toBe(true);
    expect(checkIdNumber('340524198001010013').valid).toBe(false);
  });
});
