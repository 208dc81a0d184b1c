// GB 32100-2015 unified social credit code (18 chars) and the GB 11714 organisation code embedded in
// positions 9-17. Pure check functions; the catalogue validator and the merged form's `uscc` fields use them.

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

export type UsccProblem = 'format' | 'check' | 'org-code';

function orgCodeValue(char: string): number {
  const code = char.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  return -1;
}

/** GB 11714 check character of an 8-character organisation code body. */
export function orgCodeCheck(body: string): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    const v = orgCodeValue(body[i] ?? '');
    if (v < 0) return null;
    sum += v * (ORG_WEIGHTS[i] ?? 0);
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** GB 32100 check character of the first 17 characters. */
export function usccCheck(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const v = USCC_CHARS.indexOf(first17[i] ?? '?');
    if (v < 0) return null;
    sum += v * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_CHARS[(31 - (sum % 31)) % 31] ?? null;
}

export function checkUscc(raw: string): { valid: true } | { valid: false; problem: UsccProblem } {
  const value = raw.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(value)) return { valid: false, problem: 'format' };
  if (usccCheck(value.slice(0, 17)) !== value[17]) return { valid: false, problem: 'check' };
  if (orgCodeCheck(value.slice(8, 16)) !== value[16]) return { valid: false, problem: 'org-code' };
  return { valid: true };
}
