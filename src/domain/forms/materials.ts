// One set of materials (一套材料) for an item or bundle (domain.md §5.3): member materials keyed by
// (shared material, holder after role binding); necessity is the strongest across users, copies the maximum,
// acquisition the union of options — or "produced in bundle" when a member the users depend on issues it.
// Materials that an e-licence, data sharing, an earlier member or the merged form provide are paperless.
import type { Catalog } from '../catalog/catalog';
import type { Acquisition, Bundle, Condition, Copies, ItemMaterial, Necessity, ServiceItem } from '../catalog/schema';
import { dependencyClosure } from './merged-form';

export interface MaterialRequirement {
  readonly key: string;
  readonly sharedMaterialId: string;
  readonly name: string;
  readonly holder: string;
  readonly usedBy: readonly string[];
  readonly necessity: Necessity;
  /** For conditional materials: the condition of each user (any true ⇒ needed). */
  readonly conditions: readonly { item: string; condition: Condition }[];
  readonly tolerance?: { promiseWorkdays: number; note: string };
  readonly copies: Copies;
  readonly acquisition: readonly Acquisition[];
  readonly producedBy?: string;
  /** Not needed on paper: e-licence, data sharing, produced in the bundle, or generated from the form. */
  readonly paperless: boolean;
  /** Set when only optional members use it: needed only if one of them is included. */
  readonly whenMemberIncluded?: readonly string[];
  readonly memberMaterialIds: readonly string[];
  readonly pageSpec?: string;
}

const ACQUISITION_ORDER: readonly Acquisition[] = ['producedInBundle', 'eLicense', 'dataSharing', 'promise', 'submit', 'generatedByForm'];
const PAPERLESS: ReadonlySet<Acquisition> = new Set(['eLicense', 'dataSharing', 'producedInBundle', 'generatedByForm']);
const STRENGTH: Record<Necessity, number> = { required: 3, tolerant: 2, conditional: 1 };

interface Use {
  member: string;
  required: boolean;
  material: ItemMaterial;
  producedBy?: string;
}

/** All per-item application forms collapse into the one form generated from the merged form. */
function isGeneratedForm(m: ItemMaterial): boolean {
  return m.acquisition.length === 1 && m.acquisition[0] === 'generatedByForm';
}

function merge(key: string, uses: readonly Use[]): MaterialRequirement {
  const first = uses[0];
  if (!first) throw new Error('merge needs at least one use');
  const [sharedMaterialId = '', holder = ''] = key.split(':');
  let necessity: Necessity = 'conditional';
  for (const u of uses) if (STRENGTH[u.material.necessity] > STRENGTH[necessity]) necessity = u.material.necessity;
  const producedBy = uses.every((u) => u.producedBy !== undefined && u.producedBy === first.producedBy) ? first.producedBy : undefined;
  const acquisition: Acquisition[] = producedBy
    ? ['producedInBundle']
    : ACQUISITION_ORDER.filter((a) => a !== 'producedInBundle' && uses.some((u) => u.material.acquisition.includes(a)));
  const tolerances = uses.flatMap((u) => (u.material.tolerance ? [u.material.tolerance] : []));
  const tolerance = necessity === 'tolerant' ? tolerances.sort((a, b) => a.promiseWorkdays - b.promiseWorkdays)[0] : undefined;
  const usedBy = [...new Set(uses.map((u) => u.member))];
  const optionalOnly = uses.every((u) => !u.required);
  const pageSpec = uses.find((u) => u.material.pageSpec)?.material.pageSpec;
  return {
    key,
    sharedMaterialId,
    name: first.material.name,
    holder,
    usedBy,
    necessity,
    conditions:
      necessity === 'conditional'
        ? uses.flatMap((u) => (u.material.condition ? [{ item: u.member, condition: u.material.condition }] : []))
        : [],
    ...(tolerance ? { tolerance } : {}),
    copies: {
      original: Math.max(...uses.map((u) => u.material.copies.original)),
      copy: Math.max(...uses.map((u) => u.material.copies.copy)),
    },
    acquisition,
    ...(producedBy ? { producedBy } : {}),
    paperless: acquisition.some((a) => PAPERLESS.has(a)),
    ...(optionalOnly ? { whenMemberIncluded: usedBy } : {}),
    memberMaterialIds: uses.map((u) => u.material.id),
    ...(pageSpec ? { pageSpec } : {}),
  };
}

function collect(uses: readonly (Use & { key: string })[]): MaterialRequirement[] {
  const byKey = new Map<string, Use[]>();
  for (const u of uses) byKey.set(u.key, [...(byKey.get(u.key) ?? []), u]);
  const merged = [...byKey].map(([key, list]) => merge(key, list));
  // The joint application form is listed last, after everything the applicant brings.
  const isForm = (m: MaterialRequirement) => m.acquisition.length === 1 && m.acquisition[0] === 'generatedByForm';
  return [...merged.filter((m) => !isForm(m)), ...merged.filter(isForm)];
}

export function itemMaterials(item: ServiceItem): MaterialRequirement[] {
  return collect(
    item.materials.map((m) => ({ key: `${m.sharedMaterialId}:${m.holder}`, member: item.id, required: true, material: m })),
  );
}

export function bundleMaterials(catalog: Catalog, bundle: Bundle): MaterialRequirement[] {
  const uses: (Use & { key: string })[] = [];
  for (const member of bundle.members) {
    const item = catalog.item(member.item);
    if (!item) continue;
    const producers = new Map<string, string>();
    for (const dep of dependencyClosure(bundle, member.item)) {
      for (const key of catalog.item(dep)?.produces?.materials ?? []) producers.set(key, dep);
    }
    const skip = new Set(member.notApplicableMaterials ?? []);
    for (const material of item.materials) {
      if (skip.has(material.id)) continue;
      const holder = isGeneratedForm(material) ? material.holder : (member.roles?.[material.holder] ?? material.holder);
      const key = `${material.sharedMaterialId}:${holder}`;
      const producedBy = producers.get(key);
      uses.push({ key, member: member.item, required: member.required, material, ...(producedBy ? { producedBy } : {}) });
    }
  }
  // The one joint application form is generated from the merged form and serves every member.
  return collect(uses).map((m) =>
    m.acquisition.length === 1 && m.acquisition[0] === 'generatedByForm'
      ? { ...m, name: `${bundle.name}联办申请表（一张表）`, usedBy: bundle.members.map((x) => x.item) }
      : m,
  );
}
