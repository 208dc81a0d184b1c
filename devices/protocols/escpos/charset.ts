import iconv from 'iconv-lite';

// How a Chinese-firmware printer turns bytes into characters. In Chinese mode (FS &, the power-on state)
// a byte ≥ 0x81 leads a 2-byte GB18030 code; otherwise each byte is one character of the code page chosen
// with ESC t, with the dozen ASCII positions that ESC R swaps out. FS ( C 48 2 switches to UTF-8 (newer
// firmware). The printers' fonts hold only the 2-byte part of GB18030, so a 4-byte sequence prints as two
// garbage cells, as it would on paper.

/** ESC t n → iconv-lite encoding; 1 (Katakana) has its own table below. Numbers follow Epson. */
const CODE_PAGES: ReadonlyMap<number, string> = new Map([
  [0, 'cp437'], [2, 'cp850'], [3, 'cp860'], [4, 'cp863'], [5, 'cp865'], [11, 'cp851'], [12, 'cp853'], [13, 'cp857'],
  [14, 'cp737'], [15, 'iso-8859-7'], [16, 'windows-1252'], [17, 'cp866'], [18, 'cp852'], [19, 'cp858'],
  [32, 'cp720'], [33, 'cp775'], [34, 'cp855'], [35, 'cp861'], [36, 'cp862'], [37, 'cp864'], [38, 'cp869'],
  [39, 'iso-8859-2'], [40, 'iso-8859-15'], [45, 'windows-1250'], [46, 'windows-1251'], [47, 'windows-1253'],
  [48, 'windows-1254'], [49, 'windows-1255'], [50, 'windows-1256'], [51, 'windows-1257'], [52, 'windows-1258'],
]);

/** Epson page 1: block and box-drawing graphics at 80–9F (receiptline draws its rules with them), JIS X 0201 kana at A1–DF. */
const KATAKANA_GRAPHICS = '▁▂▃▄▅▆▇█▏▎▍▌▋▊▉┼┴┬┤├▔─│▕┌┐└┘╭╮╰╯';

/** ESC R n: the characters at 23 24 40 5B 5C 5D 5E 60 7B 7C 7D 7E. Sets not listed print as USA. */
const INTERNATIONAL: ReadonlyMap<number, string> = new Map([
  [0, '#$@[\\]^`{|}~'],
  [1, '#$à°ç§^`éùè¨'],
  [2, '#$§ÄÖÜ^`äöüß'],
  [3, '£$@[\\]^`{|}~'],
  [8, '#$@[¥]^`{|}~'],
  [13, '#$@[₩]^`{|}~'],
  [15, '#¥@[\\]^`{|}~'],
]);
const INTERNATIONAL_POSITIONS = [0x23, 0x24, 0x40, 0x5b, 0x5c, 0x5d, 0x5e, 0x60, 0x7b, 0x7c, 0x7d, 0x7e];

export const REPLACEMENT_CHAR = '\ufffd';
const tables = new Map<number, readonly string[]>();

function codePageTable(page: number): readonly string[] | null {
  const cached = tables.get(page);
  if (cached) return cached;
  let table: string[] | null = null;
  if (page === 1) {
    table = Array.from({ length: 128 }, (_, k) => {
      const b = 0x80 + k;
      if (b < 0xa0) return KATAKANA_GRAPHICS[b - 0x80] ?? REPLACEMENT_CHAR;
      if (b === 0xa0) return ' ';
      if (b < 0xe0) return String.fromCodePoint(0xff61 + (b - 0xa1));
      return REPLACEMENT_CHAR;
    });
  } else {
    const name = CODE_PAGES.get(page);
    if (name && iconv.encodingExists(name)) {
      const decoded = iconv.decode(Buffer.from(Array.from({ length: 128 }, (_, k) => 0x80 + k)), name);
      table = Array.from(decoded);
      if (table.length !== 128) table = null;
    }
  }
  if (table) tables.set(page, table);
  return table;
}

export function isKnownCodePage(page: number): boolean {
  return codePageTable(page) !== null;
}

export function isKnownInternationalSet(n: number): boolean {
  return INTERNATIONAL.has(n);
}

export interface CharsetState {
  readonly chinese: boolean;
  readonly utf8: boolean;
  readonly codePage: number;
  readonly international: number;
}

export interface DecodedChar {
  readonly char: string;
  /** Bytes consumed. */
  readonly length: number;
  /** Full-width cell (a hanzi or other 2-byte code). */
  readonly wide: boolean;
}

const gb18030 = new TextDecoder('gb18030', { fatal: true });
const pairCache = new Map<number, string>();

function decodePair(a: number, b: number): string {
  const key = (a << 8) | b;
  const cached = pairCache.get(key);
  if (cached !== undefined) return cached;
  let text = REPLACEMENT_CHAR;
  try {
    const decoded = gb18030.decode(Uint8Array.of(a, b));
    if (Array.from(decoded).length === 1) text = decoded;
  } catch {
    // not a 2-byte code: the printer shows a garbage cell
  }
  pairCache.set(key, text);
  return text;
}

function singleByte(b: number, state: CharsetState): string {
  if (b < 0x80) {
    const at = INTERNATIONAL_POSITIONS.indexOf(b);
    if (at >= 0) return (INTERNATIONAL.get(state.international) ?? INTERNATIONAL.get(0) ?? '')[at] ?? String.fromCharCode(b);
    return String.fromCharCode(b);
  }
  return codePageTable(state.codePage)?.[b - 0x80] ?? REPLACEMENT_CHAR;
}

function utf8Length(b: number): number {
  if (b >= 0xf0 && b < 0xf8) return 4;
  if (b >= 0xe0) return 3;
  if (b >= 0xc2) return 2;
  return 0;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The character starting at `i` (a printable byte ≥ 0x20, never a control byte). A trail byte below 0x30
 * is not taken: the lead byte prints as a garbage cell and the next byte is read on its own.
 */
export function decodeChar(bytes: Uint8Array, i: number, state: CharsetState): DecodedChar {
  const b = bytes[i] ?? 0x3f;
  if (state.utf8 && b >= 0x80) {
    const n = utf8Length(b);
    if (n > 0 && i + n <= bytes.length) {
      try {
        const char = utf8.decode(bytes.subarray(i, i + n));
        return { char, length: n, wide: (char.codePointAt(0) ?? 0) >= 0x1100 };
      } catch {
        // fall through to a garbage cell
      }
    }
    return { char: REPLACEMENT_CHAR, length: 1, wide: false };
  }
  if (state.chinese && b >= 0x81 && b <= 0xfe) {
    const trail = bytes[i + 1];
    if (trail === undefined || trail < 0x30 || trail === 0x7f || trail === 0xff) return { char: REPLACEMENT_CHAR, length: 1, wide: false };
    return { char: decodePair(b, trail), length: 2, wide: true };
  }
  return { char: singleByte(b, state), length: 1, wide: false };
}
