// Pre-check (预审): every problem of a form and its captured materials at once — the content of a
// one-time notice (一次性告知书). Pure: the caller passes today's date and what was captured.
import type { IssueKind } from '../../contract/error-reasons';
import type { Catalog } from '../catalog/catalog';
import { evaluateCondition } from '../catalog/conditions';
import type { FormValues } from '../catalog/conditions';
import type { FieldDef } from '../catalog/schema';
import type { MaterialRequirement } from '../forms/materials';
import { BUNDLE_USER, formFields } from '../forms/merged-form';
import type { MergedForm } from '../forms/merged-form';
import { checkFieldValue, isBlank } from './field-check';
import { evaluateRule } from './rules';

/** Trust level of a provided material (国办函〔2016〕108号): kiosk captures are C. */
export type TrustLevel = 'A' | 'B' | 'C' | 'D';

export interface CapturedMaterial {
  readonly key: string;
  readonly pages: number;
  readonly trust: TrustLevel;
}

/**
 * One problem: its kind, the field or material, the issue `reason` and `params` the screens word in the
 * person's language, and `message`, the Chinese sentence of the printed one-time notice (一次性告知书).
 */
export type PrecheckProblem =
  | { kind: 'missing-field'; field: string; reason: 'required'; params?: undefined; message: string; blocking: true }
  | ({ kind: 'invalid-value'; field: string; message: string; blocking: true } & IssueKind)
  | { kind: 'rule-failed'; field: string; rule: string; reason: 'ruleFailed'; params: { condition: string }; message: string; blocking: true }
  | { kind: 'missing-material'; material: string; reason: 'materialMissing' | 'materialPromiseOrCapture'; params?: undefined; message: string; blocking: true }
  | { kind: 'too-few-pages'; material: string; reason: 'materialTooFewPages'; params: { needed: number; got: number }; message: string; blocking: true; needed: number; got: number }
  | { kind: 'promise-needed'; material: string; reason: 'materialPromise'; params: { days: number }; message: string; blocking: false; promiseWorkdays: number }
  | { kind: 'original-check'; material: string; reason: 'materialOriginal'; params?: undefined; message: string; blocking: false };

export interface PrecheckResult {
  readonly ok: boolean;
  readonly includedMembers: readonly string[];
  readonly problems: readonly PrecheckProblem[];
}

/** Pages a capture needs at least; both sides of cards, home page plus person page of a household register. */
const MIN_PAGES: Readonly<Record<string, number>> = { 'SM-ID-CARD': 2, 'SM-HUKOU': 2 };

export function minPages(sharedMaterialId: string): number {
  return MIN_PAGES[sharedMaterialId] ?? 1;
}

function optionsOf(catalog: Catalog, def: FieldDef): string[] | undefined {
  if (def.options && def.options.length > 0) return def.options.map((o) => o.value);
  const list = def.optionsRef ? catalog.file.codeLists[def.optionsRef] : undefined;
  return list ? Object.keys(list).filter((k) => !k.startsWith('_')) : undefined;
}

export function includedMembers(form: MergedForm, values: FormValues, today: string): string[] {
  return form.members.filter((m) => m.required || (m.includeIf !== undefined && evaluateCondition(m.includeIf, values, today) === true)).map((m) => m.item);
}

export function precheck(
  catalog: Catalog,
  form: MergedForm,
  materials: readonly MaterialRequirement[],
  values: FormValues,
  captured: readonly CapturedMaterial[],
  today: string,
): PrecheckResult {
  const included = new Set(includedMembers(form, values, today));
  const applies = (users: readonly string[]) => users.some((u) => u === BUNDLE_USER || included.has(u));
  const problems: PrecheckProblem[] = [];

  for (const field of formFields(form)) {
    if (!applies(field.usedBy)) continue;
    const def = field.def;
    if (def.rule !== undefined && evaluateRule(def.rule, def.id, values, today) === 'fail') {
      const condition = def.help ?? def.label;
      problems.push({ kind: 'rule-failed', field: def.id, rule: def.rule, reason: 'ruleFailed', params: { condition }, message: `不符合办理条件：${condition}`, blocking: true });
    }
    if (def.type === 'computed') continue;
    const value = values[def.id];
    if (isBlank(value)) {
      const required = field.required || (def.requiredIf !== undefined && evaluateCondition(def.requiredIf, values, today) === true);
      if (required) problems.push({ kind: 'missing-field', field: def.id, reason: 'required', message: `请填写${def.label}`, blocking: true });
      continue;
    }
    const found = checkFieldValue(def, value, values, today, optionsOf(catalog, def));
    if (found) problems.push({ kind: 'invalid-value', field: def.id, blocking: true, ...found });
  }

  const byKey = new Map(captured.map((c) => [c.key, c]));
  for (const m of materials) {
    const users = m.usedBy.filter((u) => included.has(u));
    if (users.length === 0 || m.paperless) continue;
    const needed =
      m.necessity !== 'conditional' ||
      m.conditions.some((c) => included.has(c.item) && evaluateCondition(c.condition, values, today) === true);
    if (!needed) continue;
    const got = byKey.get(m.key);
    const name = m.name;
    if (!got || got.pages <= 0) {
      if (m.necessity === 'tolerant' && m.tolerance) {
        problems.push({
          kind: 'promise-needed',
          material: m.key,
          reason: 'materialPromise',
          params: { days: m.tolerance.promiseWorkdays },
          message: `${name}：可容缺受理，须书面承诺 ${m.tolerance.promiseWorkdays} 个工作日内补交`,
          blocking: false,
          promiseWorkdays: m.tolerance.promiseWorkdays,
        });
      } else {
        problems.push({ kind: 'missing-material', material: m.key, reason: 'materialMissing', message: `缺少材料：${name}`, blocking: true });
      }
      continue;
    }
    const need = minPages(m.sharedMaterialId);
    if (got.pages < need) {
      problems.push({
        kind: 'too-few-pages',
        material: m.key,
        reason: 'materialTooFewPages',
        params: { needed: need, got: got.pages },
        message: `${name}：至少需要 ${need} 页，只拍摄了 ${got.pages} 页`,
        blocking: true,
        needed: need,
        got: got.pages,
      });
    } else if (got.trust === 'C' && m.copies.original > 0) {
      problems.push({ kind: 'original-check', material: m.key, reason: 'materialOriginal', message: `${name}：自助拍摄件须到窗口核验原件`, blocking: false });
    }
  }
  return { ok: problems.every((p) => !p.blocking), includedMembers: [...included], problems };
}
