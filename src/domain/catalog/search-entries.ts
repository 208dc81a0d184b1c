import type { SearchEntry } from '../search/search-index';
import type { Catalog } from './catalog';

/** Search entries for every bundle and item of a catalogue; departments are matched by name and short name. */
export function searchEntries(catalog: Catalog): SearchEntry[] {
  const dept = (id: string) => {
    const d = catalog.department(id);
    return d ? `${d.shortName} ${d.name}` : undefined;
  };
  const bundles = catalog.file.bundles.map((b): SearchEntry => {
    const department = dept(b.leadDepartment);
    return {
      kind: 'bundle',
      id: b.id,
      name: b.name,
      aliases: [...b.aliases, ...(b.nationalKeyItem ? [b.nationalKeyItem] : [])],
      ...(department ? { department } : {}),
      popularity: b.popularity ?? 0,
    };
  });
  const items = catalog.file.items.map((i): SearchEntry => {
    const department = dept(i.department);
    return { kind: 'item', id: i.id, name: i.name, aliases: i.aliases, ...(department ? { department } : {}), popularity: i.popularity ?? 0 };
  });
  return [...bundles, ...items];
}
