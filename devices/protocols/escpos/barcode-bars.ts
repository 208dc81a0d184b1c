// Bar patterns of the 1-D symbologies GS k prints, as module runs (true = bar). Small standard tables
// (ISO/IEC 15417 Code 128, 15420 EAN/UPC, 16388 Code 39, 16390 ITF); Codabar and Code 93 are not drawn
// (the preview shows a placeholder, the interpreter still decodes their data). A maintained generator
// such as bwip-js would replace this file if it became a dependency.

const CODE128 =
  '212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 122132 122231 113222 ' +
  '123122 123221 223211 221132 221231 213212 223112 312131 311222 321122 321221 312212 322112 322211 212123 212321 ' +
  '232121 111323 131123 131321 112313 132113 132311 211313 231113 231311 112133 112331 132131 113123 113321 133121 ' +
  '313121 211331 231131 213113 213311 213131 311123 311321 331121 312113 312311 332111 314111 221411 431111 111224 ' +
  '111422 121124 121421 141122 141221 112214 112412 122114 122411 142112 142211 241211 221114 413111 241112 134111 ' +
  '111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 214121 412121 111143 111341 131141 114113 ' +
  '114311 411113 411311 113141 114131 311141 411131 211412 211214 211232 2331112';
const CODE128_PATTERNS = CODE128.split(' ');

/** Widths (alternating, starting with a bar when `bar` is true) → module runs. */
function runs(widths: string, startWithBar = true, unit = 1): boolean[] {
  const out: boolean[] = [];
  let bar = startWithBar;
  for (const w of widths) {
    for (let k = 0; k < Number(w) * unit; k += 1) out.push(bar);
    bar = !bar;
  }
  return out;
}

/** Code 128 symbol values (start code, data, check, stop already included) → modules. */
export function code128Modules(values: readonly number[]): boolean[] {
  return values.flatMap((v) => runs(CODE128_PATTERNS[v] ?? ''));
}

const EAN_L = ['3211', '2221', '2122', '1411', '1132', '1231', '1114', '1312', '1213', '3112'];
const EAN_FIRST_PARITY = ['LLLLLL', 'LLGLGG', 'LLGGLG', 'LLGGGL', 'LGLLGG', 'LGGLLG', 'LGGGLL', 'LGLGLG', 'LGLGGL', 'LGGLGL'];
const UPCE_PARITY = ['GGGLLL', 'GGLGLL', 'GGLLGL', 'GGLLLG', 'GLGGLL', 'GLLGGL', 'GLLLGG', 'GLGLGL', 'GLGLLG', 'GLLGLG'];

function eanDigit(d: number, set: 'L' | 'G' | 'R'): boolean[] {
  const l = EAN_L[d] ?? '1111';
  if (set === 'L') return runs(l, false);
  if (set === 'R') return runs(l, true);
  return runs([...l].reverse().join(''), false);
}

const GUARD = runs('111');
const CENTRE = runs('11111', false);

/** 13 digits including the check digit. */
export function ean13Modules(digits: readonly number[]): boolean[] {
  const parity = EAN_FIRST_PARITY[digits[0] ?? 0] ?? 'LLLLLL';
  const left = digits.slice(1, 7).flatMap((d, k) => eanDigit(d, parity[k] === 'G' ? 'G' : 'L'));
  const right = digits.slice(7, 13).flatMap((d) => eanDigit(d, 'R'));
  return [...GUARD, ...left, ...CENTRE, ...right, ...GUARD];
}

/** 8 digits including the check digit. */
export function ean8Modules(digits: readonly number[]): boolean[] {
  return [...GUARD, ...digits.slice(0, 4).flatMap((d) => eanDigit(d, 'L')), ...CENTRE, ...digits.slice(4, 8).flatMap((d) => eanDigit(d, 'R')), ...GUARD];
}

/** UPC-E: number system (0/1), six data digits, check digit of the expanded UPC-A. */
export function upceModules(numberSystem: number, six: readonly number[], check: number): boolean[] {
  const base = UPCE_PARITY[check] ?? 'GGGLLL';
  const parity = numberSystem === 1 ? [...base].map((p) => (p === 'G' ? 'L' : 'G')).join('') : base;
  return [...GUARD, ...six.flatMap((d, k) => eanDigit(d, parity[k] === 'G' ? 'G' : 'L')), ...runs('111111', false)];
}

const CODE39_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%*';
const CODE39_WIDE = [
  0x034, 0x121, 0x061, 0x160, 0x031, 0x130, 0x070, 0x025, 0x124, 0x064, 0x109, 0x049, 0x148, 0x019, 0x118, 0x058, 0x00d,
  0x10c, 0x04c, 0x01c, 0x103, 0x043, 0x142, 0x013, 0x112, 0x052, 0x007, 0x106, 0x046, 0x016, 0x181, 0x0c1, 0x1c0, 0x091,
  0x190, 0x0d0, 0x085, 0x184, 0x0c4, 0x0a8, 0x0a2, 0x08a, 0x02a, 0x094,
];

/** Code 39 text with its `*` start/stop; wide elements are `wide` modules, a narrow gap between characters. */
export function code39Modules(text: string, wide = 3): boolean[] {
  const out: boolean[] = [];
  for (const ch of text) {
    const bits = CODE39_WIDE[CODE39_ALPHABET.indexOf(ch)] ?? 0;
    for (let e = 0; e < 9; e += 1) {
      const w = (bits >> (8 - e)) & 1 ? wide : 1;
      for (let k = 0; k < w; k += 1) out.push(e % 2 === 0);
    }
    out.push(false);
  }
  out.pop();
  return out;
}

const ITF_DIGITS = ['nnwwn', 'wnnnw', 'nwnnw', 'wwnnn', 'nnwnw', 'wnwnn', 'nwwnn', 'nnnww', 'wnnwn', 'nwnwn'];

/** Interleaved 2 of 5: an even number of digits. */
export function itfModules(digits: readonly number[], wide = 3): boolean[] {
  const out: boolean[] = [true, false, true, false];
  const push = (bar: boolean, w: 'n' | 'w') => {
    for (let k = 0; k < (w === 'w' ? wide : 1); k += 1) out.push(bar);
  };
  for (let i = 0; i + 1 < digits.length; i += 2) {
    const bars = ITF_DIGITS[digits[i] ?? 0] ?? 'nnnnn';
    const spaces = ITF_DIGITS[digits[i + 1] ?? 0] ?? 'nnnnn';
    for (let e = 0; e < 5; e += 1) {
      push(true, bars[e] === 'w' ? 'w' : 'n');
      push(false, spaces[e] === 'w' ? 'w' : 'n');
    }
  }
  push(true, 'w');
  push(false, 'n');
  push(true, 'n');
  return out;
}
