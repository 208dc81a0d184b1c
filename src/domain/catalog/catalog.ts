// A validated catalogue with the lookups every consumer needs. Built once per imported version.
import type { Bundle, CatalogFile, Department, FieldDef, ServiceItem, SharedMaterial } from './schema';

export class Catalog {
  readonly file: CatalogFile;
  private readonly items = new Map<string, ServiceItem>();
  private readonly bundles = new Map<string, Bundle>();
  private readonly departments = new Map<string, Department>();
  private readonly shared = new Map<string, SharedMaterial>();

  constructor(file: CatalogFile) {
    this.file = file;
    for (const i of file.items) this.items.set(i.id, i);
    for (const b of file.bundles) this.bundles.set(b.id, b);
    for (const d of file.departments) this.departments.set(d.id, d);
    for (const m of file.sharedMaterials) this.shared.set(m.id, m);
  }

  get version(): string {
    return this.file.catalogVersion;
  }

  item(id: string): ServiceItem | undefined {
    return this.items.get(id);
  }

  bundle(id: string): Bundle | undefined {
    return this.bundles.get(id);
  }

  department(id: string): Department | undefined {
    return this.departments.get(id);
  }

  sharedMaterial(id: string): SharedMaterial | undefined {
    return this.shared.get(id);
  }

  field(id: string): FieldDef | undefined {
    return this.file.fields[id];
  }

  /** Label of a code in one of the catalogue's code lists (e.g. itemType '07' → 行政确认). */
  codeLabel(list: string, code: string): string | undefined {
    return code.startsWith('_') ? undefined : this.file.codeLists[list]?.[code];
  }
}
