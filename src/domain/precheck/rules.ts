// Checkable acceptance conditions written as `rule` on a field (domain.md §3.3). The shapes used by the
// catalogue are implemented; any other rule answers 'unknown' and is left to the window (never guessed).
import type { FormValues } from '../catalog/conditions';

export type RuleOutcome = 'pass' | 'fail' | 'unknown';

const AGE = /^age\(([\w.]+)\)\s*(>=|<=|>|<)\s*(\d+)$/;
const MONTHS_BEFORE = /^monthsBefore\(today\)\s*>=\s*(\d+)$/;
const ONE_OF = /^oneOf\(([\w.]+),\s*([\w.]+)\)$/;
const ENROL = /^([\w.]+)\s*<=\s*date\(enrolYear-(\d+),\s*(\d{2}),\s*(\d{2})\)$/;

function text(v: FormValues[string]): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : typeof v === 'number' ? String(v) : undefined;
}

function ymd(iso: string): [number, number, number] | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

export function ageOn(birth: string, today: string): number | undefined {
  const b = ymd(birth);
  const t = ymd(today);
  if (!b || !t) return undefined;
  return t[0] - b[0] - (t[1] < b[1] || (t[1] === b[1] && t[2] < b[2]) ? 1 : 0);
}

function monthsBetween(from: string, to: string): number | undefined {
  const a = ymd(from);
  const b = ymd(to);
  if (!a || !b) return undefined;
  return (b[0] - a[0]) * 12 + (b[1] - a[1]) - (b[2] < a[2] ? 1 : 0);
}

function compare(a: number, op: string, b: number): boolean {
  return op === '>=' ? a >= b : op === '<=' ? a <= b : op === '>' ? a > b : a < b;
}

/** Evaluates `rule` of field `fieldId`; `today` is the hall's ISO date (also the enrolment year's source). */
export function evaluateRule(rule: string, fieldId: string, values: FormValues, today: string): RuleOutcome {
  const r = rule.trim();
  const own = text(values[fieldId]);
  let m = AGE.exec(r);
  if (m) {
    const birth = text(values[m[1] ?? '']);
    const age = birth === undefined ? undefined : ageOn(birth, today);
    if (age === undefined) return 'unknown';
    return compare(age, m[2] ?? '>=', Number(m[3])) ? 'pass' : 'fail';
  }
  m = MONTHS_BEFORE.exec(r);
  if (m) {
    const months = own === undefined ? undefined : monthsBetween(own, today);
    if (months === undefined) return 'unknown';
    return months >= Number(m[1]) ? 'pass' : 'fail';
  }
  m = ONE_OF.exec(r);
  if (m) {
    const a = text(values[m[1] ?? '']);
    const b = text(values[m[2] ?? '']);
    if (own === undefined || (a === undefined && b === undefined)) return 'unknown';
    return own === a || own === b ? 'pass' : 'fail';
  }
  m = ENROL.exec(r);
  if (m) {
    const birth = text(values[m[1] ?? '']);
    const year = ymd(today)?.[0];
    if (birth === undefined || year === undefined) return 'unknown';
    const limit = `${year - Number(m[2])}-${m[3]}-${m[4]}`;
    return birth.slice(0, 10) <= limit ? 'pass' : 'fail';
  }
  return 'unknown';
}
