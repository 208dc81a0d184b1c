// The one form (一张表) of an item or a 一件事 bundle (domain.md §5.3). For a bundle: the union of member
// fields after role binding and fieldMap renames, minus fields produced by a member the user depends on;
// every field once with the members that use it; groups used by several members (or by the bundle's own
// situation questions) become shared sections, the others sections of their single member.
import type { Catalog } from '../catalog/catalog';
import type { Bundle, FieldDef, ServiceItem } from '../catalog/schema';
import { groupOf, GROUP_TITLES } from './group-titles';

/** Marks a field asked by the bundle itself (situation questions, includeIf answers). */
export const BUNDLE_USER = '(bundle)';

export interface FormField {
  readonly def: FieldDef;
  readonly usedBy: readonly string[];
  readonly required: boolean;
  /** Card holder and card field when the field is filled from an ID card read. */
  readonly prefill?: { readonly cardHolder: string; readonly cardField: string };
}

export interface FormSection {
  readonly id: string;
  readonly title: string;
  readonly shared: boolean;
  readonly appliesTo: readonly string[];
  readonly fields: readonly FormField[];
}

export interface MemberBinding {
  readonly item: string;
  readonly name: string;
  readonly required: boolean;
  readonly includeIf?: Bundle['members'][number]['includeIf'];
  /** Item field id → merged-form field id (and transform), for filling each member's own application. */
  readonly fieldMap: Readonly<Record<string, { field: string; transform?: 'datePart' }>>;
  /** Item fields left out because an earlier member produces them, with the producer. */
  readonly produced: Readonly<Record<string, string>>;
}

export interface MergedForm {
  readonly kind: 'item' | 'bundle';
  readonly id: string;
  readonly title: string;
  readonly sections: readonly FormSection[];
  readonly members: readonly MemberBinding[];
}

interface Accumulated {
  def: FieldDef;
  usedBy: string[];
  required: boolean;
  order: number;
}

function titleOf(group: string, first: FieldDef | undefined): string {
  return GROUP_TITLES[group] ?? first?.label ?? group;
}

function prefillFromField(def: FieldDef): FormField['prefill'] {
  return def.prefill ? { cardHolder: def.prefill.role, cardField: def.prefill.field } : undefined;
}

function withPrefill(def: FieldDef, usedBy: string[], required: boolean, prefill: FormField['prefill']): FormField {
  return prefill ? { def, usedBy, required, prefill } : { def, usedBy, required };
}

export function buildItemForm(catalog: Catalog, item: ServiceItem): MergedForm {
  const groups = new Map<string, FormField[]>();
  for (const fid of item.formFieldIds) {
    const def = catalog.field(fid);
    if (!def) continue; // validated at import; a missing field cannot appear here
    const list = groups.get(groupOf(fid)) ?? [];
    list.push(withPrefill(def, [item.id], def.required === true, prefillFromField(def)));
    groups.set(groupOf(fid), list);
  }
  const sections = [...groups].map(([group, fields]) => ({
    id: `${item.id}-S-${group}`,
    title: titleOf(group, fields[0]?.def),
    shared: false,
    appliesTo: [item.id],
    fields,
  }));
  const fieldMap = Object.fromEntries(item.formFieldIds.map((f) => [f, { field: f }]));
  return {
    kind: 'item',
    id: item.id,
    title: `${item.name}申请表`,
    sections,
    members: [{ item: item.id, name: item.name, required: true, fieldMap, produced: {} }],
  };
}

/** Members a member depends on, directly or through other members. */
export function dependencyClosure(bundle: Bundle, memberId: string): Set<string> {
  const byId = new Map(bundle.members.map((m) => [m.item, m]));
  const seen = new Set<string>();
  const stack = [...(byId.get(memberId)?.dependsOn ?? [])];
  while (stack.length > 0) {
    const id = stack.pop();
    if (id === undefined || seen.has(id)) continue;
    seen.add(id);
    stack.push(...(byId.get(id)?.dependsOn ?? []));
  }
  return seen;
}

export function buildBundleForm(catalog: Catalog, bundle: Bundle): MergedForm {
  const fields = new Map<string, Accumulated>();
  let order = 0;
  const use = (fid: string, user: string, required: boolean) => {
    const def = catalog.field(fid);
    if (!def) return;
    const acc = fields.get(fid) ?? { def, usedBy: [], required: false, order: order++ };
    if (!acc.usedBy.includes(user)) acc.usedBy.push(user);
    acc.required ||= required;
    fields.set(fid, acc);
  };

  const members: MemberBinding[] = [];
  for (const member of bundle.members) {
    const item = catalog.item(member.item);
    if (!item) continue;
    const producers = new Map<string, string>();
    for (const dep of dependencyClosure(bundle, member.item)) {
      for (const f of catalog.item(dep)?.produces?.fields ?? []) producers.set(f, dep);
    }
    const fieldMap: Record<string, { field: string; transform?: 'datePart' }> = {};
    const produced: Record<string, string> = {};
    for (const fid of item.formFieldIds) {
      const mapped = member.fieldMap?.[fid];
      const target = mapped === undefined ? { field: fid } : typeof mapped === 'string' ? { field: mapped } : mapped;
      const producer = producers.get(target.field);
      if (producer !== undefined) {
        produced[fid] = producer;
        continue;
      }
      fieldMap[fid] = target;
      use(target.field, member.item, catalog.field(fid)?.required === true);
    }
    members.push({
      item: member.item,
      name: member.name,
      required: member.required,
      ...(member.includeIf ? { includeIf: member.includeIf } : {}),
      fieldMap,
      produced,
    });
  }
  // The bundle's own questions: situations and the answers that include optional members.
  const bundleQuestions = [
    ...bundle.members.flatMap((m) => (m.includeIf && 'field' in m.includeIf ? [m.includeIf.field] : [])),
    ...bundle.situations.map((s) => s.field),
  ];
  for (const fid of bundleQuestions) if (!fields.has(fid)) use(fid, BUNDLE_USER, true);

  const prefill = new Map((bundle.prefill ?? []).map((p) => [p.field, { cardHolder: p.cardHolder, cardField: p.cardField }]));
  const memberName = new Map(bundle.members.map((m) => [m.item, m.name]));
  const memberOrder = new Map(bundle.members.map((m, i) => [m.item, i]));

  const groups = new Map<string, Accumulated[]>();
  for (const [fid, acc] of [...fields].sort((a, b) => a[1].order - b[1].order)) {
    const list = groups.get(groupOf(fid)) ?? [];
    list.push(acc);
    groups.set(groupOf(fid), list);
  }
  const shared: FormSection[] = [];
  let situation: FormSection | undefined;
  const single: { section: FormSection; member: number }[] = [];
  for (const [group, accs] of groups) {
    const users = [...new Set(accs.flatMap((a) => a.usedBy))];
    const formFields = accs.map((a) =>
      withPrefill(a.def, a.usedBy, a.required, prefill.get(a.def.id) ?? (bundle.prefill ? undefined : prefillFromField(a.def))),
    );
    const id = `${bundle.id}-S-${group}`;
    const base = titleOf(group, accs[0]?.def);
    if (group === 'bundle') situation = { id, title: base, shared: true, appliesTo: users, fields: formFields };
    else if (users.length > 1) shared.push({ id, title: base, shared: true, appliesTo: users, fields: formFields });
    else {
      const user = users[0] ?? BUNDLE_USER;
      const title = memberName.has(user) ? `${base}（${memberName.get(user) ?? ''}）` : base;
      single.push({ section: { id, title, shared: false, appliesTo: users, fields: formFields }, member: memberOrder.get(user) ?? -1 });
    }
  }
  single.sort((a, b) => a.member - b.member);
  return {
    kind: 'bundle',
    id: bundle.id,
    title: bundle.form?.title ?? `${bundle.name}联办申请表`,
    sections: [...shared, ...(situation ? [situation] : []), ...single.map((s) => s.section)],
    members,
  };
}

/** Values for one member's own application, taken from the merged form's values. */
export function valuesForMember(
  form: MergedForm,
  memberId: string,
  values: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const binding = form.members.find((m) => m.item === memberId);
  if (!binding) return {};
  const out: Record<string, unknown> = {};
  for (const [itemField, target] of Object.entries(binding.fieldMap)) {
    const v = values[target.field];
    if (v === undefined) continue;
    out[itemField] = target.transform === 'datePart' && typeof v === 'string' ? v.slice(0, 10) : v;
  }
  return out;
}

export function formFields(form: MergedForm): FormField[] {
  return form.sections.flatMap((s) => s.fields);
}
