import iconv from 'iconv-lite';

// GB18030 text for Chinese-mode printers. The printers' resident fonts hold only the 2-byte part of
// GB18030; a character that needs 4 bytes (U+00A5 ¥, CJK Ext-A/Ext-B such as 𠮷) would misprint, so it is
// replaced before encoding and reported to the caller. Control characters are dropped so that data can
// never smuggle printer commands into a job.

/** Dots per column in font A (12×24); a hanzi takes two columns. */
export const DOTS_PER_COLUMN = 12;

/** Printed instead of a character the printer's font cannot show. U+25A1 □ is GB18030 A1 F5. */
export const REPLACEMENT = '□';

/** Printable look-alikes for common 4-byte characters. */
const SUBSTITUTES: ReadonlyMap<string, string> = new Map([
  ['\u00a5', '￥'],
  ['\u20ac', '€'], // 2-byte in GB18030 (A2 E3); listed so it is never mapped to '?'
]);

export interface EncodedChar {
  /** The character that will print (after substitution). */
  readonly char: string;
  readonly bytes: Uint8Array;
  /** 1 for single-byte, 2 for a 2-byte GB18030 code. */
  readonly columns: 1 | 2;
  /** Set when this is the □ standing in for a character the font lacks (the original character). */
  readonly replaces?: string;
}

export interface PreparedText {
  readonly chars: readonly EncodedChar[];
  /** Characters that were not printable in the device font (each once, in order of appearance). */
  readonly unprintable: readonly string[];
}

const cache = new Map<string, EncodedChar | null>();

function encodeOne(char: string): EncodedChar | null {
  const cached = cache.get(char);
  if (cached !== undefined) return cached;
  const bytes = new Uint8Array(iconv.encode(char, 'gb18030'));
  const code = char.codePointAt(0) ?? 0;
  let result: EncodedChar | null = null;
  if (bytes.length === 1 && code < 0x80) result = { char, bytes, columns: 1 };
  else if (bytes.length === 2 && (bytes[0] ?? 0) >= 0x81) result = { char, bytes, columns: 2 };
  if (cache.size < 20_000) cache.set(char, result);
  return result;
}

const replacement = encodeOne(REPLACEMENT);

/** Splits text into printable GB18030 characters, substituting or replacing what the font lacks. */
export function prepareText(text: string): PreparedText {
  const chars: EncodedChar[] = [];
  const unprintable: string[] = [];
  for (const raw of text) {
    const code = raw.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) continue;
    const candidate = SUBSTITUTES.get(raw) ?? raw;
    const encoded = encodeOne(candidate);
    if (encoded) {
      chars.push(encoded);
      continue;
    }
    if (!unprintable.includes(raw)) unprintable.push(raw);
    if (replacement) chars.push({ ...replacement, replaces: raw });
  }
  return { chars, unprintable };
}

export function columnsOf(chars: readonly EncodedChar[]): number {
  let total = 0;
  for (const c of chars) total += c.columns;
  return total;
}

/** Width of a string in columns as the printer lays it out (after substitution). */
export function textColumns(text: string): number {
  return columnsOf(prepareText(text).chars);
}

/** Columns per line for a paper width and a width magnification. */
export function columnsPerLine(paperDots: number, widthMagnification = 1): number {
  return Math.floor(paperDots / (DOTS_PER_COLUMN * widthMagnification));
}

const BREAK_AFTER = new Set([' ', '，', '。', '、', '；', '：', ',', '.', ';', ':', '/', '-']);
const NO_LINE_START = new Set(['，', '。', '、', '；', '：', '）', '」', '》', '】', '”', '’', '！', '？', ',', '.', ')', '!', '?']);

/**
 * Wraps characters into lines of at most `columns` columns. Latin words stay whole when they fit;
 * hanzi break anywhere except before closing punctuation (a light form of 禁则 line breaking).
 */
export function wrapChars(chars: readonly EncodedChar[], columns: number): EncodedChar[][] {
  const lines: EncodedChar[][] = [];
  let line: EncodedChar[] = [];
  let width = 0;
  let lastBreak = -1;
  for (const c of chars) {
    if (width + c.columns > columns && line.length > 0) {
      let carry: EncodedChar[] = [];
      const inLatinWord = c.columns === 1 && c.char !== ' ' && line[line.length - 1]?.columns === 1 && line[line.length - 1]?.char !== ' ';
      if (inLatinWord && lastBreak >= 0 && lastBreak < line.length - 1) {
        carry = line.splice(lastBreak + 1);
      } else if (NO_LINE_START.has(c.char) && line.length > 1) {
        carry = line.splice(line.length - 1, 1);
      }
      lines.push(trimEnd(line));
      line = carry;
      width = columnsOf(line);
      lastBreak = -1;
      if (c.char === ' ' && line.length === 0) continue;
    }
    line.push(c);
    width += c.columns;
    if (BREAK_AFTER.has(c.char) || c.columns === 2) lastBreak = line.length - 1;
  }
  if (line.length > 0 || lines.length === 0) lines.push(trimEnd(line));
  return lines;
}

function trimEnd(line: EncodedChar[]): EncodedChar[] {
  let end = line.length;
  while (end > 0 && line[end - 1]?.char === ' ') end--;
  return line.slice(0, end);
}

export function concatBytes(chars: readonly EncodedChar[]): number[] {
  const out: number[] = [];
  for (const c of chars) for (const b of c.bytes) out.push(b);
  return out;
}
