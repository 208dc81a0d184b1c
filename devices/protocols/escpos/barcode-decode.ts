import { code128Modules, code39Modules, ean13Modules, ean8Modules, itfModules, upceModules } from './barcode-bars';

// What a GS k command says: the symbology from m (function A 0–6, NUL-terminated; function B 65–73 with a
// length byte), the data checked the way the printer checks it, the human-readable text and the bar
// modules. Data a printer would refuse prints nothing; the reason is reported.

export type Symbology = 'UPC-A' | 'UPC-E' | 'EAN-13' | 'EAN-8' | 'CODE39' | 'ITF' | 'CODABAR' | 'CODE93' | 'CODE128';

export interface DecodedBarcode {
  readonly symbology: Symbology;
  /** The data as a scanner reads it (check digits included for EAN/UPC). */
  readonly text: string;
  /** Bar modules, or null when this preview cannot draw the symbology (drawn as a placeholder). */
  readonly modules: readonly boolean[] | null;
}

export type BarcodeResult = { readonly ok: true; readonly barcode: DecodedBarcode } | { readonly ok: false; readonly reason: string };

const FUNCTION_A: readonly Symbology[] = ['UPC-A', 'UPC-E', 'EAN-13', 'EAN-8', 'CODE39', 'ITF', 'CODABAR'];
const FUNCTION_B: readonly Symbology[] = [...FUNCTION_A, 'CODE93', 'CODE128'];

export function symbologyOf(m: number): Symbology | null {
  if (m <= 6) return FUNCTION_A[m] ?? null;
  if (m >= 65 && m <= 73) return FUNCTION_B[m - 65] ?? null;
  return null;
}

const fail = (reason: string): BarcodeResult => ({ ok: false, reason });
const ok = (symbology: Symbology, text: string, modules: readonly boolean[] | null): BarcodeResult => ({ ok: true, barcode: { symbology, text, modules } });

function digitsOf(bytes: Uint8Array): number[] | null {
  const out: number[] = [];
  for (const b of bytes) {
    if (b < 0x30 || b > 0x39) return null;
    out.push(b - 0x30);
  }
  return out;
}

/** Modulo-10 check digit of EAN/UPC (weights 3,1 from the right). */
function gtinCheck(digits: readonly number[]): number {
  let sum = 0;
  for (let k = 0; k < digits.length; k += 1) sum += (digits[digits.length - 1 - k] ?? 0) * (k % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

function withCheck(symbology: Symbology, digits: number[] | null, body: number): number[] | string {
  if (!digits || (digits.length !== body && digits.length !== body + 1)) return `${symbology} takes ${body} or ${body + 1} digits`;
  const check = gtinCheck(digits.slice(0, body));
  if (digits.length === body + 1 && digits[body] !== check) return `${symbology} check digit ${digits[body]} should be ${check}`;
  return [...digits.slice(0, body), check];
}

function upcE(digits: number[] | null): BarcodeResult {
  if (!digits || digits.length < 6 || digits.length > 8) return fail('UPC-E takes 6 to 8 digits here (the 11/12-digit UPC-A form is not modelled)');
  const ns = digits.length >= 7 ? (digits[0] ?? 0) : 0;
  if (ns > 1) return fail('UPC-E number system must be 0 or 1');
  const six = digits.length >= 7 ? digits.slice(1, 7) : digits.slice(0, 6);
  const [d1, d2, d3, d4, d5, d6] = six as [number, number, number, number, number, number];
  const expanded =
    d6 <= 2 ? [ns, d1, d2, d6, 0, 0, 0, 0, d3, d4, d5] : d6 === 3 ? [ns, d1, d2, d3, 0, 0, 0, 0, 0, d4, d5] : d6 === 4 ? [ns, d1, d2, d3, d4, 0, 0, 0, 0, 0, d5] : [ns, d1, d2, d3, d4, d5, 0, 0, 0, 0, d6];
  const check = gtinCheck(expanded);
  if (digits.length === 8 && digits[7] !== check) return fail(`UPC-E check digit ${digits[7]} should be ${check}`);
  return ok('UPC-E', [ns, ...six, check].join(''), upceModules(ns, six, check));
}

const CODE39_CHARS = /^[0-9A-Z\-. $/+%]*$/;

function code128(bytes: Uint8Array): BarcodeResult {
  if (bytes.length < 2 || bytes[0] !== 0x7b || ![0x41, 0x42, 0x43].includes(bytes[1] ?? 0)) return fail('CODE128 data must start with {A, {B or {C');
  let set = (bytes[1] ?? 0x42) - 0x41; // 0 A, 1 B, 2 C
  const values = [103 + set];
  let text = '';
  let shift = false;
  for (let i = 2; i < bytes.length; i += 1) {
    const b = bytes[i] ?? 0;
    if (b === 0x7b) {
      const c = bytes[i + 1];
      i += 1;
      if (c === 0x7b && set === 1) {
        values.push(0x7b - 32);
        text += '{';
      } else if (c === 0x41 || c === 0x42 || c === 0x43) {
        const to = c - 0x41;
        if (to === set) return fail(`CODE128 switches to the code set it is in at data byte ${i - 1}`);
        values.push(to === 0 ? 101 : to === 1 ? 100 : 99);
        set = to;
      } else if (c === 0x53 && set !== 2) {
        values.push(98);
        shift = true;
        continue;
      } else if (c === 0x31) values.push(102);
      else if (c === 0x32 && set !== 2) values.push(97);
      else if (c === 0x33 && set !== 2) values.push(96);
      else if (c === 0x34 && set !== 2) values.push(set === 0 ? 101 : 100);
      else return fail(`CODE128 has an unknown {${c === undefined ? '' : String.fromCharCode(c)} at data byte ${i - 1}`);
      continue;
    }
    const effective = shift ? 1 - set : set;
    shift = false;
    if (effective === 2) {
      if (b > 99) return fail(`CODE128 code set C value ${b} is above 99`);
      values.push(b);
      text += String(b).padStart(2, '0');
    } else if (effective === 0) {
      if (b > 0x5f) return fail(`CODE128 code set A cannot hold 0x${b.toString(16)}`);
      values.push(b < 0x20 ? b + 64 : b - 32);
      if (b >= 0x20) text += String.fromCharCode(b);
    } else {
      if (b < 0x20 || b > 0x7f) return fail(`CODE128 code set B cannot hold 0x${b.toString(16)}`);
      values.push(b - 32);
      text += String.fromCharCode(b);
    }
  }
  let sum = values[0] ?? 0;
  for (let k = 1; k < values.length; k += 1) sum += (values[k] ?? 0) * k;
  return ok('CODE128', text, code128Modules([...values, sum % 103, 106]));
}

/** Decodes GS k data for symbology `m`; `wideRatio` is the wide element width of Code 39 / ITF in modules. */
export function decodeBarcode(m: number, data: Uint8Array, wideRatio = 3): BarcodeResult {
  const symbology = symbologyOf(m);
  if (!symbology) return fail(`barcode type ${m} is not supported`);
  if (data.length === 0) return fail(`${symbology} without data`);
  const digits = digitsOf(data);
  switch (symbology) {
    case 'UPC-A': {
      const d = withCheck('UPC-A', digits, 11);
      return typeof d === 'string' ? fail(d) : ok('UPC-A', d.join(''), ean13Modules([0, ...d]));
    }
    case 'UPC-E':
      return upcE(digits);
    case 'EAN-13': {
      const d = withCheck('EAN-13', digits, 12);
      return typeof d === 'string' ? fail(d) : ok('EAN-13', d.join(''), ean13Modules(d));
    }
    case 'EAN-8': {
      const d = withCheck('EAN-8', digits, 7);
      return typeof d === 'string' ? fail(d) : ok('EAN-8', d.join(''), ean8Modules(d));
    }
    case 'CODE39': {
      let text = String.fromCharCode(...data);
      if (text.length >= 2 && text.startsWith('*') && text.endsWith('*')) text = text.slice(1, -1);
      if (!CODE39_CHARS.test(text)) return fail('CODE39 data has characters outside 0-9 A-Z - . space $ / + %');
      return ok('CODE39', text, code39Modules(`*${text}*`, wideRatio));
    }
    case 'ITF':
      if (!digits || digits.length % 2 !== 0) return fail('ITF takes an even number of digits');
      return ok('ITF', digits.join(''), itfModules(digits, wideRatio));
    case 'CODABAR': {
      const text = String.fromCharCode(...data);
      if (!/^[A-Da-d][0-9\-$:/.+]*[A-Da-d]$/.test(text)) return fail('CODABAR data must be framed by start/stop characters A–D');
      return ok('CODABAR', text, null);
    }
    case 'CODE93': {
      if (data.some((b) => b > 0x7f)) return fail('CODE93 data must be 7-bit');
      return ok('CODE93', String.fromCharCode(...data.filter((b) => b >= 0x20)), null);
    }
    case 'CODE128':
      return code128(data);
  }
}
