// Full validation of a catalogue file: zod structure first, then every cross-reference and code rule of
// domain.md §11. All problems are collected so an operator sees the whole list at once; warnings (such as a
// bundle promise below its naive critical path) do not reject the catalogue.
import { checkUscc } from '../codes/uscc';
import { criticalPathWorkdays } from './critical-path';
import { conditionFields } from './conditions';
import { CatalogFile } from './schema';
import type { Bundle, ServiceItem } from './schema';

export interface CatalogProblem {
  readonly path: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

export type CatalogValidation =
  | { ok: true; catalog: CatalogFile; warnings: CatalogProblem[] }
  | { ok: false; problems: CatalogProblem[] };

const ENFORCEMENT_TYPES = new Set(['02', '03', '06']);
/** A pattern on a typed field must accept a known-valid value and refuse a known-invalid one. */
const PATTERN_SAMPLES: Readonly<Record<string, { good: string; bad: string }>> = {
  idNumber: { good: '34052419800101001X', bad: '3405241980010100' },
  mobile: { good: '13800138000', bad: '12345678901' },
  uscc: { good: '91350100M000100Y43', bad: '91350100M000100Y4' },
};
const CHOICE_TYPES = new Set(['select', 'radio', 'checkbox']);

class Collector {
  readonly problems: CatalogProblem[] = [];
  error(path: string, message: string): void {
    this.problems.push({ path, message, severity: 'error' });
  }
  warn(path: string, message: string): void {
    this.problems.push({ path, message, severity: 'warning' });
  }
}

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}

function dayOfWeek(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

export function validateCatalog(input: unknown): CatalogValidation {
  const parsed = CatalogFile.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || '(root)',
        message: issue.message,
        severity: 'error' as const,
      })),
    };
  }
  const catalog = parsed.data;
  const out = new Collector();
  checkCatalog(catalog, out);
  const errors = out.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ok: false, problems: out.problems };
  return { ok: true, catalog, warnings: out.problems };
}

function inList(catalog: CatalogFile, list: string, value: string): boolean {
  const codes = catalog.codeLists[list];
  return codes !== undefined && !value.startsWith('_') && Object.prototype.hasOwnProperty.call(codes, value);
}

function checkCatalog(catalog: CatalogFile, out: Collector): void {
  const departments = new Set(catalog.departments.map((d) => d.id));
  const shared = new Set(catalog.sharedMaterials.map((m) => m.id));
  const itemsById = new Map(catalog.items.map((i) => [i.id, i]));

  for (const [list, ids] of [
    ['departments', catalog.departments.map((d) => d.id)],
    ['sharedMaterials', catalog.sharedMaterials.map((m) => m.id)],
    ['items', catalog.items.map((i) => i.id)],
    ['bundles', catalog.bundles.map((b) => b.id)],
    ['materials', catalog.items.flatMap((i) => i.materials.map((m) => m.id))],
  ] as const) {
    for (const id of duplicates(ids)) out.error(list, `duplicate id ${id}`);
  }

  catalog.departments.forEach((dep, i) => {
    const check = checkUscc(dep.uscc);
    if (!check.valid) out.error(`departments.${i}.uscc`, `USCC of ${dep.id} fails GB 32100 (${check.problem})`);
  });

  for (const [key, field] of Object.entries(catalog.fields)) {
    const path = `fields.${key}`;
    if (field.id !== key) out.error(path, `field key ${key} differs from its id ${field.id}`);
    if (CHOICE_TYPES.has(field.type)) {
      const hasOptions = (field.options?.length ?? 0) > 0;
      const ref = field.optionsRef;
      if (!hasOptions && (ref === undefined || catalog.codeLists[ref] === undefined)) {
        out.error(path, `${field.type} field has no options and no valid optionsRef`);
      }
    }
    if (field.pattern !== undefined) {
      try {
        new RegExp(field.pattern, 'u');
      } catch {
        out.error(`${path}.pattern`, 'pattern is not a valid regular expression');
      }
      const samples = PATTERN_SAMPLES[field.type];
      if (samples) {
        try {
          const re = new RegExp(field.pattern, 'u');
          if (!re.test(samples.good)) out.error(`${path}.pattern`, `pattern refuses a valid ${field.type}`);
          if (re.test(samples.bad)) out.error(`${path}.pattern`, `pattern accepts an invalid ${field.type}`);
        } catch {
          // reported above
        }
      }
    }
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) out.error(path, 'min > max');
    for (const fid of field.requiredIf ? conditionFields(field.requiredIf) : []) {
      if (!catalog.fields[fid]) out.error(`${path}.requiredIf`, `unknown field ${fid}`);
    }
  }

  catalog.items.forEach((item, i) => checkItem(catalog, item, `items.${i}`, departments, shared, out));
  catalog.bundles.forEach((bundle, i) => checkBundle(catalog, bundle, `bundles.${i}`, departments, itemsById, out));
  checkCalendar(catalog, out);
}

function checkItem(
  catalog: CatalogFile,
  item: ServiceItem,
  path: string,
  departments: ReadonlySet<string>,
  shared: ReadonlySet<string>,
  out: Collector,
): void {
  const at = (suffix: string) => `${path}.${suffix} (${item.id})`;
  if (!departments.has(item.department)) out.error(at('department'), `unknown department ${item.department}`);
  const uscc = checkUscc(item.implementingBody.uscc);
  if (!uscc.valid) out.error(at('implementingBody.uscc'), `fails GB 32100 (${uscc.problem})`);
  const { basic, implementation, handleItems } = item.codes;
  if (!/^\d{12}$/.test(basic)) out.error(at('codes.basic'), 'basic code must be 12 digits');
  if (implementation.length !== 31) out.error(at('codes.implementation'), 'implementation code must be 31 characters');
  else if (implementation !== item.implementingBody.uscc + item.useLevel + basic) {
    out.error(at('codes.implementation'), 'implementation code must be USCC + use level + basic code');
  }
  for (const h of handleItems ?? []) {
    if (h.code.length !== 33 || !h.code.startsWith(implementation)) {
      out.error(at('codes.handleItems'), `handle item ${h.code} must be the implementation code + 2 digits`);
    }
  }
  if (!inList(catalog, 'itemType', item.itemType)) out.error(at('itemType'), `unknown item type ${item.itemType}`);
  else if (ENFORCEMENT_TYPES.has(item.itemType)) out.error(at('itemType'), 'enforcement types (处罚/强制/检查) are not hall services');
  if (!inList(catalog, 'useLevel', item.useLevel)) out.error(at('useLevel'), `unknown use level ${item.useLevel}`);
  if (!inList(catalog, 'subjectNature', item.implementingBody.nature)) out.error(at('implementingBody.nature'), 'unknown subject nature');
  for (const v of item.serviceObjects) if (!inList(catalog, 'serviceObject', v)) out.error(at('serviceObjects'), `unknown service object ${v}`);
  for (const v of item.handleForms) if (!inList(catalog, 'handleForm', v)) out.error(at('handleForms'), `unknown handle form ${v}`);
  for (const v of item.onlineDepth.steps) if (!inList(catalog, 'onlineDepthStep', v)) out.error(at('onlineDepth.steps'), `unknown step ${v}`);
  if (!inList(catalog, 'projectType', item.projectType)) out.error(at('projectType'), `unknown project type ${item.projectType}`);
  if (!inList(catalog, 'resultType', item.result.type)) out.error(at('result.type'), `unknown result type ${item.result.type}`);
  for (const v of item.result.delivery) if (!inList(catalog, 'deliveryMode', v)) out.error(at('result.delivery'), `unknown delivery mode ${v}`);

  if (item.onlineDepth.level === 'IV' && item.visitsRequired !== 0) out.error(at('visitsRequired'), 'online depth IV means zero visits');
  if (item.visitsRequired > 0 && !item.visitReason) out.error(at('visitReason'), 'an item that needs a visit must say why');
  const instant = item.promisedLimit.value === 0;
  if (instant !== (item.projectType === '1')) out.error(at('projectType'), '即办件 (1) if and only if the promised limit is 0');
  if (item.promisedLimit.value === null) out.error(at('promisedLimit'), 'a promised limit is required');
  const legal = item.legalLimit;
  if (legal.value !== null && item.promisedLimit.value !== null && legal.unit === item.promisedLimit.unit && item.promisedLimit.value > legal.value) {
    out.error(at('promisedLimit'), 'promised limit exceeds the legal limit');
  }
  if (item.fee.charged && item.fee.items.length === 0) out.error(at('fee'), 'a charged item must list its fees');
  if (item.legalBasis.length === 0) out.error(at('legalBasis'), 'every item needs a legal basis');

  const form = new Set(item.formFieldIds);
  for (const fid of item.formFieldIds) if (!catalog.fields[fid]) out.error(at('formFieldIds'), `unknown field ${fid}`);
  for (const dup of duplicates(item.formFieldIds)) out.error(at('formFieldIds'), `field ${dup} listed twice`);
  item.materials.forEach((m, j) => {
    const mp = `${path}.materials.${j} (${m.id})`;
    if (!shared.has(m.sharedMaterialId)) out.error(mp, `unknown shared material ${m.sharedMaterialId}`);
    if (!inList(catalog, 'sourceChannel', m.sourceChannel)) out.error(mp, `unknown source channel ${m.sourceChannel}`);
    if (!inList(catalog, 'materialMedium', m.medium)) out.error(mp, `unknown medium ${m.medium}`);
    if (m.necessity === 'conditional' && !m.condition) out.error(mp, 'a conditional material needs a condition');
    if (m.necessity === 'tolerant' && !m.tolerance) out.error(mp, 'a 容缺 material needs a tolerance (promise period)');
    if (m.copies.original + m.copies.copy === 0 && !m.acquisition.includes('generatedByForm')) {
      out.error(mp, 'a material needs at least one original or copy');
    }
    for (const fid of m.condition ? conditionFields(m.condition) : []) {
      if (!form.has(fid)) out.error(mp, `condition reads ${fid}, which is not in the item's form`);
    }
  });
  for (const fid of item.produces?.fields ?? []) if (!catalog.fields[fid]) out.error(at('produces.fields'), `unknown field ${fid}`);
}

function checkBundle(
  catalog: CatalogFile,
  bundle: Bundle,
  path: string,
  departments: ReadonlySet<string>,
  items: ReadonlyMap<string, ServiceItem>,
  out: Collector,
): void {
  const at = (suffix: string) => `${path}.${suffix} (${bundle.id})`;
  if (!departments.has(bundle.leadDepartment)) out.error(at('leadDepartment'), `unknown department ${bundle.leadDepartment}`);
  for (const d of bundle.partnerDepartments) if (!departments.has(d)) out.error(at('partnerDepartments'), `unknown department ${d}`);
  const members = new Set(bundle.members.map((m) => m.item));
  for (const dup of duplicates(bundle.members.map((m) => m.item))) out.error(at('members'), `member ${dup} listed twice`);
  bundle.members.forEach((m, j) => {
    const mp = `${path}.members.${j} (${m.item})`;
    const item = items.get(m.item);
    if (!item) {
      out.error(mp, `unknown item ${m.item}`);
      return;
    }
    for (const dep of m.dependsOn) if (!members.has(dep)) out.error(mp, `depends on ${dep}, which is not a member`);
    if (!m.required && !m.includeIf) out.error(mp, 'an optional member needs includeIf');
    for (const fid of m.includeIf ? conditionFields(m.includeIf) : []) {
      if (!catalog.fields[fid]) out.error(mp, `includeIf reads unknown field ${fid}`);
    }
    const materialIds = new Set(item.materials.map((x) => x.id));
    for (const id of m.notApplicableMaterials ?? []) if (!materialIds.has(id)) out.error(mp, `unknown material ${id}`);
    for (const [from, to] of Object.entries(m.fieldMap ?? {})) {
      const target = typeof to === 'string' ? to : to.field;
      if (!item.formFieldIds.includes(from)) out.error(mp, `fieldMap source ${from} is not in the item's form`);
      if (!catalog.fields[target]) out.error(mp, `fieldMap target ${target} is not a known field`);
    }
  });
  for (const s of bundle.situations) if (!catalog.fields[s.field]) out.error(at('situations'), `unknown field ${s.field}`);
  const path2 = criticalPathWorkdays(bundle);
  if (path2 === null) out.error(at('members'), 'member dependencies form a cycle');
  else if (bundle.promisedLimit.value !== null && bundle.promisedLimit.value < path2.requiredMembersOnly) {
    // Optional members may legitimately run beyond the published promise; required ones may not, naively.
    out.warn(
      at('promisedLimit'),
      `published promise ${bundle.promisedLimit.value} is below the naive critical path of required members ${path2.requiredMembersOnly}; confirm it is intended`,
    );
  }
}

function checkCalendar(catalog: CatalogFile, out: Collector): void {
  for (const [year, data] of Object.entries(catalog.workCalendar.years)) {
    const path = `workCalendar.years.${year}`;
    const off = new Set<string>();
    for (const d of data.offDays) {
      if (!d.date.startsWith(`${year}-`)) out.error(path, `${d.date} is not in ${year}`);
      off.add(d.date);
    }
    for (const d of data.adjustedWorkdays) {
      if (!d.date.startsWith(`${year}-`)) out.error(path, `${d.date} is not in ${year}`);
      const dow = dayOfWeek(d.date);
      if (dow !== 0 && dow !== 6) out.error(path, `adjusted working day ${d.date} is not a Saturday or Sunday`);
      if (off.has(d.date)) out.error(path, `${d.date} is both a day off and a working day`);
    }
  }
}
