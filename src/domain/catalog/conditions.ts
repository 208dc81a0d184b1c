// Evaluates catalogue conditions (material conditions, requiredIf, bundle includeIf) against form values.
// `{expr}` conditions are documented rules; the few shapes the sample uses are implemented, anything else
// answers 'unknown' so the caller shows the material or question instead of guessing.
import type { Condition } from './schema';

export type FormValue = string | number | boolean | readonly string[] | null | undefined;
export type FormValues = Readonly<Record<string, FormValue>>;
export type Truth = true | false | 'unknown';

function asText(value: FormValue): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (Array.isArray(value)) return undefined;
  return String(value);
}

function matches(value: FormValue, wanted: string): boolean {
  if (Array.isArray(value)) return value.includes(wanted);
  return asText(value) === wanted;
}

const COMPARE = /^\s*([\w.]+)\s*(==|!=)\s*([\w.]+)\s*$/;
const AGE = /^\s*age\(([\w.]+)\)\s*(>=|<)\s*(\d+)\s*$/;

function ageOn(birth: string, today: string): number | undefined {
  const b = /^(\d{4})-(\d{2})-(\d{2})/.exec(birth);
  const t = /^(\d{4})-(\d{2})-(\d{2})/.exec(today);
  if (!b || !t) return undefined;
  let age = Number(t[1]) - Number(b[1]);
  if (`${t[2]}-${t[3]}` < `${b[2]}-${b[3]}`) age -= 1;
  return age;
}

function evaluateExpr(expr: string, values: FormValues, today: string): Truth {
  const cmp = COMPARE.exec(expr);
  if (cmp) {
    const [, left = '', op, right = ''] = cmp;
    const a = asText(values[left]);
    const b = asText(values[right]);
    if (a === undefined || b === undefined) return 'unknown';
    return op === '==' ? a === b : a !== b;
  }
  const age = AGE.exec(expr);
  if (age) {
    const [, field = '', op, limit = '0'] = age;
    // `age(applicant)` names a person; their birth date field is <person>.birthDate.
    const birth = asText(values[field.includes('.') ? field : `${field}.birthDate`]);
    const years = birth === undefined ? undefined : ageOn(birth, today);
    if (years === undefined) return 'unknown';
    return op === '>=' ? years >= Number(limit) : years < Number(limit);
  }
  return 'unknown';
}

/** `today` is an ISO date (YYYY-MM-DD); the domain never reads the clock itself. */
export function evaluateCondition(condition: Condition, values: FormValues, today: string): Truth {
  if ('equals' in condition) {
    if (asText(values[condition.field]) === undefined && !Array.isArray(values[condition.field])) return 'unknown';
    return matches(values[condition.field], condition.equals);
  }
  if ('in' in condition) {
    if (asText(values[condition.field]) === undefined && !Array.isArray(values[condition.field])) return 'unknown';
    return condition.in.some((wanted) => matches(values[condition.field], wanted));
  }
  if ('all' in condition) {
    const parts = condition.all.map((c) => evaluateCondition(c, values, today));
    if (parts.includes(false)) return false;
    return parts.every((p) => p === true) ? true : 'unknown';
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => evaluateCondition(c, values, today));
    if (parts.includes(true)) return true;
    return parts.every((p) => p === false) ? false : 'unknown';
  }
  return evaluateExpr(condition.expr, values, today);
}

/** Field ids a condition reads (for `{expr}` the dotted identifiers in the expression). */
export function conditionFields(condition: Condition): string[] {
  if ('field' in condition) return [condition.field];
  if ('all' in condition) return condition.all.flatMap(conditionFields);
  if ('any' in condition) return condition.any.flatMap(conditionFields);
  return [];
}
