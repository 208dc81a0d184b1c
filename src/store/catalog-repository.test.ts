import { describe, expect, it } from 'vitest';
import { memoryStores } from '../../tests/support/memory-store';

const fresh = memoryStores({ catalog: true });

describe('CatalogRepository.departmentOf', () => {
  it('answers the item’s department or the bundle’s lead department in the version the application was made under', () => {
    const store = fresh();
    const version = store.catalogs.activeVersion() ?? '';
    expect(store.catalogs.departmentOf(version, 'GA-01')).toBe('DEP-GA');
    expect(store.catalogs.departmentOf(version, 'BND-BIRTH')).toBe('DEP-WJ');
    expect(store.catalogs.departmentOf(version, 'NO-SUCH-ITEM')).toBe('unknown');
    expect(store.catalogs.departmentOf('1999.1.0', 'GA-01')).toBe('unknown');
  });
});
