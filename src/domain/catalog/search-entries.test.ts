import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../search/search-index';
import { Catalog } from './catalog';
import { searchEntries } from './search-entries';
import { validateCatalog } from './validate';

const validated = validateCatalog(JSON.parse(readFileSync(new URL('../../../assets/catalog/sample-catalog.json', import.meta.url), 'utf8')));
if (!validated.ok) throw new Error('sample catalogue does not validate');
const catalog = new Catalog(validated.catalog);
const index = SearchIndex.build(searchEntries(catalog));
const top = (q: string) => index.search(q)[0];

describe('search over the sample catalogue', () => {
  // The sample has no passport item (护照 is covered by the index's own tests); 身份证 plays its part here.
  it('身份证 by Chinese, full pinyin and initials', () => {
    for (const q of ['身份证', 'shenfenzheng', 'sfz']) {
      const names = index.search(q).slice(0, 2).map((h) => h.name);
      expect(names, q).toEqual(expect.arrayContaining(['居民身份证换领', '居民身份证补领']));
    }
  });
  it('common names find bundles: 生孩子 → 新生儿出生一件事', () => {
    expect(top('生孩子')).toMatchObject({ kind: 'bundle', id: 'BND-BIRTH' });
    expect(top('上户口')?.id).toBe('GA-01');
  });
  it('pinyin of a bundle alias', () => {
    expect(index.search('shenghaizi')[0]?.id).toBe('BND-BIRTH');
  });
  it('departments as a last resort', () => {
    expect(index.search('公积金').length).toBeGreaterThan(0);
  });
});
