import { describe, expect, it } from 'vitest';
import { applyKey, rowsOf } from './keys';

describe('on-screen keyboard keys', () => {
  it('types, deletes and clears', () => {
    let v = '';
    for (const char of 'huzhao') v = applyKey(v, { kind: 'char', char }, 20);
    expect(v).toBe('huzhao');
    expect(applyKey(v, { kind: 'backspace' }, 20)).toBe('huzha');
    expect(applyKey(v, { kind: 'clear' }, 20)).toBe('');
  });

  it('respects the length limit and never starts or doubles a space', () => {
    expect(applyKey('abc', { kind: 'char', char: 'd' }, 3)).toBe('abc');
    expect(applyKey('', { kind: 'space' }, 10)).toBe('');
    expect(applyKey('a ', { kind: 'space' }, 10)).toBe('a ');
  });

  it('deletes whole characters, not UTF-16 halves', () => {
    expect(applyKey('护照𠮷', { kind: 'backspace' }, 10)).toBe('护照');
  });

  it('offers X only on the ID-number pad', () => {
    const has = (layout: Parameters<typeof rowsOf>[0]) => rowsOf(layout).flat().some((k) => k.kind === 'char' && k.char === 'X');
    expect(has('idNumber')).toBe(true);
    expect(has('digits')).toBe(false);
  });
});
