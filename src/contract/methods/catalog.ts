// Catalogue methods for the citizen UI: home page, search, service guides of items and 一件事 bundles,
// and the one merged form. Wire shapes only; main/handlers/catalog.ts maps the domain model onto them.
import { z } from 'zod';
import { method } from '../define';
import { Empty } from '../empty';

const Id = z.string().min(1).max(64);

export const WireTimeLimit = z.object({
  value: z.number().int().nullable(),
  unit: z.enum(['workday', 'day']),
  note: z.string().optional(),
});

/** A completion date computed from today; provisional when a year had no holiday data (Mon–Fri assumed). */
export const PromisedDate = z.object({ date: z.string(), provisional: z.boolean() });

export type WireCondition =
  | { field: string; equals: string }
  | { field: string; in: string[] }
  | { all: WireCondition[] }
  | { any: WireCondition[] }
  | { expr: string; text: string };
export const WireCondition: z.ZodType<WireCondition> = z.lazy(() =>
  z.union([
    z.object({ field: z.string(), equals: z.string() }),
    z.object({ field: z.string(), in: z.array(z.string()) }),
    z.object({ all: z.array(WireCondition) }),
    z.object({ any: z.array(WireCondition) }),
    z.object({ expr: z.string(), text: z.string() }),
  ]),
);

export const WireDepartment = z.object({ id: z.string(), name: z.string(), shortName: z.string(), phone: z.string() });

export const WireMaterial = z.object({
  key: z.string(),
  name: z.string(),
  holder: z.string(),
  necessity: z.enum(['required', 'conditional', 'tolerant']),
  copies: z.object({ original: z.number().int(), copy: z.number().int() }),
  acquisition: z.array(z.enum(['submit', 'eLicense', 'dataSharing', 'promise', 'producedInBundle', 'generatedByForm'])),
  /** Obtained by e-licence, data sharing, an earlier member, or generated from the form: no paper needed. */
  notNeededOnPaper: z.boolean(),
  producedBy: z.string().optional(),
  /** 容缺: may be missing at submission with a written promise to supply it within this many working days. */
  tolerancePromiseWorkdays: z.number().int().optional(),
  conditions: z.array(z.object({ item: z.string(), condition: WireCondition })),
  whenMemberIncluded: z.array(z.string()).optional(),
  usedBy: z.array(z.string()),
  pageSpec: z.string().optional(),
  /** Pages a capture needs at least (both sides of a card…): what the pre-check holds it to. */
  minPages: z.number().int().min(1),
});
export type WireMaterial = z.infer<typeof WireMaterial>;

export const CatalogHome = z.object({
  catalogVersion: z.string(),
  hallName: z.string(),
  bundles: z.array(
    z.object({ id: z.string(), name: z.string(), lifeEvent: z.string(), memberCount: z.number().int(), promisedLimit: WireTimeLimit, kioskSubmit: z.boolean() }),
  ),
  departments: z.array(z.object({ id: z.string(), name: z.string(), shortName: z.string(), itemCount: z.number().int() })),
  frequentItems: z.array(z.object({ id: z.string(), name: z.string(), departmentId: z.string(), instant: z.boolean(), kioskSubmit: z.boolean() })),
});

export const SearchHitWire = z.object({
  kind: z.enum(['item', 'bundle']),
  id: z.string(),
  name: z.string(),
  match: z.enum(['name', 'alias', 'synonym', 'pinyin', 'initials', 'department']),
  quality: z.enum(['exact', 'prefix', 'substring']),
  matched: z.string(),
});

export const ItemGuide = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  department: WireDepartment,
  implementingBody: z.string(),
  itemType: z.string(),
  codes: z.object({ basic: z.string(), implementation: z.string() }),
  serviceObjects: z.array(z.string()),
  legalLimit: WireTimeLimit,
  promisedLimit: WireTimeLimit,
  instant: z.boolean(),
  promisedDate: PromisedDate.nullable(),
  visitsRequired: z.number().int(),
  visitReason: z.string().optional(),
  mostOneVisit: z.boolean(),
  onlineDepth: z.string(),
  kiosk: z.object({ submit: z.boolean(), printReceipt: z.boolean(), note: z.string().optional() }),
  fee: z.object({
    charged: z.boolean(),
    items: z.array(z.object({ name: z.string(), standard: z.string(), basis: z.string() })),
    note: z.string().optional(),
  }),
  acceptanceConditions: z.array(z.string()),
  materials: z.array(WireMaterial),
  process: z.array(z.object({ step: z.number().int(), name: z.string(), description: z.string() })),
  specialProcedures: z.array(z.object({ name: z.string(), description: z.string(), maxDays: z.number().int(), unit: z.string(), countedInLimit: z.boolean() })),
  result: z.object({ name: z.string(), eLicense: z.boolean(), delivery: z.array(z.string()) }),
  location: z.object({ address: z.string(), window: z.string(), hours: z.string() }),
  consultation: z.object({ phone: z.string(), window: z.string(), online: z.string() }),
  supervision: z.object({ phone: z.string(), hotline: z.string() }),
  legalBasis: z.array(z.object({ title: z.string(), provision: z.string() })),
  faq: z.array(z.object({ q: z.string(), a: z.string() })),
});
export type ItemGuide = z.infer<typeof ItemGuide>;

export const BundleGuide = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  lifeEvent: z.string(),
  leadDepartment: WireDepartment,
  partnerDepartments: z.array(WireDepartment),
  policyBasis: z.array(z.string()),
  conditions: z.array(z.string()),
  members: z.array(
    z.object({ item: z.string(), name: z.string(), required: z.boolean(), includeIf: WireCondition.optional(), promisedWorkdays: z.number().int() }),
  ),
  promisedLimit: WireTimeLimit,
  promisedDate: PromisedDate.nullable(),
  visitsRequired: z.number().int(),
  mostOneVisit: z.boolean(),
  kiosk: z.object({ submit: z.boolean(), printReceipt: z.boolean(), note: z.string().optional() }),
  materials: z.array(WireMaterial),
  handout: z.string().optional(),
});
export type BundleGuide = z.infer<typeof BundleGuide>;

export const WireFormField = z.object({
  id: z.string(),
  label: z.string(),
  type: z.enum(['text', 'textarea', 'idNumber', 'mobile', 'uscc', 'number', 'date', 'datetime', 'select', 'radio', 'checkbox', 'consent', 'computed']),
  required: z.boolean(),
  requiredIf: WireCondition.optional(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  pattern: z.string().optional(),
  maxLength: z.number().int().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  step: z.number().optional(),
  minSelected: z.number().int().optional(),
  notAfter: z.string().optional(),
  notBefore: z.string().optional(),
  crossChecks: z.array(z.string()).optional(),
  /** Personal data: masked in logs, wiped when the session ends. */
  personal: z.boolean(),
  help: z.string().optional(),
  prefill: z.object({ cardHolder: z.string(), cardField: z.string() }).optional(),
  usedBy: z.array(z.string()),
});
export type WireFormField = z.infer<typeof WireFormField>;

export const MergedFormWire = z.object({
  kind: z.enum(['item', 'bundle']),
  id: z.string(),
  title: z.string(),
  sections: z.array(z.object({ id: z.string(), title: z.string(), shared: z.boolean(), appliesTo: z.array(z.string()), fields: z.array(WireFormField) })),
  members: z.array(z.object({ item: z.string(), name: z.string(), required: z.boolean(), includeIf: WireCondition.optional() })),
});
export type MergedFormWire = z.infer<typeof MergedFormWire>;

export const catalogMethods = {
  'catalog.home': method({
    description: 'Home page of the catalogue: 一件事 bundles first, then departments, then frequent items.',
    input: Empty,
    output: CatalogHome,
  }),
  'catalog.search': method({
    description: 'Search items and bundles by Chinese text, pinyin, initials, aliases and synonyms; ranked hits.',
    input: z.object({ query: z.string().max(100), limit: z.number().int().min(1).max(50).optional() }).strict(),
    output: z.object({ hits: z.array(SearchHitWire) }),
  }),
  'catalog.item': method({
    description: 'Full service guide (办事指南) of one item, with the promised completion date from today.',
    input: z.object({ id: Id }).strict(),
    output: ItemGuide,
  }),
  'catalog.bundle': method({
    description: 'Guide of one 一件事 bundle: members, de-duplicated materials, combined promise and date.',
    input: z.object({ id: Id }).strict(),
    output: BundleGuide,
  }),
  'catalog.form': method({
    description: 'The one merged form (一张表) of an item or a bundle.',
    input: z.object({ kind: z.enum(['item', 'bundle']), id: Id }).strict(),
    output: MergedFormWire,
  }),
} as const;
