import type { Symbology } from '../../../src/contract';

/**
 * AIM symbology identifiers (ISO/IEC 15424): `]` + code character + modifier. Scanners send them in HID-POS
 * reports and, when configured to, as a prefix on serial and keyboard-wedge output.
 */
const byCodeCharacter: Readonly<Record<string, Symbology>> = {
  A: 'code39',
  C: 'code128',
  E: 'ean13',
  F: 'codabar',
  G: 'code93',
  I: 'itf',
  L: 'pdf417',
  Q: 'qr',
  d: 'data-matrix',
  e: 'gs1-databar',
  h: 'han-xin',
  z: 'aztec',
};

/** Maps a three-character AIM identifier to a symbology; `undefined` when it is not one we know. */
export function symbologyFromAim(aim: string): Symbology | undefined {
  if (aim.length !== 3 || aim[0] !== ']') return undefined;
  const code = aim[1] ?? '';
  const modifier = aim[2] ?? '';
  if (code === 'C' && modifier === '1') return 'gs1-128';
  if (code === 'E' && modifier === '4') return 'ean8';
  if (code === 'X') return 'other';
  return Object.prototype.hasOwnProperty.call(byCodeCharacter, code) ? byCodeCharacter[code] : undefined;
}

/** AIM identifier the simulator sends for a symbology (inverse of the table above, first match). */
export function aimFor(symbology: Symbology): string {
  if (symbology === 'gs1-128') return ']C1';
  if (symbology === 'ean8') return ']E4';
  for (const [code, name] of Object.entries(byCodeCharacter)) if (name === symbology) return `]${code}${code === 'Q' ? '1' : '0'}`;
  return ']X0';
}

/** Splits a leading AIM identifier off scanned text, for scanners configured to transmit one. */
export function splitAimPrefix(text: string): { aim: string | undefined; rest: string } {
  if (text.length >= 3 && text[0] === ']' && /^[A-Za-z]$/.test(text[1] ?? '') && /^[0-9A-Za-z]$/.test(text[2] ?? '')) {
    return { aim: text.slice(0, 3), rest: text.slice(3) };
  }
  return { aim: undefined, rest: text };
}
