// Masking of personal data for display, logs and paper. Pure string functions shared by every layer.

/** 张三 → 张*, 欧阳娜娜 → 欧***, JOHN SMITH → J*** S****. */
export function maskName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) return '';
  if (/^[\x20-\x7e]+$/.test(trimmed)) {
    return trimmed
      .split(/\s+/)
      .map((part) => part.slice(0, 1) + '*'.repeat(Math.max(part.length - 1, 1)))
      .join(' ');
  }
  const chars = Array.from(trimmed);
  return chars[0] + '*'.repeat(Math.max(chars.length - 1, 1));
}

/** 430102199003071234 → 4301**********1234; shorter numbers keep at most a quarter on each side. */
export function maskIdNumber(id: string): string {
  const chars = Array.from(id.trim());
  if (chars.length >= 15) return chars.slice(0, 4).join('') + '*'.repeat(chars.length - 8) + chars.slice(-4).join('');
  const keep = Math.floor(chars.length / 4);
  if (keep === 0) return '*'.repeat(chars.length);
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - 2 * keep) + chars.slice(-keep).join('');
}

/** 13812345678 → 138****5678. */
export function maskPhone(phone: string): string {
  const digits = phone.trim();
  if (digits.length < 7) return '*'.repeat(digits.length);
  return digits.slice(0, 3) + '*'.repeat(digits.length - 7) + digits.slice(-4);
}

/** Keeps the first six characters of an address (province/city), masks the rest. */
export function maskAddress(address: string): string {
  const chars = Array.from(address.trim());
  if (chars.length <= 6) return chars.join('');
  return chars.slice(0, 6).join('') + '*'.repeat(Math.min(chars.length - 6, 8));
}

const ID_NUMBER_IN_TEXT = /(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[\dXx])(?![0-9A-Za-z])/g;
const MOBILE_IN_TEXT = /(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;

/** Masks ID numbers and mobile numbers wherever they appear in free text (for logs and error messages). */
export function maskPersonalDataInText(text: string): string {
  return text
    .replace(ID_NUMBER_IN_TEXT, (_m, a: string, _b: string, c: string) => `${a.slice(0, 4)}**********${c}`)
    .replace(MOBILE_IN_TEXT, (_m, a: string, _b: string, c: string) => `${a}****${c}`);
}
