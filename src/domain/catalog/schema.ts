// Shape of a hall catalogue file (domain.md §11). Structure only; cross-references and code rules are
// checked by validate.ts so that every problem can be reported at once.
import { z } from 'zod';

const Id = z.string().min(1).max(64);
const Text = z.string().min(1).max(2000);
const CodeMap = z.record(z.string(), z.string());

export const TimeLimit = z.object({
  value: z.number().int().min(0).nullable(),
  unit: z.enum(['workday', 'day']),
  note: z.string().optional(),
});
export type TimeLimit = z.infer<typeof TimeLimit>;

export type Condition =
  | { field: string; equals: string }
  | { field: string; in: string[] }
  | { all: Condition[] }
  | { any: Condition[] }
  | { expr: string; text: string };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ field: Id, equals: z.string() }).strict(),
    z.object({ field: Id, in: z.array(z.string()).min(1) }).strict(),
    z.object({ all: z.array(Condition).min(1) }).strict(),
    z.object({ any: z.array(Condition).min(1) }).strict(),
    z.object({ expr: Text, text: Text }).strict(),
  ]),
);

export const FieldType = z.enum([
  'text', 'textarea', 'idNumber', 'mobile', 'uscc', 'number', 'date', 'datetime',
  'select', 'radio', 'checkbox', 'consent', 'computed',
]);
export type FieldType = z.infer<typeof FieldType>;

export const FieldOption = z.object({ value: z.string(), label: z.string() });

export const FieldDef = z.object({
  id: Id,
  label: Text,
  type: FieldType,
  required: z.boolean().optional(),
  requiredIf: Condition.optional(),
  options: z.array(FieldOption).optional(),
  optionsRef: z.string().optional(),
  pattern: z.string().optional(),
  checksum: z.enum(['ISO7064_MOD11_2', 'GB32100']).optional(),
  crossChecks: z.array(z.string()).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  step: z.number().optional(),
  minSelected: z.number().int().optional(),
  maxLength: z.number().int().positive().optional(),
  notAfter: z.string().optional(),
  notBefore: z.string().optional(),
  withinDaysBefore: z.number().int().positive().optional(),
  rule: z.string().optional(),
  prefill: z.object({ device: z.literal('idcard'), role: Id, field: Id }).optional(),
  personal: z.boolean().optional(),
  help: z.string().optional(),
});
export type FieldDef = z.infer<typeof FieldDef>;

export const Acquisition = z.enum(['submit', 'eLicense', 'dataSharing', 'promise', 'producedInBundle', 'generatedByForm']);
export type Acquisition = z.infer<typeof Acquisition>;
export const Necessity = z.enum(['required', 'conditional', 'tolerant']);
export type Necessity = z.infer<typeof Necessity>;

export const Copies = z.object({ original: z.number().int().min(0), copy: z.number().int().min(0) });
export type Copies = z.infer<typeof Copies>;
export const Tolerance = z.object({ promiseWorkdays: z.number().int().positive(), note: z.string() });

export const ItemMaterial = z.object({
  id: Id,
  sharedMaterialId: Id,
  name: Text,
  holder: Id,
  copies: Copies,
  medium: z.string(),
  pageSpec: z.string().optional(),
  necessity: Necessity,
  condition: Condition.optional(),
  tolerance: Tolerance.optional(),
  sourceChannel: z.string(),
  acquisition: z.array(Acquisition).min(1),
  note: z.string().optional(),
  acceptStandard: z.string().optional(),
  basis: z.string().optional(),
});
export type ItemMaterial = z.infer<typeof ItemMaterial>;

export const ServiceItem = z.object({
  id: Id,
  name: Text,
  aliases: z.array(z.string()),
  department: Id,
  implementingBody: z.object({ name: Text, uscc: z.string(), nature: z.string() }),
  codes: z.object({
    basic: z.string(),
    implementation: z.string(),
    handleItems: z.array(z.object({ code: z.string(), name: Text })).optional(),
  }),
  itemType: z.string(),
  useLevel: z.string(),
  serviceObjects: z.array(z.string()).min(1),
  themes: z.object({ person: z.array(z.string()).optional(), corp: z.array(z.string()).optional() }),
  legalLimit: TimeLimit,
  promisedLimit: TimeLimit,
  projectType: z.string(),
  visitsRequired: z.number().int().min(0),
  visitReason: z.string().optional(),
  mostOneVisit: z.boolean(),
  handleForms: z.array(z.string()),
  onlineDepth: z.object({ level: z.enum(['I', 'II', 'III', 'IV']), steps: z.array(z.string()) }),
  kiosk: z.object({ submit: z.boolean(), printReceipt: z.boolean(), note: z.string().optional() }),
  fee: z.object({
    charged: z.boolean(),
    items: z.array(
      z.object({
        name: Text,
        standard: z.string(),
        basis: z.string(),
        reducible: z.boolean(),
        reductionBasis: z.string().optional(),
      }),
    ),
    note: z.string().optional(),
  }),
  acceptanceConditions: z.array(z.string()),
  materials: z.array(ItemMaterial),
  process: z.array(
    z.object({ step: z.number().int(), name: Text, description: z.string(), limit: TimeLimit.optional() }),
  ),
  specialProcedures: z.array(
    z.object({
      kind: z.string(),
      name: z.string(),
      description: z.string(),
      maxDays: z.number().int().min(0),
      unit: z.enum(['workday', 'day']),
      countedInLimit: z.boolean(),
    }),
  ),
  result: z.object({ type: z.string(), name: z.string(), eLicense: z.boolean(), delivery: z.array(z.string()) }),
  location: z.object({ address: z.string(), window: z.string(), hours: z.string() }),
  consultation: z.object({ phone: z.string(), window: z.string(), online: z.string() }),
  supervision: z.object({ phone: z.string(), hotline: z.string() }),
  legalBasis: z.array(z.object({ title: Text, provision: z.string() })),
  formFieldIds: z.array(Id),
  flags: z.object({
    appointment: z.boolean(),
    payOnline: z.boolean(),
    express: z.boolean(),
    selfServiceTerminal: z.boolean(),
  }),
  produces: z.object({ materials: z.array(z.string()).optional(), fields: z.array(Id).optional() }).optional(),
  faq: z.array(z.object({ q: z.string(), a: z.string() })).optional(),
  note: z.string().optional(),
  /** Not in the sample: how often citizens use it, for ranking (sync can update it). */
  popularity: z.number().min(0).optional(),
});
export type ServiceItem = z.infer<typeof ServiceItem>;

export const FieldMapTarget = z.union([Id, z.object({ field: Id, transform: z.enum(['datePart']) })]);
export type FieldMapTarget = z.infer<typeof FieldMapTarget>;

export const BundleMember = z.object({
  item: Id,
  name: Text,
  required: z.boolean(),
  includeIf: Condition.optional(),
  dependsOn: z.array(Id),
  roles: z.record(z.string(), z.string()).optional(),
  fieldMap: z.record(z.string(), FieldMapTarget).optional(),
  notApplicableMaterials: z.array(Id).optional(),
  notApplicableReason: z.string().optional(),
  promisedWorkdays: z.number().int().min(0),
});
export type BundleMember = z.infer<typeof BundleMember>;

/** The generator's pre-computed form and material list are kept to cross-check our own construction. */
export const PublishedSection = z.object({
  id: Id,
  title: Text,
  shared: z.boolean(),
  appliesTo: z.array(z.string()),
  fields: z.array(z.object({ field: Id, usedBy: z.array(z.string()), required: z.boolean() })),
});

export const Bundle = z.object({
  id: Id,
  name: Text,
  aliases: z.array(z.string()),
  lifeEvent: z.string(),
  nationalKeyItem: z.string().nullable().optional(),
  leadDepartment: Id,
  partnerDepartments: z.array(Id),
  policyBasis: z.array(z.string()),
  conditions: z.array(z.string()),
  situations: z.array(z.object({ field: Id, effect: z.string() })),
  members: z.array(BundleMember).min(2),
  promisedLimit: TimeLimit,
  computedCriticalPathWorkdays: z
    .object({ allMembers: z.number().int(), requiredMembersOnly: z.number().int() })
    .optional(),
  visitsRequired: z.number().int().min(0),
  mostOneVisit: z.boolean(),
  kiosk: z.object({ submit: z.boolean(), printReceipt: z.boolean(), note: z.string().optional() }),
  form: z.object({ title: Text, sections: z.array(PublishedSection) }).optional(),
  prefill: z
    .array(z.object({ field: Id, device: z.literal('idcard'), cardHolder: Id, cardField: Id }))
    .optional(),
  materials: z.array(z.object({ key: z.string(), sharedMaterialId: Id, usedBy: z.array(z.string()) }).loose()).optional(),
  handout: z.string().optional(),
  popularity: z.number().min(0).optional(),
});
export type Bundle = z.infer<typeof Bundle>;

const CalendarDay = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), name: z.string() });
export const WorkCalendarData = z.object({
  scope: z.string().optional(),
  rule: z.string().optional(),
  fallbackWhenYearMissing: z.string().optional(),
  legalBasis: z.array(z.string()).optional(),
  dataSource: z.string().optional(),
  years: z.record(
    z.string().regex(/^\d{4}$/),
    z.object({ notice: z.array(z.string()).optional(), offDays: z.array(CalendarDay), adjustedWorkdays: z.array(CalendarDay) }),
  ),
  knownMissingYears: z.array(z.union([z.string(), z.number().int()])).optional(),
  /** Hall-local days (e.g. a minority-nationality festival): closed, or open on a weekend. */
  localOverrides: z
    .array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), working: z.boolean(), name: z.string() }))
    .optional(),
});
export type WorkCalendarData = z.infer<typeof WorkCalendarData>;

export const Department = z.object({
  id: Id,
  name: Text,
  shortName: z.string(),
  uscc: z.string(),
  consultPhone: z.string(),
  supervisePhone: z.string(),
});
export type Department = z.infer<typeof Department>;

export const SharedMaterial = z.object({
  id: Id,
  name: Text,
  sourceChannel: z.string(),
  issuer: z.string().nullable(),
  eLicense: z.boolean(),
  dataSharing: z.boolean(),
});
export type SharedMaterial = z.infer<typeof SharedMaterial>;

export const CatalogFile = z.object({
  schemaVersion: z.string().regex(/^1\.\d+\.\d+$/, 'only schema 1.x is understood'),
  catalogVersion: z.string().min(1).max(64),
  generatedAt: z.string(),
  disclaimer: z.string().optional(),
  codeLists: z.record(z.string(), CodeMap),
  hall: z.object({
    code: z.string().regex(/^[A-Z0-9]{2,8}$/),
    name: Text,
    regionCode: z.string().regex(/^\d{6}$/),
    regionName: z.string(),
    address: z.string(),
    openingHours: z.string(),
    selfServiceHours: z.string().optional(),
    phone: z.string(),
    complaintHotline: z.string(),
    windows: z.array(z.object({ no: z.string(), name: z.string(), role: z.string() })),
  }),
  departments: z.array(Department).min(1),
  sharedMaterials: z.array(SharedMaterial),
  fields: z.record(z.string(), FieldDef),
  items: z.array(ServiceItem).min(1),
  bundles: z.array(Bundle),
  workCalendar: WorkCalendarData,
  remedies: z.record(z.string(), z.unknown()).optional(),
});
export type CatalogFile = z.infer<typeof CatalogFile>;
