import { describe, expect, it } from 'vitest';
import { columnsPerLine, prepareText, textColumns, wrapChars } from './text';

const hex = (bytes: Iterable<number>) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

describe('GB18030 text', () => {
  it('encodes hanzi as the 2-byte codes a Chinese-mode printer expects', () => {
    expect(hex(prepareText('办件').chars.flatMap((c) => [...c.bytes]))).toBe('b0 ec bc fe');
    expect(hex(prepareText('中').chars.flatMap((c) => [...c.bytes]))).toBe('d6 d0');
  });

  it('keeps 䶮 (2-byte FE 9F, GBK zone) and replaces 𠮷 (4-byte) with □, reporting it', () => {
    const prepared = prepareText('王䶮𠮷');
    expect(prepared.chars.map((c) => c.char).join('')).toBe('王䶮□');
    expect(hex(prepared.chars[1]?.bytes ?? [])).toBe('fe 9f');
    expect(prepared.unprintable).toEqual(['𠮷']);
    // round trip: what we send decodes back to the same printable text
    const bytes = Uint8Array.from(prepared.chars.flatMap((c) => [...c.bytes]));
    expect(new TextDecoder('gb18030').decode(bytes)).toBe('王䶮□');
  });

  it('maps the half-width yen (4-byte in GB18030) to the full-width ￥ the font has', () => {
    const prepared = prepareText('¥5');
    expect(prepared.chars.map((c) => c.char).join('')).toBe('￥5');
    expect(prepared.unprintable).toEqual([]);
  });

  it('drops control bytes so data cannot inject printer commands', () => {
    expect(prepareText('A\x1b@B\x1dV\x00').chars.map((c) => c.char).join('')).toBe('A@BV');
  });

  it('counts hanzi as two columns and ASCII as one; 32/48 columns at 384/576 dots', () => {
    expect(textColumns('办件ab')).toBe(6);
    expect(columnsPerLine(384)).toBe(32);
    expect(columnsPerLine(576)).toBe(48);
    expect(columnsPerLine(576, 2)).toBe(24);
  });

  it('wraps a Chinese paragraph into lines that never exceed the width and keep punctuation off line starts', () => {
    const text = '请携带身份证原件，到一楼综合窗口领取纸质材料。如有疑问，请拨打12345。';
    const lines = wrapChars(prepareText(text).chars, 16);
    for (const line of lines) {
      expect(line.reduce((s, c) => s + c.columns, 0)).toBeLessThanOrEqual(16);
      expect(['，', '。']).not.toContain(line[0]?.char);
    }
    expect(lines.map((l) => l.map((c) => c.char).join('')).join('')).toBe(text);
  });

  it('keeps short latin words whole', () => {
    const lines = wrapChars(prepareText('hello wonderful world').chars, 12).map((l) => l.map((c) => c.char).join(''));
    expect(lines).toEqual(['hello', 'wonderful', 'world']);
    const paren = wrapChars(prepareText('the following 3 item(s) must').chars, 22).map((l) => l.map((c) => c.char).join(''));
    expect(paren).toEqual(['the following 3', 'item(s) must']);
    const comma = wrapChars(prepareText('abc defgh, ij').chars, 9).map((l) => l.map((c) => c.char).join(''));
    expect(comma).toEqual(['abc', 'defgh, ij']);
  });
});
