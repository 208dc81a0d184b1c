/**
 * USB HID boot-keyboard input reports (HID 1.11 appendix B): byte 0 modifier bits, byte 1 reserved,
 * bytes 2–7 up to six pressed key usages (usage page 0x07). A keyboard-wedge scanner "types" by sending
 * one report per key press and an empty report per release. US layout, which is what scanners emit.
 */
export const keyboardReportSize = 8;
const leftShift = 0x02;
const rightShift = 0x20;
const shiftBits = leftShift | rightShift;
const errorRollOver = 0x01;

export type KeyStroke =
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: 'enter' }
  | { readonly kind: 'tab' }
  | { readonly kind: 'other'; readonly usage: number };

const letters = 'abcdefghijklmnopqrstuvwxyz';
const digits = '1234567890';
const shiftedDigits = '!@#$%^&*()';
// usage → [plain, shifted] for 0x2C–0x38
const punctuation: Readonly<Record<number, readonly [string, string]>> = {
  0x2c: [' ', ' '],
  0x2d: ['-', '_'],
  0x2e: ['=', '+'],
  0x2f: ['[', '{'],
  0x30: [']', '}'],
  0x31: ['\\', '|'],
  0x33: [';', ':'],
  0x34: ["'", '"'],
  0x35: ['`', '~'],
  0x36: [',', '<'],
  0x37: ['.', '>'],
  0x38: ['/', '?'],
};
const keypad: Readonly<Record<number, string>> = {
  0x54: '/',
  0x55: '*',
  0x56: '-',
  0x57: '+',
  0x59: '1',
  0x5a: '2',
  0x5b: '3',
  0x5c: '4',
  0x5d: '5',
  0x5e: '6',
  0x5f: '7',
  0x60: '8',
  0x61: '9',
  0x62: '0',
  0x63: '.',
};

export function strokeForUsage(usage: number, shift: boolean): KeyStroke {
  if (usage >= 0x04 && usage <= 0x1d) {
    const c = letters[usage - 0x04] ?? '';
    return { kind: 'char', char: shift ? c.toUpperCase() : c };
  }
  if (usage >= 0x1e && usage <= 0x27) {
    return { kind: 'char', char: (shift ? shiftedDigits : digits)[usage - 0x1e] ?? '' };
  }
  if (usage === 0x28 || usage === 0x58) return { kind: 'enter' };
  if (usage === 0x2b) return { kind: 'tab' };
  const pair = punctuation[usage];
  if (pair) return { kind: 'char', char: shift ? pair[1] : pair[0] };
  const pad = keypad[usage];
  if (pad !== undefined) return { kind: 'char', char: pad };
  return { kind: 'other', usage };
}

/**
 * Turns a stream of keyboard reports into key presses: a usage counts once, when it first appears in a
 * report, so a held key or a repeated report does not type twice. Report IDs (a 9-byte report) are dropped.
 */
export class KeyboardReportDecoder {
  private held = new Set<number>();

  push(report: Uint8Array): KeyStroke[] {
    const bytes = report.length === keyboardReportSize + 1 ? report.subarray(1) : report;
    if (bytes.length !== keyboardReportSize) return [];
    const keys = [...bytes.subarray(2)].filter((u) => u !== 0);
    if (keys.includes(errorRollOver)) return []; // too many keys at once: the report says nothing usable
    const shift = ((bytes[0] ?? 0) & shiftBits) !== 0;
    const strokes: KeyStroke[] = [];
    for (const usage of keys) if (!this.held.has(usage)) strokes.push(strokeForUsage(usage, shift));
    this.held = new Set(keys);
    return strokes;
  }

  reset(): void {
    this.held.clear();
  }
}

const usageByChar = new Map<string, { usage: number; shift: boolean }>();
for (let i = 0; i < letters.length; i += 1) {
  const c = letters[i] ?? '';
  usageByChar.set(c, { usage: 0x04 + i, shift: false });
  usageByChar.set(c.toUpperCase(), { usage: 0x04 + i, shift: true });
}
for (let i = 0; i < digits.length; i += 1) {
  usageByChar.set(digits[i] ?? '', { usage: 0x1e + i, shift: false });
  usageByChar.set(shiftedDigits[i] ?? '', { usage: 0x1e + i, shift: true });
}
for (const [usage, [plain, shifted]] of Object.entries(punctuation)) {
  if (!usageByChar.has(plain)) usageByChar.set(plain, { usage: Number(usage), shift: false });
  if (!usageByChar.has(shifted)) usageByChar.set(shifted, { usage: Number(usage), shift: true });
}

/** Whether a wedge scanner can type this character (printable US-ASCII). */
export function canType(char: string): boolean {
  return usageByChar.has(char);
}

/**
 * The press and release reports a wedge scanner sends to type `text`, followed by Enter when asked.
 * Characters a US keyboard cannot type are skipped (real scanners need an Alt-code mode for them).
 */
export function encodeKeyboardReports(text: string, terminator: 'enter' | 'tab' | 'none' = 'enter'): Uint8Array[] {
  const reports: Uint8Array[] = [];
  const press = (usage: number, shift: boolean): void => {
    const down = new Uint8Array(keyboardReportSize);
    down[0] = shift ? leftShift : 0;
    down[2] = usage;
    reports.push(down, new Uint8Array(keyboardReportSize));
  };
  for (const char of text) {
    const key = usageByChar.get(char);
    if (key) press(key.usage, key.shift);
  }
  if (terminator === 'enter') press(0x28, false);
  if (terminator === 'tab') press(0x2b, false);
  return reports;
}
