// The citizen's application at the kiosk: per-page field checks, material pages, pre-check, one-time
// notice, submission with receipt, and the progress query. Every decision is re-made on the privileged
// side from the session's cards and pages; the renderer's values are input, never trusted.
import { z } from 'zod';
import { method } from '../define';
import { IssueShape } from '../errors';
import { PrintOutcome } from '../../kernel/receipt';

const Id = z.string().min(1).max(64);
const Key = z.string().min(1).max(128);

export const Subject = z.object({ kind: z.enum(['item', 'bundle']), id: Id }).strict();
export type Subject = z.infer<typeof Subject>;

export const FormValueWire = z.union([z.string().max(500), z.boolean(), z.array(z.string().max(100)).max(50), z.null()]);
export type FormValueWire = z.infer<typeof FormValueWire>;

export const FormValuesWire = z
  .record(z.string().min(1).max(64), FormValueWire)
  .refine((v) => Object.keys(v).length <= 300, 'too many fields');
export type FormValuesWire = z.infer<typeof FormValuesWire>;

/** One problem with one field, for the error summary and the message beside the field: the screen words `reason`. */
export const FieldProblem = z.object({ field: z.string(), reason: IssueShape.shape.reason, params: IssueShape.shape.params });
export type FieldProblem = z.infer<typeof FieldProblem>;

export const PrecheckProblemWire = z.object({
  kind: z.enum(['missing-field', 'invalid-value', 'rule-failed', 'missing-material', 'too-few-pages', 'promise-needed', 'original-check']),
  /** The field or the material concerned, so the UI can link to the page that fixes it. */
  field: z.string().optional(),
  material: z.string().optional(),
  /** What the screen words, in the person's language, next to the field label or material name. */
  reason: IssueShape.shape.reason,
  params: IssueShape.shape.params,
  blocking: z.boolean(),
});
export type PrecheckProblemWire = z.infer<typeof PrecheckProblemWire>;

export const PrecheckWire = z.object({
  ok: z.boolean(),
  includedMembers: z.array(z.string()),
  problems: z.array(PrecheckProblemWire),
});
export type PrecheckWire = z.infer<typeof PrecheckWire>;

/** A QR code as modules (row-major '1'/'0'), drawn by the UI as SVG: no image decoding, no data URLs. */
export const QrMatrix = z.object({ size: z.number().int().min(21).max(177), modules: z.string().regex(/^[01]+$/) });
export type QrMatrix = z.infer<typeof QrMatrix>;

/** What happened to a printed document; when not printed, what the screen shows instead. */
export const PrintResult = z.object({
  outcome: PrintOutcome,
  fallback: z
    .object({
      trackingNumber: z.string(),
      qr: QrMatrix,
      message: z.object({ zh: z.string(), en: z.string() }),
    })
    .nullable(),
});
export type PrintResult = z.infer<typeof PrintResult>;

/** The application as the citizen's answer: values, 容缺 promises and which materials come by data sharing. */
export const ApplicationInput = z
  .object({
    subject: Subject,
    values: FormValuesWire,
    /** 容缺 materials the citizen promises to bring later (written promise on the receipt). */
    promised: z.array(Key).max(50).default([]),
  })
  .strict();
export type ApplicationInput = z.input<typeof ApplicationInput>;

export const Submitted = z.object({
  /** For the 好差评 of this submission (evaluation.submit). */
  applicationId: z.string(),
  trackingNo: z.string(),
  submittedAt: z.string(),
  promisedDate: z.string().nullable(),
  promisedProvisional: z.boolean(),
  /** Item names in this submission (one for an item, the included members for a bundle). */
  items: z.array(z.string()),
  receipt: PrintResult,
});
export type Submitted = z.infer<typeof Submitted>;

export const ProgressEntry = z.object({
  trackingNo: z.string(),
  name: z.string(),
  kind: z.enum(['item', 'bundle']),
  state: z.string(),
  submittedAt: z.string(),
  promisedDate: z.string().nullable(),
});
export type ProgressEntry = z.infer<typeof ProgressEntry>;

/** Largest JPEG page accepted (the camera caps pages at 1.5 MB); base64 is 4/3 of it. */
export const MAX_PAGE_BYTES = 1_500_000;

/** One captured page of a material (the kiosk's and the window's walk-in intake). */
export const AddPageInput = z.object({ material: Key, jpeg: z.string().min(4).max(Math.ceil((MAX_PAGE_BYTES * 4) / 3) + 4) }).strict();
export const RemovePageInput = z.object({ material: Key, index: z.number().int().min(0).max(99) }).strict();
export const PageCount = z.object({ material: z.string(), pages: z.number().int() });

const kiosk = ['kiosk'] as const;

export const applicationMethods = {
  'application.check': method({
    description: 'Checks the fields of one form page (plain-language message per field); values of earlier pages inform cross-checks.',
    input: z.object({ subject: Subject, values: FormValuesWire, fields: z.array(z.string().min(1).max(64)).max(100) }).strict(),
    /** includedMembers: the bundle members the answers so far include (their sections are asked). */
    output: z.object({ problems: z.array(FieldProblem), includedMembers: z.array(z.string()) }),
    roles: kiosk,
  }),
  'application.addPage': method({
    description: 'One captured page (JPEG ≤ 1.5 MB, base64) of a material, held in the session until submission.',
    input: AddPageInput,
    output: PageCount,
    roles: kiosk,
  }),
  'application.removePage': method({
    description: 'Drops one captured page of a material (retake or delete).',
    input: RemovePageInput,
    output: PageCount,
    roles: kiosk,
  }),
  'application.precheck': method({
    description: 'Pre-check (预审) of the whole application: every missing or wrong field and material at once.',
    input: ApplicationInput,
    output: PrecheckWire,
    roles: kiosk,
  }),
  'application.printNotice': method({
    description: 'Prints the one-time notice (一次性告知书) listing every blocking problem of the pre-check.',
    input: ApplicationInput.extend({ english: z.boolean().optional() }).strict(),
    output: PrintResult,
    roles: kiosk,
  }),
  'application.submit': method({
    description: 'Re-validates, commits the application (and its outbox operation) to the local database, then prints the receipt.',
    input: ApplicationInput.extend({ consent: z.literal(true), english: z.boolean().optional() }).strict(),
    output: Submitted,
    roles: kiosk,
  }),
  'application.reprint': method({
    description: 'Prints the receipt of this session’s submission again (after paper was loaded).',
    input: z.object({ english: z.boolean().optional() }).strict(),
    output: PrintResult,
    roles: kiosk,
  }),
  'input.hanzi': method({
    description: 'Chinese characters for the pinyin typed on the on-screen keyboard (the kiosk has no input method); any window.',
    input: z.object({ pinyin: z.string().regex(/^[a-zA-Z]{1,6}$/) }).strict(),
    output: z.object({ candidates: z.array(z.string()) }),
  }),
  'application.progress': method({
    description: 'Progress query: the applications of the card read in this session, or the one application of a scanned receipt code.',
    input: z.discriminatedUnion('by', [z.object({ by: z.literal('card') }).strict(), z.object({ by: z.literal('code'), text: z.string().min(1).max(200) }).strict()]),
    output: z.object({ applications: z.array(ProgressEntry) }),
    roles: kiosk,
  }),
} as const;
