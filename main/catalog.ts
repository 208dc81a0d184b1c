// The catalogue as the running app sees it: the shipped catalogue imported into the store on first start
// (or when a newer shipped version appears), the active version loaded, the search index built once, and
// merged forms/material lists memoised per item or bundle.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { calendarFromCatalog } from '../src/domain/calendar/from-catalog';
import type { HolidayYear } from '../src/domain/calendar/holidays';
import type { WorkCalendar } from '../src/domain/calendar/working-days';
import { Catalog } from '../src/domain/catalog/catalog';
import { searchEntries } from '../src/domain/catalog/search-entries';
import { bundleMaterials, itemMaterials } from '../src/domain/forms/materials';
import type { MaterialRequirement } from '../src/domain/forms/materials';
import { buildBundleForm, buildItemForm } from '../src/domain/forms/merged-form';
import type { MergedForm } from '../src/domain/forms/merged-form';
import { SearchIndex } from '../src/domain/search/search-index';
import type { Store } from '../src/store';
import type { Logger } from './log';

const SHIPPED = join('assets', 'catalog', 'sample-catalog.json');

/** Finds the shipped catalogue from source (main/), from the bundle (dist/main/) or from the working directory. */
export function shippedCatalogPath(): string | null {
  const candidates: string[] = [];
  try {
    const here = dirname(fileURLToPath(import.meta.url));
    candidates.push(resolve(here, '..', SHIPPED), resolve(here, '..', '..', SHIPPED));
  } catch {
    // CommonJS bundle (Electron main): import.meta.url is not available
  }
  candidates.push(resolve(process.cwd(), SHIPPED));
  return candidates.find((p) => existsSync(p)) ?? null;
}

export class CatalogService {
  readonly catalog: Catalog;
  readonly index: SearchIndex;
  readonly calendar: WorkCalendar;
  private readonly forms = new Map<string, { form: MergedForm; materials: MaterialRequirement[] }>();

  constructor(catalog: Catalog, syncedYears: Readonly<Record<number, HolidayYear>> = {}) {
    this.catalog = catalog;
    this.index = SearchIndex.build(searchEntries(catalog));
    this.calendar = calendarFromCatalog(catalog.file.workCalendar, syncedYears);
  }

  /** Merged form and de-duplicated materials of an item or bundle; undefined when the id is unknown. */
  formOf(kind: 'item' | 'bundle', id: string): { form: MergedForm; materials: MaterialRequirement[] } | undefined {
    const cacheKey = `${kind}:${id}`;
    const cached = this.forms.get(cacheKey);
    if (cached) return cached;
    let built: { form: MergedForm; materials: MaterialRequirement[] } | undefined;
    if (kind === 'item') {
      const item = this.catalog.item(id);
      if (item) built = { form: buildItemForm(this.catalog, item), materials: itemMaterials(item) };
    } else {
      const bundle = this.catalog.bundle(id);
      if (bundle) built = { form: buildBundleForm(this.catalog, bundle), materials: bundleMaterials(this.catalog, bundle) };
    }
    if (built) this.forms.set(cacheKey, built);
    return built;
  }
}

/**
 * Imports the shipped catalogue when its version is not in the store yet (a rejected file is logged with
 * every problem and the active catalogue stays), then loads the active one. Null when there is none.
 */
export function loadCatalog(store: Store, logger: Logger, path: string | null = shippedCatalogPath()): CatalogService | null {
  if (path) {
    try {
      const text = readFileSync(path, 'utf8');
      const version = /"catalogVersion"\s*:\s*"([^"]+)"/.exec(text)?.[1];
      const known = new Set(store.catalogs.versions().map((v) => v.version));
      if (!version || !known.has(version)) {
        const result = store.catalogs.import(text, new Date().toISOString());
        if (result.ok) logger.info('catalogue imported', { version: result.version, warnings: result.warnings.length });
        else logger.error('shipped catalogue rejected; keeping the active one', { problems: result.problems.slice(0, 50), count: result.problems.length });
      }
    } catch (error) {
      logger.error('could not read the shipped catalogue', { error });
    }
  } else {
    logger.warn('no shipped catalogue found');
  }
  const file = store.catalogs.active();
  return file ? new CatalogService(new Catalog(file), store.calendar.years()) : null;
}
