// Catalogue versions. An import is validated in full before anything is written; a rejected catalogue
// leaves the active one untouched. Every accepted version is kept, so sync can apply deltas against a
// known base later and an application can be read under the version it was submitted with.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { CatalogFile } from '../domain/catalog/schema';
import { validateCatalog } from '../domain/catalog/validate';
import type { CatalogProblem } from '../domain/catalog/validate';

export type CatalogImportResult =
  | { ok: true; version: string; changed: boolean; warnings: CatalogProblem[] }
  | { ok: false; problems: CatalogProblem[] };

export interface CatalogVersionRow {
  readonly version: string;
  readonly importedAt: string;
  readonly active: boolean;
}

interface Row {
  version: string;
  content: string;
  sha256: string;
  imported_at: string;
  active: number;
}

export class CatalogRepository {
  /** Departments by item or bundle id, per catalogue version (a version's content never changes). */
  private readonly departments = new Map<string, ReadonlyMap<string, string>>();

  constructor(private readonly db: Database.Database) {}

  import(text: string, at: string): CatalogImportResult {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return { ok: false, problems: [{ path: '(file)', message: `not valid JSON: ${(error as Error).message}`, severity: 'error' }] };
    }
    const result = validateCatalog(raw);
    if (!result.ok) return { ok: false, problems: result.problems };
    const { catalog } = result;
    const content = JSON.stringify(catalog);
    const sha256 = createHash('sha256').update(content).digest('hex');
    return this.db.transaction((): CatalogImportResult => {
      const existing = this.db.prepare<[string], Row>('SELECT * FROM catalog_versions WHERE version = ?').get(catalog.catalogVersion);
      if (existing && existing.sha256 !== sha256) {
        return {
          ok: false,
          problems: [{ path: 'catalogVersion', message: `version ${catalog.catalogVersion} was already imported with different content`, severity: 'error' }],
        };
      }
      const changed = !existing || existing.active !== 1;
      this.db.prepare('UPDATE catalog_versions SET active = 0 WHERE active = 1').run();
      if (existing) this.db.prepare('UPDATE catalog_versions SET active = 1 WHERE version = ?').run(catalog.catalogVersion);
      else {
        this.db
          .prepare('INSERT INTO catalog_versions (version, schema_version, content, sha256, imported_at, active) VALUES (?, ?, ?, ?, ?, 1)')
          .run(catalog.catalogVersion, catalog.schemaVersion, content, sha256, at);
      }
      return { ok: true, version: catalog.catalogVersion, changed, warnings: result.warnings };
    })();
  }

  /** The active catalogue, or null on a fresh database. Structure is re-checked: the file may be old. */
  active(): CatalogFile | null {
    const row = this.db.prepare<[], Row>('SELECT * FROM catalog_versions WHERE active = 1').get();
    return row ? CatalogFile.parse(JSON.parse(row.content)) : null;
  }

  activeVersion(): string | null {
    const row = this.db.prepare<[], { version: string }>('SELECT version FROM catalog_versions WHERE active = 1').get();
    return row?.version ?? null;
  }

  /**
   * The department of an item, or the lead department of a bundle, in the catalogue version an application
   * was made under; 'unknown' when the version or the id is not known. The content is read loosely (not
   * re-validated): an old version must still answer under a newer schema.
   */
  departmentOf(version: string, subjectId: string): string {
    let map = this.departments.get(version);
    if (!map) {
      const row = this.db.prepare<[string], { content: string }>('SELECT content FROM catalog_versions WHERE version = ?').get(version);
      if (!row) return 'unknown';
      const doc = JSON.parse(row.content) as { items?: { id?: unknown; department?: unknown }[]; bundles?: { id?: unknown; leadDepartment?: unknown }[] };
      const built = new Map<string, string>();
      for (const item of doc.items ?? []) if (typeof item.id === 'string' && typeof item.department === 'string') built.set(item.id, item.department);
      for (const bundle of doc.bundles ?? []) if (typeof bundle.id === 'string' && typeof bundle.leadDepartment === 'string') built.set(bundle.id, bundle.leadDepartment);
      this.departments.set(version, (map = built));
    }
    return map.get(subjectId) ?? 'unknown';
  }

  versions(): CatalogVersionRow[] {
    return this.db
      .prepare<[], Row>('SELECT version, imported_at, active FROM catalog_versions ORDER BY id')
      .all()
      .map((r) => ({ version: r.version, importedAt: r.imported_at, active: r.active === 1 }));
  }
}
