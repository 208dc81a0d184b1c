// Pure helpers for the merged form on screen: which sections are pages, which fields a page shows, which
// are locked by a card, how a value is displayed (masked off the identify and review pages) and which
// on-screen keyboard a field needs. No DOM, no contract calls.
import { EDITABLE_CARD_FIELDS, cardFieldValue } from '../../src/contract';
import { maskAddress, maskIdNumber, maskName } from '../../src/kernel/mask';
import type { CardDetails, FormValueWire, MergedFormWire, WireCondition, WireFormField } from '../../src/contract';
import type { KeyboardLayout } from '../ui/keyboard/keys';

export type Section = MergedFormWire['sections'][number];
export type Values = Readonly<Record<string, FormValueWire | undefined>>;
export type Cards = Readonly<Record<string, CardDetails>>;

/** Marks a section asked by the bundle itself (domain BUNDLE_USER). */
const BUNDLE_USER = '(bundle)';

function text(value: FormValueWire | undefined): string | undefined {
  if (value === undefined || value === null || Array.isArray(value)) return undefined;
  return typeof value === 'boolean' ? (value ? '1' : '0') : value;
}

/** true / false, or null when the condition cannot be decided here (expressions are decided by the terminal). */
export function conditionHolds(condition: WireCondition, values: Values): boolean | null {
  if ('equals' in condition) {
    const v = values[condition.field];
    if (Array.isArray(v)) return v.includes(condition.equals);
    const t = text(v);
    return t === undefined ? false : t === condition.equals;
  }
  if ('in' in condition) {
    const t = text(values[condition.field]);
    return t === undefined ? false : condition.in.includes(t);
  }
  if ('all' in condition) {
    const parts = condition.all.map((c) => conditionHolds(c, values));
    return parts.includes(false) ? false : parts.includes(null) ? null : true;
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => conditionHolds(c, values));
    return parts.includes(true) ? true : parts.includes(null) ? null : false;
  }
  return null;
}

/** A field shows when it is asked at all: never computed ones; an optional one only when its condition may hold. */
export function fieldShown(field: WireFormField, values: Values): boolean {
  if (field.type === 'computed') return false;
  if (field.required || !field.requiredIf) return true;
  return conditionHolds(field.requiredIf, values) !== false;
}

/** Sections that are pages: those of the included members (all, until the terminal said which are included). */
export function formPages(form: MergedFormWire, included: readonly string[] | null, values: Values): Section[] {
  return form.sections.filter(
    (s) => (included === null || s.appliesTo.some((m) => m === BUNDLE_USER || included.includes(m))) && s.fields.some((f) => fieldShown(f, values)),
  );
}

/** Page index of a field (for "change" links and the error summary of the pre-check); -1 when not on a page. */
export function pageOfField(pages: readonly Section[], fieldId: string): number {
  return pages.findIndex((s) => s.fields.some((f) => f.id === fieldId));
}

/** Card holders of a form in order, the applicant first (the same rule as the privileged side). */
export function formHolders(form: MergedFormWire): string[] {
  const holders: string[] = [];
  for (const s of form.sections) for (const f of s.fields) if (f.prefill && !holders.includes(f.prefill.cardHolder)) holders.push(f.prefill.cardHolder);
  const at = holders.indexOf('applicant');
  if (at > 0) holders.unshift(...holders.splice(at, 1));
  return holders;
}

/** The card value behind a pre-filled field, when that holder's card was read. */
export function cardValue(field: WireFormField, cards: Cards): string | undefined {
  const details = field.prefill ? cards[field.prefill.cardHolder] : undefined;
  return details && field.prefill ? cardFieldValue(details, field.prefill.cardField) : undefined;
}

/** Read-only: filled from a card and not one of the fields a citizen may change. */
export function fieldLocked(field: WireFormField, cards: Cards): boolean {
  return cardValue(field, cards) !== undefined && !EDITABLE_CARD_FIELDS.includes(field.prefill?.cardField ?? '');
}

/** Values a card fills in for its holder's fields. */
export function prefillFrom(form: MergedFormWire, details: CardDetails): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of form.sections) {
    for (const f of s.fields) {
      if (f.prefill?.cardHolder !== details.holder) continue;
      const v = cardFieldValue(details, f.prefill.cardField);
      if (v !== undefined) out[f.id] = v;
    }
  }
  return out;
}

/** What a value looks like on screen; personal values are masked unless the page may show them in full. */
export function displayValue(field: WireFormField, value: FormValueWire | undefined, full: boolean): string {
  if (value === undefined || value === null || value === '') return '';
  if (Array.isArray(value)) return value.map((v) => field.options?.find((o) => o.value === v)?.label ?? v).join('、');
  const raw = typeof value === 'boolean' ? (value ? '✓' : '') : value;
  const label = field.options?.find((o) => o.value === raw)?.label;
  if (label !== undefined) return label;
  if (full || !field.personal) return raw;
  if (field.type === 'idNumber') return maskIdNumber(raw);
  if (field.type === 'mobile') return raw.length >= 7 ? `${raw.slice(0, 3)}****${raw.slice(-4)}` : '*'.repeat(raw.length);
  if (/name/i.test(field.id)) return maskName(raw);
  return maskAddress(raw);
}

export type Input = { kind: 'choice'; multiple: boolean } | { kind: 'keys'; layout: KeyboardLayout; maxLength: number; format?: 'date' } | { kind: 'consent' } | { kind: 'none' };

/** How a field is answered: big buttons for choices, the narrowest keyboard for anything typed. */
export function inputFor(field: WireFormField): Input {
  switch (field.type) {
    case 'select':
    case 'radio':
      return { kind: 'choice', multiple: false };
    case 'checkbox':
      return { kind: 'choice', multiple: true };
    case 'consent':
      return { kind: 'consent' };
    case 'computed':
      return { kind: 'none' };
    case 'idNumber':
      return { kind: 'keys', layout: 'idNumber', maxLength: 18 };
    case 'mobile':
      return { kind: 'keys', layout: 'digits', maxLength: 11 };
    case 'number':
      return { kind: 'keys', layout: 'digits', maxLength: 12 };
    case 'date':
      return { kind: 'keys', layout: 'digits', maxLength: 8, format: 'date' };
    case 'datetime':
      return { kind: 'keys', layout: 'digits', maxLength: 12, format: 'date' };
    default: {
      const digitsOnly = field.pattern !== undefined && /^\^\\d\{\d+(,\d+)?\}\$$/.test(field.pattern);
      return { kind: 'keys', layout: digitsOnly ? 'digits' : 'letters', maxLength: field.maxLength ?? (digitsOnly ? 30 : 100) };
    }
  }
}

/** Digits typed on the pad ↔ the ISO date the form stores: 19900307 ↔ 1990-03-07 (2026-11-23T09:30 for datetimes). */
export function digitsToDate(digits: string): string {
  const d = digits.replace(/\D/g, '');
  const parts = [d.slice(0, 4), d.slice(4, 6), d.slice(6, 8)].filter((p) => p.length > 0);
  const date = parts.join('-');
  return d.length > 8 ? `${date}T${d.slice(8, 10)}:${d.slice(10, 12)}` : date;
}

export function dateToDigits(value: string): string {
  return value.replace(/\D/g, '');
}
