// Catalogue handlers: map the domain model (guides, bundles, merged forms) onto the contract's wire shapes.
import { ContractError } from '../../src/contract';
import type { BundleGuide, Handlers, ItemGuide, MergedFormWire, WireFormField, WireMaterial } from '../../src/contract';
import type { FieldDef, ServiceItem } from '../../src/domain/catalog/schema';
import type { MaterialRequirement } from '../../src/domain/forms/materials';
import type { FormField, MergedForm } from '../../src/domain/forms/merged-form';
import { promisedDate } from '../../src/domain/application/deadlines';
import { minPages } from '../../src/domain/precheck/precheck';
import type { CatalogService } from '../catalog';

type CatalogMethod = 'catalog.home' | 'catalog.search' | 'catalog.item' | 'catalog.bundle' | 'catalog.form';

/** The hall's local date (the kiosk runs in the hall's time zone). */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

const FREQUENT_ITEMS = 12;

function toWireMaterial(m: MaterialRequirement): WireMaterial {
  return {
    key: m.key,
    name: m.name,
    holder: m.holder,
    necessity: m.necessity,
    copies: m.copies,
    acquisition: [...m.acquisition],
    notNeededOnPaper: m.paperless,
    ...(m.producedBy ? { producedBy: m.producedBy } : {}),
    ...(m.tolerance ? { tolerancePromiseWorkdays: m.tolerance.promiseWorkdays } : {}),
    conditions: m.conditions.map((c) => ({ item: c.item, condition: c.condition })),
    ...(m.whenMemberIncluded ? { whenMemberIncluded: [...m.whenMemberIncluded] } : {}),
    usedBy: [...m.usedBy],
    ...(m.pageSpec ? { pageSpec: m.pageSpec } : {}),
    minPages: minPages(m.sharedMaterialId),
  };
}

function options(service: CatalogService, def: FieldDef): WireFormField['options'] {
  if (def.options && def.options.length > 0) return def.options;
  const list = def.optionsRef ? service.catalog.file.codeLists[def.optionsRef] : undefined;
  if (!list) return undefined;
  return Object.entries(list)
    .filter(([value]) => !value.startsWith('_'))
    .map(([value, label]) => ({ value, label }));
}

function toWireField(service: CatalogService, f: FormField): WireFormField {
  const d = f.def;
  const opts = options(service, d);
  return {
    id: d.id,
    label: d.label,
    type: d.type,
    required: f.required,
    ...(d.requiredIf ? { requiredIf: d.requiredIf } : {}),
    ...(opts ? { options: opts } : {}),
    ...(d.pattern !== undefined ? { pattern: d.pattern } : {}),
    ...(d.maxLength !== undefined ? { maxLength: d.maxLength } : {}),
    ...(d.min !== undefined ? { min: d.min } : {}),
    ...(d.max !== undefined ? { max: d.max } : {}),
    ...(d.step !== undefined ? { step: d.step } : {}),
    ...(d.minSelected !== undefined ? { minSelected: d.minSelected } : {}),
    ...(d.notAfter !== undefined ? { notAfter: d.notAfter } : {}),
    ...(d.notBefore !== undefined ? { notBefore: d.notBefore } : {}),
    ...(d.crossChecks ? { crossChecks: d.crossChecks } : {}),
    personal: d.personal === true || d.type === 'idNumber',
    ...(d.help !== undefined ? { help: d.help } : {}),
    ...(f.prefill ? { prefill: f.prefill } : {}),
    usedBy: [...f.usedBy],
  };
}

export function toWireForm(service: CatalogService, form: MergedForm): MergedFormWire {
  return {
    kind: form.kind,
    id: form.id,
    title: form.title,
    sections: form.sections.map((s) => ({
      id: s.id,
      title: s.title,
      shared: s.shared,
      appliesTo: [...s.appliesTo],
      fields: s.fields.map((f) => toWireField(service, f)),
    })),
    members: form.members.map((m) => ({ item: m.item, name: m.name, required: m.required, ...(m.includeIf ? { includeIf: m.includeIf } : {}) })),
  };
}

function department(service: CatalogService, id: string) {
  const d = service.catalog.department(id);
  if (!d) throw new ContractError('INTERNAL', 'catalog.broken', { detail: `catalogue refers to an unknown department ${id}` });
  return { id: d.id, name: d.name, shortName: d.shortName, phone: d.consultPhone };
}

function itemGuide(service: CatalogService, item: ServiceItem, today: string): ItemGuide {
  const c = service.catalog;
  const due = promisedDate(service.calendar, today, item.promisedLimit);
  const materials = service.formOf('item', item.id)?.materials ?? [];
  return {
    id: item.id,
    name: item.name,
    aliases: item.aliases,
    department: department(service, item.department),
    implementingBody: item.implementingBody.name,
    itemType: c.codeLabel('itemType', item.itemType) ?? item.itemType,
    codes: { basic: item.codes.basic, implementation: item.codes.implementation },
    serviceObjects: item.serviceObjects.map((o) => c.codeLabel('serviceObject', o) ?? o),
    legalLimit: item.legalLimit,
    promisedLimit: item.promisedLimit,
    instant: item.projectType === '1',
    promisedDate: due ? { date: due.date, provisional: due.provisional } : null,
    visitsRequired: item.visitsRequired,
    ...(item.visitReason ? { visitReason: item.visitReason } : {}),
    mostOneVisit: item.mostOneVisit,
    onlineDepth: c.codeLabel('onlineDepthLevel', item.onlineDepth.level) ?? item.onlineDepth.level,
    kiosk: item.kiosk,
    fee: {
      charged: item.fee.charged,
      items: item.fee.items.map((f) => ({ name: f.name, standard: f.standard, basis: f.basis })),
      ...(item.fee.note ? { note: item.fee.note } : {}),
    },
    acceptanceConditions: item.acceptanceConditions,
    materials: materials.map(toWireMaterial),
    process: item.process.map((p) => ({ step: p.step, name: p.name, description: p.description })),
    specialProcedures: item.specialProcedures.map((s) => ({
      name: c.codeLabel('specialProcedureName', s.name) ?? s.name,
      description: s.description,
      maxDays: s.maxDays,
      unit: s.unit,
      countedInLimit: s.countedInLimit,
    })),
    result: { name: item.result.name, eLicense: item.result.eLicense, delivery: item.result.delivery.map((d) => c.codeLabel('deliveryMode', d) ?? d) },
    location: item.location,
    consultation: item.consultation,
    supervision: item.supervision,
    legalBasis: item.legalBasis,
    faq: item.faq ?? [],
  };
}

export function catalogHandlers(getService: () => CatalogService | null, today: () => string = () => localToday()): Pick<Handlers, CatalogMethod> {
  const service = (): CatalogService => {
    const s = getService();
    if (!s) throw new ContractError('NOT_FOUND', 'catalog.notLoaded', { detail: 'no catalogue is loaded' });
    return s;
  };
  return {
    'catalog.home': () => {
      const s = service();
      const file = s.catalog.file;
      const counts = new Map<string, number>();
      for (const i of file.items) counts.set(i.department, (counts.get(i.department) ?? 0) + 1);
      const frequent = [...file.items]
        .filter((i) => i.kiosk.submit)
        .sort((a, b) => (b.popularity ?? 0) - (a.popularity ?? 0))
        .slice(0, FREQUENT_ITEMS);
      return {
        catalogVersion: file.catalogVersion,
        hallName: file.hall.name,
        bundles: file.bundles.map((b) => ({
          id: b.id,
          name: b.name,
          lifeEvent: b.lifeEvent,
          memberCount: b.members.length,
          promisedLimit: b.promisedLimit,
          kioskSubmit: b.kiosk.submit,
        })),
        departments: file.departments
          .filter((d) => (counts.get(d.id) ?? 0) > 0)
          .map((d) => ({ id: d.id, name: d.name, shortName: d.shortName, itemCount: counts.get(d.id) ?? 0 })),
        frequentItems: frequent.map((i) => ({ id: i.id, name: i.name, departmentId: i.department, instant: i.projectType === '1', kioskSubmit: i.kiosk.submit })),
      };
    },
    'catalog.search': ({ query, limit }) => ({
      hits: service()
        .index.search(query, limit ?? 20)
        .map((h) => ({ kind: h.kind, id: h.id, name: h.name, match: h.match, quality: h.quality, matched: h.matched })),
    }),
    'catalog.item': ({ id }) => {
      const s = service();
      const item = s.catalog.item(id);
      if (!item) throw new ContractError('NOT_FOUND', 'catalog.itemNotFound', { detail: `no item ${id}` });
      return itemGuide(s, item, today());
    },
    'catalog.bundle': ({ id }): BundleGuide => {
      const s = service();
      const b = s.catalog.bundle(id);
      const built = s.formOf('bundle', id);
      if (!b || !built) throw new ContractError('NOT_FOUND', 'catalog.bundleNotFound', { detail: `no bundle ${id}` });
      const due = promisedDate(s.calendar, today(), b.promisedLimit);
      return {
        id: b.id,
        name: b.name,
        aliases: b.aliases,
        lifeEvent: b.lifeEvent,
        leadDepartment: department(s, b.leadDepartment),
        partnerDepartments: b.partnerDepartments.map((d) => department(s, d)),
        policyBasis: b.policyBasis,
        conditions: b.conditions,
        members: b.members.map((m) => ({
          item: m.item,
          name: m.name,
          required: m.required,
          ...(m.includeIf ? { includeIf: m.includeIf } : {}),
          promisedWorkdays: m.promisedWorkdays,
        })),
        promisedLimit: b.promisedLimit,
        promisedDate: due ? { date: due.date, provisional: due.provisional } : null,
        visitsRequired: b.visitsRequired,
        mostOneVisit: b.mostOneVisit,
        kiosk: b.kiosk,
        materials: built.materials.map(toWireMaterial),
        ...(b.handout ? { handout: b.handout } : {}),
      };
    },
    'catalog.form': ({ kind, id }) => {
      const s = service();
      const built = s.formOf(kind, id);
      if (!built) throw new ContractError('NOT_FOUND', 'catalog.formNotFound', { detail: `no ${kind} ${id}` });
      return toWireForm(s, built.form);
    },
  };
}
