import { decodeChar, isKnownCodePage, isKnownInternationalSet } from './charset';
import type { Machine } from './machine';
import { u16, u8 } from './machine';
import { DEFAULT_LINE_SPACING, initialState } from './state';
import type { CommandSpec } from './table';
import { ESC, FS, GS, fixed, lengthAt16, untilNul } from './table';

// Initialise, character modes, Chinese mode and code systems, and the horizontal layout commands.

const bit = (n: number, k: number): boolean => ((n >> k) & 1) === 1;
const underlineOf = (n: number): 0 | 1 | 2 => (n & 3) === 0 ? 0 : (n & 3) === 1 ? 1 : 2;

/** Lays out the printable character at `i`; returns the bytes it took. */
export function printCharacter(m: Machine, i: number): number {
  const s = m.state;
  const decoded = decodeChar(m.bytes, i, s);
  const st = s.style;
  if (decoded.wide) {
    const width = 24 * st.kanjiWidth;
    const glyph = {
      char: decoded.char, width, widthMul: st.kanjiWidth, heightMul: st.kanjiHeight, bold: st.bold, underline: st.kanjiUnderline > 0,
      cellHeight: 24 * st.kanjiHeight, emWidth: width, emHeight: 24 * st.kanjiHeight, wide: true, underlineDots: st.kanjiUnderline,
      reverse: st.reverse, upsideDown: st.upsideDown, rotated: st.rotated,
    };
    const left = st.kanjiLeftSpacing * st.kanjiWidth;
    m.layout.addGlyph(s, glyph, left, left + width + st.kanjiRightSpacing * st.kanjiWidth, i);
  } else {
    const fontB = st.font === 1;
    const width = (fontB ? 9 : 12) * st.asciiWidth;
    const cellHeight = (fontB ? 17 : 24) * st.asciiHeight;
    const glyph = {
      char: decoded.char, width, widthMul: st.asciiWidth, heightMul: st.asciiHeight, bold: st.bold, underline: st.asciiUnderline > 0,
      cellHeight, emWidth: width * 2, emHeight: cellHeight, wide: false, underlineDots: st.asciiUnderline,
      reverse: st.reverse, upsideDown: st.upsideDown, rotated: st.rotated,
    };
    m.layout.addGlyph(s, glyph, 0, width + st.asciiRightSpacing * st.asciiWidth, i);
  }
  return decoded.length;
}

/** Width of one single-byte column now (HT stops are counted in these). */
export function columnWidth(m: Machine): number {
  const st = m.state.style;
  return ((st.font === 1 ? 9 : 12) + st.asciiRightSpacing) * st.asciiWidth;
}

const n1 = (m: Machine, at: number) => u8(m, at + 2);

/** ESC & y c1 c2 [x d1…d(y×x)] for each character c1…c2. */
function userCharsSize(bytes: Uint8Array, i: number): number | null {
  if (i + 5 > bytes.length) return null;
  const y = bytes[i + 2] ?? 0;
  const c1 = bytes[i + 3] ?? 0;
  const c2 = bytes[i + 4] ?? 0;
  let k = i + 5;
  for (let c = c1; c <= c2 && c - c1 < 95; c += 1) {
    if (k >= bytes.length) return null;
    k += 1 + y * (bytes[k] ?? 0);
  }
  return k - i;
}

export const textCommands: readonly CommandSpec[] = [
  {
    prefix: [ESC, 0x40], name: 'ESC @', support: 'supported', summary: 'initialise: modes back to power-on (Chinese mode on), line buffer cleared', size: fixed(2),
    run: (m) => {
      m.layout.clearLine();
      m.state = initialState(m.paperWidth, m.state.storedGraphics);
    },
  },
  {
    prefix: [ESC, 0x21], name: 'ESC !', support: 'supported', summary: 'print mode: font B, bold, double height/width, underline (single-byte characters)', size: fixed(3),
    run: (m, at) => {
      const n = n1(m, at);
      const st = m.state.style;
      st.font = bit(n, 0) ? 1 : 0;
      st.bold = bit(n, 3);
      st.asciiHeight = bit(n, 4) ? 2 : 1;
      st.asciiWidth = bit(n, 5) ? 2 : 1;
      st.asciiUnderline = bit(n, 7) ? 1 : 0;
    },
  },
  { prefix: [ESC, 0x45], name: 'ESC E', support: 'supported', summary: 'bold on/off', size: fixed(3), run: (m, at) => void (m.state.style.bold = bit(n1(m, at), 0)) },
  { prefix: [ESC, 0x47], name: 'ESC G', support: 'supported', summary: 'double-strike on/off (printed as bold)', size: fixed(3), run: (m, at) => void (m.state.style.bold = bit(n1(m, at), 0)) },
  { prefix: [ESC, 0x2d], name: 'ESC -', support: 'supported', summary: 'underline 0/1/2 dots (single-byte characters)', size: fixed(3), run: (m, at) => void (m.state.style.asciiUnderline = underlineOf(n1(m, at))) },
  { prefix: [ESC, 0x4d], name: 'ESC M', support: 'supported', summary: 'font A 12×24 / font B 9×17', size: fixed(3), run: (m, at) => void (m.state.style.font = (n1(m, at) & 1) === 1 ? 1 : 0) },
  { prefix: [ESC, 0x7b], name: 'ESC {', support: 'supported', summary: 'upside-down printing on/off', size: fixed(3), run: (m, at) => void (m.state.style.upsideDown = bit(n1(m, at), 0)) },
  { prefix: [ESC, 0x56], name: 'ESC V', support: 'supported', summary: '90° clockwise rotation on/off', size: fixed(3), run: (m, at) => void (m.state.style.rotated = (n1(m, at) & 3) !== 0) },
  {
    prefix: [ESC, 0x61], name: 'ESC a', support: 'supported', summary: 'justification left/centre/right', size: fixed(3),
    run: (m, at) => {
      const n = n1(m, at) & 3;
      m.state.align = n === 1 ? 'center' : n === 2 ? 'right' : 'left';
    },
  },
  {
    prefix: [ESC, 0x74], name: 'ESC t', support: 'supported', summary: 'single-byte code page (PC437, Katakana, PC850, WPC1252, PC866, PC858 …)', size: fixed(3),
    run: (m, at) => {
      const n = n1(m, at);
      if (!isKnownCodePage(n)) m.report(`ESC t ${n}: code page not modelled at byte ${at} (bytes ≥ 0x80 print as �)`);
      m.state.codePage = n;
    },
  },
  {
    prefix: [ESC, 0x52], name: 'ESC R', support: 'supported', summary: 'international character set (USA, France, Germany, UK, Japan, Korea, China)', size: fixed(3),
    run: (m, at) => {
      const n = n1(m, at);
      if (!isKnownInternationalSet(n)) m.report(`ESC R ${n}: character set not modelled at byte ${at} (USA used)`);
      m.state.international = n;
    },
  },
  { prefix: [ESC, 0x20], name: 'ESC SP', support: 'supported', summary: 'right spacing of single-byte characters', size: fixed(3), run: (m, at) => void (m.state.style.asciiRightSpacing = n1(m, at)) },
  {
    prefix: [GS, 0x21], name: 'GS !', support: 'supported', summary: 'character size 1–8 × 1–8 (all characters)', size: fixed(3),
    run: (m, at) => {
      const n = n1(m, at);
      const st = m.state.style;
      st.asciiWidth = st.kanjiWidth = ((n >> 4) & 7) + 1;
      st.asciiHeight = st.kanjiHeight = (n & 7) + 1;
    },
  },
  { prefix: [GS, 0x42], name: 'GS B', support: 'supported', summary: 'reverse (white on black) on/off', size: fixed(3), run: (m, at) => void (m.state.style.reverse = bit(n1(m, at), 0)) },
  { prefix: [GS, 0x62], name: 'GS b', support: 'skipped', summary: 'smoothing on/off (no effect on a 1-bit preview)', size: fixed(3) },
  // Layout
  { prefix: [ESC, 0x24], name: 'ESC $', support: 'supported', summary: 'absolute horizontal position (dots from the line start)', size: fixed(4), run: (m, at) => m.layout.setX(u16(m, at + 2)) },
  {
    prefix: [ESC, 0x5c], name: 'ESC \\', support: 'supported', summary: 'relative horizontal position (signed dots)', size: fixed(4),
    run: (m, at) => {
      const n = u16(m, at + 2);
      m.layout.setX(m.layout.cursor + (n >= 0x8000 ? n - 0x10000 : n));
    },
  },
  { prefix: [ESC, 0x32], name: 'ESC 2', support: 'supported', summary: 'default line spacing (30 dots)', size: fixed(2), run: (m) => void (m.state.lineSpacing = DEFAULT_LINE_SPACING) },
  { prefix: [ESC, 0x33], name: 'ESC 3', support: 'supported', summary: 'line spacing n dots', size: fixed(3), run: (m, at) => void (m.state.lineSpacing = n1(m, at)) },
  {
    prefix: [ESC, 0x44], name: 'ESC D', support: 'supported', summary: 'horizontal tab stops (NUL-terminated, ≤ 32)', size: untilNul(2, 35),
    run: (m, at, length) => {
      const stops: number[] = [];
      for (let k = at + 2; k < at + length && m.bytes[k] !== 0; k += 1) {
        const v = u8(m, k);
        if (stops.length === 0 || v > (stops[stops.length - 1] ?? 0)) stops.push(v);
      }
      m.state.tabs = stops;
    },
  },
  { prefix: [GS, 0x4c], name: 'GS L', support: 'supported', summary: 'left margin (dots)', size: fixed(4), run: (m, at) => void (m.state.leftMargin = u16(m, at + 2)) },
  { prefix: [GS, 0x57], name: 'GS W', support: 'supported', summary: 'print area width (dots)', size: fixed(4), run: (m, at) => void (m.state.areaWidth = Math.max(1, u16(m, at + 2))) },
  {
    prefix: [GS, 0x54], name: 'GS T', support: 'supported', summary: 'back to the start of the line (0 discard / 1 print the buffer)', size: fixed(3),
    run: (m, at) => {
      if ((n1(m, at) & 1) === 1 && !m.layout.lineEmpty) m.layout.printLine(m.state, m.state.lineSpacing);
      else m.layout.clearLine();
    },
  },
  { prefix: [GS, 0x24], name: 'GS $', support: 'skipped', summary: 'absolute vertical position (page mode only)', size: fixed(4) },
  { prefix: [GS, 0x5c], name: 'GS \\', support: 'skipped', summary: 'relative vertical position (page mode only)', size: fixed(4) },
  { prefix: [GS, 0x50], name: 'GS P', support: 'skipped', summary: 'motion units (1 dot assumed)', size: fixed(4) },
  // Chinese mode and code systems
  { prefix: [FS, 0x26], name: 'FS &', support: 'supported', summary: 'Chinese mode on: bytes ≥ 0x81 lead 2-byte GB18030 codes', size: fixed(2), run: (m) => void (m.state.chinese = true) },
  { prefix: [FS, 0x2e], name: 'FS .', support: 'supported', summary: 'Chinese mode off: one byte per character (ESC t code page)', size: fixed(2), run: (m) => void (m.state.chinese = false) },
  {
    prefix: [FS, 0x21], name: 'FS !', support: 'supported', summary: 'hanzi print mode: double width/height, underline', size: fixed(3),
    run: (m, at) => {
      const n = n1(m, at);
      const st = m.state.style;
      st.kanjiWidth = bit(n, 2) ? 2 : 1;
      st.kanjiHeight = bit(n, 3) ? 2 : 1;
      st.kanjiUnderline = bit(n, 7) ? 1 : 0;
    },
  },
  {
    prefix: [FS, 0x57], name: 'FS W', support: 'supported', summary: 'hanzi quadruple size on/off', size: fixed(3),
    run: (m, at) => {
      const on = bit(n1(m, at), 0);
      m.state.style.kanjiWidth = m.state.style.kanjiHeight = on ? 2 : 1;
    },
  },
  { prefix: [FS, 0x2d], name: 'FS -', support: 'supported', summary: 'hanzi underline 0/1/2 dots', size: fixed(3), run: (m, at) => void (m.state.style.kanjiUnderline = underlineOf(n1(m, at))) },
  {
    prefix: [FS, 0x53], name: 'FS S', support: 'supported', summary: 'hanzi left/right spacing', size: fixed(4),
    run: (m, at) => {
      m.state.style.kanjiLeftSpacing = u8(m, at + 2);
      m.state.style.kanjiRightSpacing = u8(m, at + 3);
    },
  },
  { prefix: [FS, 0x43], name: 'FS C', support: 'supported', summary: 'Kanji code system JIS/Shift-JIS (accepted; no effect on GB18030)', size: fixed(3) },
  { prefix: [FS, 0x28, 0x41], name: 'FS ( A', support: 'supported', summary: 'hanzi font A/B/C (accepted; one 24-dot font is drawn)', size: lengthAt16(5) },
  {
    prefix: [FS, 0x28, 0x43], name: 'FS ( C', support: 'supported', summary: 'character encoding: fn 48 m 1 one-byte/GB18030, m 2 UTF-8', size: lengthAt16(5),
    run: (m, at, length) => {
      if (length >= 7 && u8(m, at + 5) === 48) m.state.utf8 = (u8(m, at + 6) & 3) === 2;
    },
  },
  { prefix: [FS, 0x28, 0x45], name: 'FS ( E', support: 'skipped', summary: 'receipt enhancement control', size: lengthAt16(5) },
  { prefix: [FS, 0x32], name: 'FS 2', support: 'skipped', summary: 'define a user-defined hanzi (72 bytes)', size: fixed(76) },
  { prefix: [FS, 0x3f], name: 'FS ?', support: 'skipped', summary: 'cancel a user-defined hanzi', size: fixed(4) },
  { prefix: [ESC, 0x25], name: 'ESC %', support: 'skipped', summary: 'user-defined character set on/off', size: fixed(3) },
  { prefix: [ESC, 0x26], name: 'ESC &', support: 'skipped', summary: 'define user-defined characters', size: userCharsSize },
  { prefix: [ESC, 0x3f], name: 'ESC ?', support: 'skipped', summary: 'cancel a user-defined character', size: fixed(3) },
  {
    prefix: [ESC, 0x0e], name: 'ESC SO', support: 'supported', summary: 'double width on for the line (older firmware)', size: fixed(2),
    run: (m) => void (m.state.style.asciiWidth = m.state.style.kanjiWidth = 2),
  },
  {
    prefix: [ESC, 0x14], name: 'ESC DC4', support: 'supported', summary: 'double width off (older firmware)', size: fixed(2),
    run: (m) => void (m.state.style.asciiWidth = m.state.style.kanjiWidth = 1),
  },
  { prefix: [ESC, 0x55], name: 'ESC U', support: 'skipped', summary: 'unidirectional printing', size: fixed(3) },
  { prefix: [ESC, 0x4c], name: 'ESC L', support: 'skipped', summary: 'page mode (laid out as standard mode)', size: fixed(2) },
  { prefix: [ESC, 0x53], name: 'ESC S', support: 'skipped', summary: 'standard mode', size: fixed(2) },
  { prefix: [ESC, 0x54], name: 'ESC T', support: 'skipped', summary: 'page-mode print direction', size: fixed(3) },
  { prefix: [ESC, 0x57], name: 'ESC W', support: 'skipped', summary: 'page-mode print area', size: fixed(10) },
  { prefix: [ESC, 0x0c], name: 'ESC FF', support: 'skipped', summary: 'print page-mode data', size: fixed(2) },
  { prefix: [ESC, 0x72], name: 'ESC r', support: 'skipped', summary: 'print colour', size: fixed(3) },
  { prefix: [GS, 0x28, 0x4e], name: 'GS ( N', support: 'skipped', summary: 'character effects (colour, shading)', size: lengthAt16(5) },
  { prefix: [GS, 0x28, 0x51], name: 'GS ( Q', support: 'skipped', summary: 'draw lines (page mode)', size: lengthAt16(5) },
];
