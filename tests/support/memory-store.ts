// The throwaway terminal store of the src/store unit tests: in memory, under the fixture key, optionally
// with the sample catalogue imported; every store a test opens is closed after it.
import { afterEach } from 'vitest';
import { openStore } from '../../src/store/store';
import type { Store } from '../../src/store/store';
import { KEY, sampleCatalogText } from '../integration/store-fixtures';

export function memoryStores(options: { catalog?: boolean } = {}): () => Store {
  const opened: Store[] = [];
  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
  });
  return () => {
    const store = openStore({ path: ':memory:', key: KEY });
    opened.push(store);
    if (options.catalog) store.catalogs.import(sampleCatalogText(), '2026-11-23T08:00:00Z');
    return store;
  };
}
