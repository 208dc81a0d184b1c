import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyboardReportDecoder, canType, encodeKeyboardReports } from './keyboard-report';

const report = (modifiers: number, ...keys: number[]): Uint8Array => {
  const r = new Uint8Array(8);
  r[0] = modifiers;
  keys.forEach((k, i) => (r[2 + i] = k));
  return r;
};

describe('keyboard report decoding', () => {
  it('applies shift to letters, digits and punctuation', () => {
    const decoder = new KeyboardReportDecoder();
    const strokes = [
      report(0x02, 0x04), // A
      report(0),
      report(0, 0x04), // a
      report(0),
      report(0x20, 0x1f), // @ (right shift + 2)
      report(0),
      report(0, 0x2d), // -
      report(0),
      report(0, 0x28), // Enter
    ].flatMap((r) => decoder.push(r));
    expect(strokes).toEqual([
      { kind: 'char', char: 'A' },
      { kind: 'char', char: 'a' },
      { kind: 'char', char: '@' },
      { kind: 'char', char: '-' },
      { kind: 'enter' },
    ]);
  });

  it('counts a held key once and ignores roll-over error reports', () => {
    const decoder = new KeyboardReportDecoder();
    expect(decoder.push(report(0, 0x05))).toHaveLength(1);
    expect(decoder.push(report(0, 0x05))).toHaveLength(0);
    expect(decoder.push(report(0, 0x05, 0x06))).toEqual([{ kind: 'char', char: 'c' }]);
    expect(decoder.push(report(0, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01))).toEqual([]);
  });

  it('drops a leading report ID and ignores reports of the wrong size', () => {
    const decoder = new KeyboardReportDecoder();
    expect(decoder.push(Uint8Array.from([0x01, ...report(0, 0x1e)]))).toEqual([{ kind: 'char', char: '1' }]);
    expect(decoder.push(new Uint8Array(3))).toEqual([]);
  });

  it('decodes what the encoder types, for any printable ASCII text', () => {
    const printable = fc.string({ unit: fc.constantFrom(...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))) });
    fc.assert(
      fc.property(printable, (text) => {
        const decoder = new KeyboardReportDecoder();
        const strokes = encodeKeyboardReports(text, 'enter').flatMap((r) => decoder.push(r));
        const typed = strokes.flatMap((s) => (s.kind === 'char' ? [s.char] : [])).join('');
        expect(typed).toBe([...text].filter(canType).join(''));
        expect(strokes.at(-1)).toEqual({ kind: 'enter' });
      }),
    );
  });
});
