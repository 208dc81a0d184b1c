import { describe, expect, it } from 'vitest';
import { SearchIndex } from './search-index';
import type { SearchEntry } from './search-index';

const entries: SearchEntry[] = [
  { kind: 'item', id: 'GA-03', name: '普通护照签发', aliases: ['办护照', '出国护照'], department: '公安', popularity: 50 },
  { kind: 'item', id: 'GA-04', name: '居民身份证换领', aliases: ['换身份证'], department: '公安', popularity: 80 },
  { kind: 'item', id: 'GA-01', name: '出生登记', aliases: ['上户口', '报户口'], department: '公安', popularity: 30 },
  { kind: 'bundle', id: 'BND-BIRTH', name: '新生儿出生一件事', aliases: ['出生一件事', '生孩子'], department: '卫健', popularity: 40 },
  { kind: 'item', id: 'YB-01', name: '城乡居民基本医疗保险参保登记', aliases: ['医保参保'], department: '医保', popularity: 10 },
  { kind: 'item', id: 'X-1', name: '护照加注', aliases: [], department: '公安', popularity: 1 },
  { kind: 'item', id: 'X-2', name: '住房公积金提取', aliases: [], department: '公积金', popularity: 5 },
];
const index = SearchIndex.build(entries);
const ids = (q: string) => index.search(q).map((h) => h.id);

describe('SearchIndex', () => {
  it('finds Chinese substrings of names', () => {
    // 护照加注 starts with the query, 普通护照签发 only contains it
    expect(ids('护照')).toEqual(['X-1', 'GA-03']);
    expect(index.search('护照')[1]).toMatchObject({ match: 'name', quality: 'substring' });
  });
  it('finds by full pinyin and by initials', () => {
    expect(ids('huzhao')).toContain('GA-03');
    expect(index.search('huzhao')[0]).toMatchObject({ match: 'pinyin' });
    expect(ids('hz')).toEqual(expect.arrayContaining(['GA-03', 'X-1']));
    expect(index.search('hz').find((h) => h.id === 'GA-03')?.match).toBe('initials');
    expect(ids('HuZhao ')).toContain('GA-03');
  });
  it('finds aliases and common names', () => {
    expect(ids('生孩子')).toEqual(['BND-BIRTH']);
    expect(index.search('生孩子')[0]).toMatchObject({ match: 'alias', quality: 'exact', matched: '生孩子' });
    expect(ids('上户口')).toEqual(['GA-01']);
  });
  it('expands generic synonyms', () => {
    expect(ids('公积金')).toEqual(['X-2']);
    const hits = index.search('医保');
    expect(hits[0]).toMatchObject({ id: 'YB-01', match: 'alias' });
    expect(ids('社保')).toEqual([]);
    expect(index.search('身份证')[0]?.id).toBe('GA-04');
  });
  it('ranks exact over prefix over substring, then by popularity', () => {
    const hits = index.search('出生');
    expect(hits.map((h) => h.id)).toEqual(['GA-01', 'BND-BIRTH']);
    // both GA-01 (name prefix) and BND-BIRTH (alias prefix): name beats alias
    const popular = SearchIndex.build([
      { kind: 'item', id: 'a', name: '甲事项登记', aliases: [], popularity: 1 },
      { kind: 'item', id: 'b', name: '乙事项登记', aliases: [], popularity: 99 },
    ]);
    expect(popular.search('事项').map((h) => h.id)).toEqual(['b', 'a']);
    expect(popular.search('甲事项登记')[0]).toMatchObject({ id: 'a', quality: 'exact' });
  });
  it('matches departments last', () => {
    const hits = index.search('卫健');
    expect(hits).toEqual([expect.objectContaining({ id: 'BND-BIRTH', match: 'department' })]);
  });
  it('answers empty or junk queries with nothing, never throws', () => {
    expect(index.search('   ')).toEqual([]);
    expect(index.search('zzzzzzzz')).toEqual([]);
    expect(index.search('x'.repeat(5000))).toEqual([]);
    expect(index.search('\u0001')).toEqual([]);
  });
  it('respects the limit', () => {
    expect(index.search('d', 2)).toHaveLength(2);
  });
});

describe('SearchIndex properties', () => {
  it('searching an entry by its exact name ranks it first', async () => {
    const fc = (await import('fast-check')).default;
    const hanzi = fc.array(fc.integer({ min: 0x4e00, max: 0x9fa5 }), { minLength: 2, maxLength: 8 }).map((cs) => String.fromCodePoint(...cs));
    fc.assert(
      fc.property(fc.uniqueArray(hanzi, { minLength: 1, maxLength: 30 }), fc.nat(), (names, pick) => {
        const idx = SearchIndex.build(names.map((name, i) => ({ kind: 'item' as const, id: `i${i}`, name, aliases: [], popularity: i })));
        const target = names[pick % names.length] ?? '';
        expect(idx.search(target)[0]?.name).toBe(target);
      }),
      { numRuns: 50 },
    );
  });
});

describe('pinyin of mixed terms', () => {
  it('keeps terms apart even when they start or end with Latin letters or digits', () => {
    const idx = SearchIndex.build([{ kind: 'item', id: 'm', name: '医保ABC', aliases: ['123社保', 'X光检查'] }]);
    expect(idx.search('yibaoabc')[0]?.matched).toBe('医保ABC');
    expect(idx.search('123shebao')[0]?.matched).toBe('123社保');
    expect(idx.search('xguang')[0]?.matched).toBe('X光检查');
    expect(idx.search('yba')[0]?.match).toBe('initials');
  });
});

describe('joined corpora', () => {
  it('a query never matches across two terms or two entries', () => {
    const idx = SearchIndex.build([
      { kind: 'item', id: 'a', name: '甲乙', aliases: ['丙丁'] },
      { kind: 'item', id: 'b', name: '戊己', aliases: [] },
    ]);
    expect(idx.search('乙丙')).toEqual([]);
    expect(idx.search('丁戊')).toEqual([]);
    expect(idx.search('乙\u0001丙')).toEqual([]);
    expect(idx.search('丁\u0002戊').map((h) => h.id)).toEqual([]);
    expect(idx.search('戊己')[0]?.id).toBe('b');
  });
});
