// A catalogue delta from the platform (inbox `catalog.delta` {version, changes}): applied to the active
// catalogue and imported as a new version only if the result validates in full; otherwise nothing changes.
// The resulting version is `<base>+d<delta version>`, so a delta is applied at most once per base.
import { z } from 'zod';
import type { CatalogProblem } from '../domain/catalog/validate';
import type { CatalogRepository } from './catalog-repository';

const Id = z.string().min(1).max(128);
const Entity = z.record(z.string(), z.unknown()).and(z.object({ id: Id }));

/** One change; `replace` carries a whole catalogue (its own catalogVersion is kept). */
export const CatalogChange = z.discriminatedUnion('op', [
  z.object({ op: z.literal('upsertItem'), item: Entity }),
  z.object({ op: z.literal('removeItem'), id: Id }),
  z.object({ op: z.literal('upsertBundle'), bundle: Entity }),
  z.object({ op: z.literal('removeBundle'), id: Id }),
  z.object({ op: z.literal('upsertDepartment'), department: Entity }),
  z.object({ op: z.literal('replace'), catalog: z.record(z.string(), z.unknown()) }),
]);
export type CatalogChange = z.infer<typeof CatalogChange>;

export type DeltaResult =
  | { ok: true; version: string }
  | { ok: false; kind: 'stale'; message: string }
  | { ok: false; kind: 'invalid'; message: string; problems?: CatalogProblem[] };

const DELTA_SUFFIX = /\+d(\d+)$/;

function upsert(list: unknown, entity: { id: string }): unknown[] {
  const items = Array.isArray(list) ? [...(list as { id?: unknown }[])] : [];
  const at = items.findIndex((x) => x && typeof x === 'object' && x.id === entity.id);
  if (at >= 0) items[at] = entity;
  else items.push(entity);
  return items;
}

function remove(list: unknown, id: string): unknown[] {
  return (Array.isArray(list) ? (list as { id?: unknown }[]) : []).filter((x) => !(x && typeof x === 'object' && x.id === id));
}

export function applyCatalogDelta(catalogs: CatalogRepository, delta: { version: number; changes: readonly Record<string, unknown>[] }, at: string): DeltaResult {
  const changes: CatalogChange[] = [];
  for (const [i, raw] of delta.changes.entries()) {
    const parsed = CatalogChange.safeParse(raw);
    if (!parsed.success) return { ok: false, kind: 'invalid', message: `change ${i}: not a known catalogue change` };
    changes.push(parsed.data);
  }
  const active = catalogs.active();
  const replacement = changes.findLast((c) => c.op === 'replace');
  if (!active && !replacement) return { ok: false, kind: 'invalid', message: 'no active catalogue to apply a delta to' };
  const baseVersion = active?.catalogVersion ?? '';
  const applied = DELTA_SUFFIX.exec(baseVersion);
  if (applied && Number(applied[1]) >= delta.version && !replacement) {
    return { ok: false, kind: 'stale', message: `delta ${delta.version} is not newer than ${baseVersion}` };
  }
  let doc: Record<string, unknown> = active ? (JSON.parse(JSON.stringify(active)) as Record<string, unknown>) : {};
  for (const change of changes) {
    switch (change.op) {
      case 'replace':
        doc = { ...change.catalog };
        break;
      case 'upsertItem':
        doc.items = upsert(doc.items, change.item);
        break;
      case 'removeItem':
        doc.items = remove(doc.items, change.id);
        break;
      case 'upsertBundle':
        doc.bundles = upsert(doc.bundles, change.bundle);
        break;
      case 'removeBundle':
        doc.bundles = remove(doc.bundles, change.id);
        break;
      case 'upsertDepartment':
        doc.departments = upsert(doc.departments, change.department);
        break;
    }
  }
  if (!replacement) doc.catalogVersion = `${baseVersion.replace(DELTA_SUFFIX, '').slice(0, 50)}+d${delta.version}`;
  const result = catalogs.import(JSON.stringify(doc), at);
  if (!result.ok) {
    const errors = result.problems.filter((p) => p.severity === 'error');
    return { ok: false, kind: 'invalid', message: `catalogue does not validate (${errors.length} problems)`, problems: errors.slice(0, 20) };
  }
  return { ok: true, version: result.version };
}
