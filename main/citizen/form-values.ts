// The values the privileged side decides with: what the renderer sent, overridden by the cards bound in
// the session for every read-only pre-filled field. The renderer's copy of a card value is never trusted.
import { EDITABLE_CARD_FIELDS, cardFieldValue } from '../../src/contract';
import type { FormValuesWire } from '../../src/contract';
import type { FormValue } from '../../src/domain/catalog/conditions';
import { formFields } from '../../src/domain/forms/merged-form';
import type { MergedForm } from '../../src/domain/forms/merged-form';
import type { CitizenSession } from './session';

/** Card holders of a form in order of first use, the applicant (when present) first. */
export function formHolders(form: MergedForm): string[] {
  const holders: string[] = [];
  for (const field of formFields(form)) {
    const holder = field.prefill?.cardHolder;
    if (holder !== undefined && !holders.includes(holder)) holders.push(holder);
  }
  const at = holders.indexOf('applicant');
  if (at > 0) holders.unshift(...holders.splice(at, 1));
  return holders;
}

function blank(value: FormValue): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Only fields of the form survive; card values replace the renderer's for every locked pre-filled field. */
export function mergeValues(form: MergedForm, input: FormValuesWire, session: CitizenSession): Record<string, FormValue> {
  const values: Record<string, FormValue> = {};
  for (const field of formFields(form)) {
    const id = field.def.id;
    const given = Object.prototype.hasOwnProperty.call(input, id) ? input[id] : undefined;
    if (given !== undefined) values[id] = given;
    const prefill = field.prefill;
    if (!prefill) continue;
    const details = session.holder(prefill.cardHolder);
    if (!details) continue;
    const fromCard = cardFieldValue(details, prefill.cardField);
    if (fromCard === undefined) continue;
    const editable = EDITABLE_CARD_FIELDS.includes(prefill.cardField);
    if (!editable || blank(given)) values[id] = fromCard;
  }
  return values;
}
