import { describe, expect, it } from 'vitest';
import { hanziCandidates } from './hanzi';

describe('pinyin candidates for the on-screen keyboard', () => {
  it('puts common surnames and address characters first', () => {
    expect(hanziCandidates('zhang')[0]).toBe('张');
    expect(hanziCandidates('li')[0]).toBe('李');
    expect(hanziCandidates('lu').slice(0, 3)).toContain('路');
    expect(hanziCandidates('shi').slice(0, 3)).toEqual(expect.arrayContaining(['市', '石']));
  });

  it('reads ü as v, offers prefixes after exact readings, and refuses anything but letters', () => {
    expect(hanziCandidates('lv')).toContain('吕');
    const zh = hanziCandidates('zh');
    expect(zh.length).toBe(40);
    expect(zh).toContain('张');
    expect(hanziCandidates('1')).toEqual([]);
    expect(hanziCandidates('')).toEqual([]);
  });
});
