// Local tracking number printed on the kiosk receipt (domain.md §2.2): hall code + date + 5-digit daily
// sequence + one check character (ISO/IEC 7064 MOD 37,36 over 0-9A-Z, which catches every single-character
// error and every swap of adjacent characters). The platform's 办件编号 arrives later and is stored beside it.

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const M = 36;
const SHAPE = /^([A-Z0-9]{2,8})(\d{8})(\d{5})([0-9A-Z])$/;

function checkChar(body: string): string {
  let p = M;
  for (const ch of body) {
    const a = ALPHABET.indexOf(ch);
    if (a < 0) throw new RangeError('tracking numbers use 0-9 and A-Z only');
    let s = (p + a) % M;
    if (s === 0) s = M;
    p = (s * 2) % (M + 1);
  }
  return ALPHABET[(M + 1 - p) % M] ?? '0';
}

export interface TrackingNumber {
  readonly hallCode: string;
  readonly date: string;
  readonly sequence: number;
}

export function formatTrackingNumber({ hallCode, date, sequence }: TrackingNumber): string {
  if (!/^[A-Z0-9]{2,8}$/.test(hallCode)) throw new RangeError('hall code must be 2-8 characters A-Z/0-9');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError('date must be YYYY-MM-DD');
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 99_999) throw new RangeError('sequence must be 1..99999');
  const body = `${hallCode}${date.replaceAll('-', '')}${String(sequence).padStart(5, '0')}`;
  return body + checkChar(body);
}

/** Parses and verifies a typed or scanned number; null when it is malformed or the check character fails. */
export function parseTrackingNumber(raw: string): TrackingNumber | null {
  const value = raw.trim().toUpperCase().replace(/[\s-]/g, '');
  const m = SHAPE.exec(value);
  if (!m) return null;
  const [, hallCode = '', ymd = '', seq = '', check] = m;
  if (checkChar(value.slice(0, -1)) !== check) return null;
  const date = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
  const sequence = Number(seq);
  if (sequence < 1) return null;
  return { hallCode, date, sequence };
}
