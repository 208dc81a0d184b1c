// GB 11643-1999 citizen identity numbers: 6-digit region, 8-digit birth date, 3-digit sequence, check char.
// Pure and shared: the reader driver flags bad cards with it, forms validate typed numbers with it.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Province-level codes (first two digits) in use, plus 83 (Taiwan residents' permits) and 81/82 (HK/Macao). */
const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62,
  63, 64, 65, 71, 81, 82, 83, 91,
]);

export type IdNumberProblem = 'format' | 'legacy-15-digit' | 'region' | 'birth-date' | 'check-digit';

export type IdNumberCheck =
  | { valid: true; birthDate: string; gender: 'male' | 'female' }
  | { valid: false; problem: IdNumberProblem };

export function checkDigitOf(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Validates an 18-character number. `today` bounds the birth date (no one is born in the future).
 * The answer is a problem code (the screens word it as an issue reason, see idNumberIssue), never text.
 */
export function checkIdNumber(raw: string, today: Date = new Date()): IdNumberCheck {
  const value = raw.trim().toUpperCase();
  if (/^\d{15}$/.test(value)) {
    return { valid: false, problem: 'legacy-15-digit' };
  }
  if (!/^\d{17}[\dX]$/.test(value)) {
    return { valid: false, problem: 'format' };
  }
  if (!PROVINCE_CODES.has(Number(value.slice(0, 2)))) {
    return { valid: false, problem: 'region' };
  }
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = Date.UTC(year, month - 1, day);
  if (year < 1900 || !isRealDate(year, month, day) || birth > today.getTime()) {
    return { valid: false, problem: 'birth-date' };
  }
  if (checkDigitOf(value.slice(0, 17)) !== value[17]) {
    return { valid: false, problem: 'check-digit' };
  }
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  return { valid: true, birthDate, gender: Number(value[16]) % 2 === 1 ? 'male' : 'female' };
}

/** Which number rules apply: they differ by card (spec §6, §8). */
export type CardNumberKind = 'resident' | 'hmt-residence' | 'foreign-2017' | 'foreign-2023';

export type CardNumberProblem = IdNumberProblem | 'card-type';

export type CardNumberCheck =
  | { valid: true; birthDate?: string; gender?: 'male' | 'female' }
  | { valid: false; problem: CardNumberProblem };

const MAINLAND_PROVINCES = new Set([...PROVINCE_CODES].filter((code) => code < 80));
const HMT_PREFIXES = new Set(['810000', '820000', '830000']);

/**
 * Validates the number read from a card against the rules of that card type:
 * - resident card: GB 11643 with a mainland province prefix;
 * - HK/Macao/Taiwan permit: GB 11643 with address code 810000, 820000 or 830000;
 * - 2023 foreigner's card: 18 digits, first digit 9, digits 2–3 the accepting province (assumption: the
 *   published rule names the province, nationality and birth-date positions; only the province, birth date
 *   and MOD 11-2 check are verified here), birth date at digits 7–14, MOD 11-2 check;
 * - 2017 foreigner's card: 3 letters + 12 digits (no public check-digit rule found, format only).
 */
export function checkCardNumber(kind: CardNumberKind, raw: string, today: Date = new Date()): CardNumberCheck {
  const value = raw.trim().toUpperCase();
  if (kind === 'foreign-2017') {
    if (/^[A-Z]{3}\d{12}$/.test(value)) return { valid: true };
    return { valid: false, problem: 'format' };
  }
  if (kind === 'foreign-2023') {
    if (!/^9\d{16}[\dX]$/.test(value)) {
      return { valid: false, problem: 'card-type' };
    }
    if (!MAINLAND_PROVINCES.has(Number(value.slice(1, 3)))) {
      return { valid: false, problem: 'region' };
    }
    return checkBirthAndDigit(value, today);
  }
  const general = checkIdNumber(value, today);
  if (!general.valid) return general;
  if (kind === 'hmt-residence' && !HMT_PREFIXES.has(value.slice(0, 6))) {
    return { valid: false, problem: 'card-type' };
  }
  if (kind === 'resident' && !MAINLAND_PROVINCES.has(Number(value.slice(0, 2)))) {
    return { valid: false, problem: 'card-type' };
  }
  return general;
}

/** A number's problem as the issue reason the screens word. */
export function idNumberIssue(problem: CardNumberProblem): 'idNumberLegacy' | 'idNumberFormat' | 'idNumberRegion' | 'idNumberBirthDate' | 'idNumberCheckDigit' | 'idNumberCardType' {
  switch (problem) {
    case 'legacy-15-digit':
      return 'idNumberLegacy';
    case 'format':
      return 'idNumberFormat';
    case 'region':
      return 'idNumberRegion';
    case 'birth-date':
      return 'idNumberBirthDate';
    case 'check-digit':
      return 'idNumberCheckDigit';
    case 'card-type':
      return 'idNumberCardType';
  }
}

function checkBirthAndDigit(value: string, today: Date): CardNumberCheck {
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (year < 1900 || !isRealDate(year, month, day) || Date.UTC(year, month - 1, day) > today.getTime()) {
    return { valid: false, problem: 'birth-date' };
  }
  if (checkDigitOf(value.slice(0, 17)) !== value[17]) {
    return { valid: false, problem: 'check-digit' };
  }
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  return { valid: true, birthDate, gender: Number(value[16]) % 2 === 1 ? 'male' : 'female' };
}
