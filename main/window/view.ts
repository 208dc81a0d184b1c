// What the window screen shows, built from the platform's answer and the local catalogue: item and
// department names, the time-limit state (holiday calendar), the actions the state allows, the merged form
// with personal fields masked until revealed, the material checklist with the captured pages, the pre-check
// and the history.
import { maskAddress, maskIdNumber, maskName, maskPersonalDataInText, maskPhone } from '../../src/kernel/mask';
import { ORIGINALS_CHECKED } from '../../src/contract';
import type { WindowActionName, WindowApplicationView, WindowQueueEntry } from '../../src/contract';
import { applicationDeadline } from '../../src/domain/application/time-limit';
import type { Deadline } from '../../src/domain/application/time-limit';
import { availableActions } from '../../src/domain/application/window-actions';
import type { FormValue, FormValues } from '../../src/domain/catalog/conditions';
import type { FieldDef, TimeLimit } from '../../src/domain/catalog/schema';
import { minPages, precheck } from '../../src/domain/precheck/precheck';
import type { RevealResponse, WindowApplicationDetail, WindowApplicationSummary } from '../../src/wire/staff-protocol';
import type { CatalogService } from '../catalog';

/** The hall's calendar day of an instant (China Standard Time; halls keep local dates). */
export const HALL_TIME_ZONE = 'Asia/Shanghai';
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: HALL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

export function hallDate(at: string | Date): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  return Number.isNaN(date.getTime()) ? '1970-01-01' : dayFormat.format(date);
}

interface Subject {
  name: string;
  departmentName: string;
  promisedLimit: TimeLimit | null;
  kind: 'item' | 'bundle' | null;
}

function subjectOf(catalog: CatalogService | null, itemCode: string, department: string): Subject {
  const item = catalog?.catalog.item(itemCode);
  const bundle = item ? undefined : catalog?.catalog.bundle(itemCode);
  const departmentName = catalog?.catalog.department(department)?.name ?? department;
  if (item) return { name: item.name, departmentName, promisedLimit: item.promisedLimit, kind: 'item' };
  if (bundle) return { name: bundle.name, departmentName, promisedLimit: bundle.promisedLimit, kind: 'bundle' };
  return { name: itemCode, departmentName, promisedLimit: null, kind: null };
}

export function deadlineOf(catalog: CatalogService | null, s: WindowApplicationSummary, today: string): Deadline {
  const none: Deadline = { clock: 'none', due: null, provisional: false, state: null, workingDaysLeft: null };
  if (!catalog) return none;
  return applicationDeadline(
    catalog.calendar,
    {
      status: s.status,
      submittedOn: hallDate(s.submittedAt),
      events: s.events.map((e) => ({ status: e.status, on: hallDate(e.at) })),
      promisedLimit: subjectOf(catalog, s.itemCode, s.department).promisedLimit,
      specialProcedures: s.specialProcedures.map((p) => ({
        startedOn: hallDate(p.startedAt),
        limit: p.limit,
        countedInLimit: p.countedInLimit,
        ...(p.endedAt ? { endedOn: hallDate(p.endedAt) } : {}),
      })),
    },
    today,
  );
}

export function queueEntry(catalog: CatalogService | null, s: WindowApplicationSummary, today: string, pending: boolean): WindowQueueEntry {
  const subject = subjectOf(catalog, s.itemCode, s.department);
  return {
    applicationId: s.applicationId,
    trackingNumber: s.trackingNumber,
    itemCode: s.itemCode,
    itemName: subject.name,
    department: s.department,
    departmentName: subject.departmentName,
    status: s.status,
    submittedAt: s.submittedAt,
    applicantName: s.applicantName,
    applicantIdNumber: s.applicantIdNumber,
    complete: s.complete,
    deadline: deadlineOf(catalog, s, today),
    actions: pending ? [] : (availableActions(s.status) as WindowActionName[]),
    pending,
  };
}

function asFormValue(value: unknown): FormValue {
  if (value === null || value === undefined) return value;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return JSON.stringify(value);
}

function display(catalog: CatalogService | null, def: FieldDef | undefined, value: FormValue): string {
  if (value === null || value === undefined) return '';
  const one = (v: string | number | boolean) =>
    def?.options?.find((o) => o.value === String(v))?.label ??
    (def?.optionsRef ? catalog?.catalog.codeLabel(def.optionsRef, String(v)) : undefined) ??
    (typeof v === 'boolean' ? (v ? '是' : '否') : String(v));
  return Array.isArray(value) ? value.map(one).join('、') : one(value as string | number | boolean);
}

/** Masks a personal field's value by what kind of value it is. */
function maskValue(def: FieldDef | undefined, text: string): string {
  if (text === '') return text;
  if (def?.type === 'idNumber') return maskIdNumber(text);
  if (def?.type === 'mobile') return maskPhone(text);
  if (def?.type === 'date') return text.replace(/\d/g, '*');
  if (/name/i.test(def?.id ?? '') || text.length <= 4) return maskName(text);
  return maskAddress(text);
}

export function applicationView(
  catalog: CatalogService | null,
  detail: WindowApplicationDetail,
  today: string,
  options: { pending: boolean; revealed: RevealResponse | null; stale: boolean },
): WindowApplicationView {
  const entry = queueEntry(catalog, detail, today, options.pending);
  const subject = subjectOf(catalog, detail.itemCode, detail.department);
  const built = subject.kind && catalog ? catalog.formOf(subject.kind, detail.itemCode) : undefined;
  const { [ORIGINALS_CHECKED]: checkedRaw, ...formValues } = detail.form;
  const values: FormValues = Object.fromEntries(Object.entries(formValues).map(([k, v]) => [k, asFormValue(v)]));
  // Walk-in intake: the materials whose originals staff checked on paper at the window (no pages to show).
  const checked = new Set(Array.isArray(checkedRaw) ? checkedRaw.filter((k): k is string => typeof k === 'string') : []);
  const revealed = options.revealed !== null;
  const field = (id: string, def: FieldDef | undefined) => {
    const personal = def?.personal === true || def?.type === 'idNumber' || def?.type === 'mobile';
    const text = display(catalog, def, values[id]);
    const masked = personal && !revealed && text !== '';
    return { fieldId: id, label: def?.label ?? id, value: masked ? maskValue(def, text) : text, personal, masked };
  };

  const shown = new Set<string>();
  const form = (built?.form.sections ?? []).map((section) => ({
    title: section.title,
    fields: section.fields.filter((f) => values[f.def.id] !== undefined).map((f) => (shown.add(f.def.id), field(f.def.id, f.def))),
  }));
  const others = Object.keys(values).filter((k) => !shown.has(k));
  if (others.length > 0) {
    form.push({
      title: '其他',
      fields: others.map((k) => {
        const def = catalog?.catalog.field(k);
        if (def) return field(k, def);
        const text = display(catalog, undefined, values[k]);
        return { fieldId: k, label: k, value: revealed ? text : maskPersonalDataInText(text), personal: false, masked: !revealed && maskPersonalDataInText(text) !== text };
      }),
    });
  }

  const requirements = built?.materials ?? [];
  const pagesOf = (keys: readonly string[]) => detail.blobs.filter((b) => keys.includes(b.material)).map(({ sha256, mediaType, size, complete }) => ({ sha256, mediaType, size, complete }));
  const materials: WindowApplicationView['materials'] = requirements.map((m) => ({
    key: m.key,
    name: m.name,
    necessity: m.necessity as string,
    pages: pagesOf([m.key, m.sharedMaterialId, ...m.memberMaterialIds]),
    ...(checked.has(m.key) ? { checkedOriginal: true } : {}),
  }));
  const matched = new Set(materials.flatMap((m) => m.pages.map((p) => p.sha256)));
  for (const b of detail.blobs) {
    if (!matched.has(b.sha256)) materials.push({ key: b.material, name: b.material, necessity: 'submitted', pages: pagesOf([b.material]) });
  }

  let check: WindowApplicationView['precheck'] = { ok: true, problems: [] };
  if (built && catalog) {
    const captured = [
      ...requirements.filter((m) => checked.has(m.key)).map((m) => ({ key: m.key, pages: minPages(m.sharedMaterialId), trust: 'A' as const })),
      ...materials.filter((m) => m.pages.length > 0 && !checked.has(m.key)).map((m) => ({ key: m.key, pages: Math.max(1, m.pages.length), trust: 'C' as const })),
    ];
    const result = precheck(catalog.catalog, built.form, requirements, values, captured, today);
    check = {
      ok: result.ok,
      problems: result.problems.map((p) => {
        const subjectId = 'field' in p ? p.field : p.material;
        const label = 'field' in p ? (catalog.catalog.field(p.field)?.label ?? p.field) : (requirements.find((r) => r.key === p.material)?.name ?? p.material);
        const reason = { reason: p.reason, ...(p.params ? { params: { ...p.params } } : {}) };
        return { kind: p.kind, subject: label || subjectId, ...reason, message: p.message, blocking: p.blocking, ...(p.kind === 'too-few-pages' ? { needed: p.needed, got: p.got } : {}) };
      }),
    };
  }

  const item = catalog?.catalog.item(detail.itemCode);
  return {
    ...entry,
    applicantName: options.revealed?.applicantName ?? detail.applicantName,
    applicantIdNumber: options.revealed?.applicantIdNumber ?? detail.applicantIdNumber,
    applicantPhone: options.revealed?.applicantPhone ?? null,
    revealed,
    form,
    materials,
    precheck: check,
    history: detail.events.map((e) => ({ status: e.status, at: e.at, note: e.note, by: e.source })),
    specialOptions: (item?.specialProcedures ?? []).map(({ kind, name, description, maxDays, unit, countedInLimit }) => ({ kind, name, description, maxDays, unit, countedInLimit })),
    specialProcedures: detail.specialProcedures.map((p) => ({ name: p.name, startedAt: p.startedAt, endedAt: p.endedAt, limit: `${p.limit.value}${p.limit.unit === 'workday' ? '个工作日' : '日'}` })),
    agents: detail.agents.map(({ name, idNumber }) => ({ name, idNumber })),
    delivery: detail.delivery ? { method: detail.delivery.method, collector: detail.delivery.collector, mailTracking: detail.delivery.mailTracking, at: detail.delivery.at } : null,
    stale: options.stale,
  };
}
