import { checkCardNumber } from '../../../src/kernel/id-number';
import type { IdCard } from '../../../src/contract';
import type { CardNumberKind, CardNumberProblem } from '../../../src/kernel/id-number';
import { genderFromCode, nationFromCode } from './codes';
import { foreign2017Fields, foreign2023Fields, hmtFields, layoutOf, residentFields, TEXT_LENGTH } from './layouts';
import type { Field, Layout } from './layouts';
import { readField, trimPadding } from './ucs2';

export type CardTextResult =
  | { readonly ok: true; readonly card: IdCard; readonly layout: Layout }
  | { readonly ok: false; readonly problem: string };

export interface DecodeOptions {
  readonly hasPhoto: boolean;
  readonly today?: Date;
}

class Malformed extends Error {}

/** YYYYMMDD → YYYY-MM-DD; `长期` → long-term when allowed. Throws Malformed (caught below) otherwise. */
function isoDate(raw: string, what: string, allowLongTerm = false): string {
  if (allowLongTerm && raw === '长期') return 'long-term';
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
  if (m) {
    const [, y, mo, d] = m;
    const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    if (date.getUTCMonth() === Number(mo) - 1 && date.getUTCDate() === Number(d)) return `${y}-${mo}-${d}`;
  }
  throw new Malformed(`the ${what} field is not a date`);
}

/**
 * Decodes the 256-byte text block of any of the four layouts into an IdCard. The number is validated
 * with the rules of its card type and cross-checked against birth date and gender; a failing number is
 * reported (`idNumberValid: false` + `idNumberProblem`), never silently accepted. Problems never quote
 * personal data.
 */
export function decodeCardText(text: Uint8Array, options: DecodeOptions): CardTextResult {
  if (text.length !== TEXT_LENGTH) return { ok: false, problem: `text block is ${text.length} bytes, expected ${TEXT_LENGTH}` };
  const layout = layoutOf(text);
  const get = (field: Field) => readField(text, field.offset, field.bytes);
  /** The fields both foreigner layouts (2017 'I', 2023 'Y') carry, under their own offsets. */
  type ForeignFields = Record<'nameZh' | 'gender' | 'nationality' | 'birth' | 'number' | 'validFrom' | 'validTo', Field>;
  const foreignCard = (fields: ForeignFields, cardVersion: '2017' | '2023', nameEn: string): IdCard => ({
    cardType: 'foreign-permanent',
    cardVersion,
    name: get(fields.nameZh) || nameEn,
    nameEn,
    gender: genderFromCode(get(fields.gender)),
    genderCode: get(fields.gender),
    nationality: get(fields.nationality),
    birthDate: isoDate(get(fields.birth), 'birth date'),
    idNumber: get(fields.number),
    validFrom: isoDate(get(fields.validFrom), 'valid-from'),
    validUntil: isoDate(get(fields.validTo), 'valid-to', true),
    idNumberValid: false,
    hasPhoto: options.hasPhoto,
  });
  try {
    let card: IdCard;
    let kind: CardNumberKind;
    switch (layout) {
      case 'resident':
      case 'hmt': {
        const fields = layout === 'hmt' ? hmtFields : residentFields;
        const nationCode = get(residentFields.nation);
        const nation = layout === 'resident' ? (nationFromCode(nationCode) ?? (nationCode || undefined)) : undefined;
        card = {
          cardType: layout === 'hmt' ? 'hmt-residence' : 'resident',
          name: get(fields.name),
          gender: genderFromCode(get(fields.gender)),
          genderCode: get(fields.gender),
          birthDate: isoDate(get(fields.birth), 'birth date'),
          address: get(fields.address),
          idNumber: get(fields.number),
          issuer: get(fields.issuer),
          validFrom: isoDate(get(fields.validFrom), 'valid-from'),
          validUntil: isoDate(get(fields.validTo), 'valid-to', true),
          idNumberValid: false,
          hasPhoto: options.hasPhoto,
          ...(nation === undefined ? {} : { nation, nationCode }),
        };
        if (layout === 'hmt') {
          const count = get(hmtFields.issueCount);
          card = { ...card, passNumber: get(hmtFields.passNumber), ...(/^\d+$/.test(count) ? { issueCount: Number(count) } : {}) };
        }
        kind = layout === 'hmt' ? 'hmt-residence' : 'resident';
        break;
      }
      case 'foreign-2017': {
        const fields = foreign2017Fields;
        card = foreignCard(fields, '2017', get(fields.nameEn));
        kind = 'foreign-2017';
        break;
      }
      case 'foreign-2023': {
        const fields = foreign2023Fields;
        // The English name runs on from the first part into the second without a separator.
        const nameEn = trimPadding(readRaw(text, fields.nameEn1) + readRaw(text, fields.nameEn2));
        const renewal = get(fields.renewalCount);
        const previous = get(fields.previousNumber);
        card = {
          ...foreignCard(fields, '2023', nameEn),
          ...(/^\d+$/.test(renewal) ? { renewalCount: Number(renewal) } : {}),
          ...(previous ? { previousCardNumber: previous } : {}),
        };
        kind = 'foreign-2023';
        break;
      }
    }
    if (!card.name) return { ok: false, problem: 'the name field is empty' };
    if (!card.idNumber) return { ok: false, problem: 'the number field is empty' };
    return { ok: true, layout, card: withValidation(card, kind, options.today ?? new Date()) };
  } catch (error) {
    if (error instanceof Malformed) return { ok: false, problem: error.message };
    throw error;
  }
}

function readRaw(text: Uint8Array, field: Field): string {
  return new TextDecoder('utf-16le').decode(text.subarray(field.offset, field.offset + field.bytes));
}

/** The developer's words for a number's problem (logs, the technician's card test); screens word `idNumberValid`. */
const PROBLEM_DETAIL: Readonly<Record<CardNumberProblem, string>> = {
  format: 'the number has the wrong format',
  'legacy-15-digit': '15-digit numbers are no longer accepted',
  region: 'unknown region code',
  'birth-date': 'invalid birth date in the number',
  'check-digit': 'check digit does not match',
  'card-type': 'the number does not fit this card type',
};

function withValidation(card: IdCard, kind: CardNumberKind, today: Date): IdCard {
  const check = checkCardNumber(kind, card.idNumber, today);
  if (!check.valid) return { ...card, idNumberValid: false, idNumberProblem: PROBLEM_DETAIL[check.problem] };
  if (check.birthDate !== undefined && check.birthDate !== card.birthDate) {
    return { ...card, idNumberValid: false, idNumberProblem: 'birth date does not match the number' };
  }
  const cardGender = card.gender === 'male' || card.gender === 'female' ? card.gender : undefined;
  if (check.gender !== undefined && cardGender !== undefined && check.gender !== cardGender) {
    return { ...card, idNumberValid: false, idNumberProblem: 'gender does not match the number' };
  }
  return { ...card, idNumberValid: true };
}
