import { z } from 'zod';
import { event, method } from '../define';
import { Empty } from '../empty';
import { ContractErrorShape, IssueShape } from '../errors';
import { AddPageInput, ApplicationInput, FieldProblem, PageCount, RemovePageInput, FormValuesWire, PrecheckWire, Subject } from './application';
import { CardDetails, CardHolder } from './session';

// The staff window workstation (综合窗口, profile `window`). The renderer never talks to the platform: the
// main process holds the staff session and answers these calls, from the platform when it is reachable and
// from the last synced copy (marked stale) when it is not. Applicants are masked until revealed.

const roles = ['window'] as const;

export const WindowActionName = z.enum(['accept', 'supplement', 'reject', 'special', 'endSpecial', 'handout']);
export type WindowActionName = z.infer<typeof WindowActionName>;

export const WindowTimeLimit = z.object({
  clock: z.enum(['notice', 'promise', 'special', 'delivery', 'none']),
  due: z.string().nullable(),
  provisional: z.boolean(),
  state: z.enum(['normal', 'warning', 'overdue']).nullable(),
  workingDaysLeft: z.number().int().nullable(),
});
export type WindowTimeLimit = z.infer<typeof WindowTimeLimit>;

export const WindowStaff = z.object({ staffNumber: z.string(), staffName: z.string(), windowId: z.string(), windowName: z.string(), categories: z.array(z.string()) });
export type WindowStaff = z.infer<typeof WindowStaff>;

export const WindowState = z.object({
  /** False when this workstation has no platform or window configured (set by the technician). */
  configured: z.boolean(),
  windowId: z.string().nullable(),
  session: WindowStaff.nullable(),
  /** Idle lock: the session lives on, the screen needs the PIN again. */
  locked: z.boolean(),
  platform: z.enum(['online', 'offline', 'unknown']),
  /** Actions taken offline, waiting to be applied in order. */
  pendingActions: z.number().int().min(0),
  lastSyncAt: z.string().nullable(),
  idleLockMs: z.number().int().positive(),
  /** Offline actions the platform refused on return because another window acted first. */
  replayConflicts: z.array(z.object({ trackingNumber: z.string(), action: z.string(), status: z.string(), by: z.string().nullable() })),
});
export type WindowState = z.infer<typeof WindowState>;

export const WindowQueueEntry = z.object({
  applicationId: z.string(),
  trackingNumber: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  /** Department id (DEP-GA) and its name. */
  department: z.string(),
  departmentName: z.string(),
  status: z.string(),
  submittedAt: z.string(),
  /** Masked (张*, 4301**********1234). */
  applicantName: z.string(),
  applicantIdNumber: z.string(),
  complete: z.boolean(),
  deadline: WindowTimeLimit,
  actions: z.array(WindowActionName),
  /** An action taken offline is waiting for the platform. */
  pending: z.boolean(),
});
export type WindowQueueEntry = z.infer<typeof WindowQueueEntry>;

export const WindowQueueResult = z.object({
  applications: z.array(WindowQueueEntry),
  /** True when the platform could not be reached and this is the last synced copy. */
  stale: z.boolean(),
  syncedAt: z.string().nullable(),
});
export type WindowQueueResult = z.infer<typeof WindowQueueResult>;

export const WindowFormValue = z.object({ fieldId: z.string(), label: z.string(), value: z.string(), personal: z.boolean(), masked: z.boolean() });
export const WindowMaterialView = z.object({
  key: z.string(),
  name: z.string(),
  necessity: z.string(),
  pages: z.array(z.object({ sha256: z.string(), mediaType: z.string(), size: z.number().int(), complete: z.boolean() })),
  /** Walk-in intake: the original was checked on paper at the window (no pages). */
  checkedOriginal: z.boolean().optional(),
});

/** The form value a walk-in records its materials checked on paper under (material keys; no personal data). */
export const ORIGINALS_CHECKED = 'window.originalsChecked';
export type WindowMaterialView = z.infer<typeof WindowMaterialView>;

export const WindowSpecialOption = z.object({ kind: z.string(), name: z.string(), description: z.string(), maxDays: z.number().int(), unit: z.enum(['workday', 'day']), countedInLimit: z.boolean() });
export type WindowSpecialOption = z.infer<typeof WindowSpecialOption>;

export const WindowApplicationView = WindowQueueEntry.extend({
  revealed: z.boolean(),
  applicantPhone: z.string().nullable(),
  form: z.array(z.object({ title: z.string(), fields: z.array(WindowFormValue) })),
  materials: z.array(WindowMaterialView),
  precheck: z.object({
    ok: z.boolean(),
    /** `subject` is the field label or material name; the window words each problem by `kind` and `reason` (message: the printed notice's). */
    problems: z.array(
      z.object({
        kind: z.string(),
        subject: z.string(),
        reason: IssueShape.shape.reason,
        params: IssueShape.shape.params,
        message: z.string(),
        blocking: z.boolean(),
        needed: z.number().int().optional(),
        got: z.number().int().optional(),
      }),
    ),
  }),
  history: z.array(z.object({ status: z.string(), at: z.string(), note: z.string().nullable(), by: z.string() })),
  specialOptions: z.array(WindowSpecialOption),
  specialProcedures: z.array(z.object({ name: z.string(), startedAt: z.string(), endedAt: z.string().nullable(), limit: z.string() })),
  agents: z.array(z.object({ name: z.string(), idNumber: z.string() })),
  delivery: z.object({ method: z.enum(['collect', 'mail']), collector: z.string().nullable(), mailTracking: z.string().nullable(), at: z.string() }).nullable(),
  stale: z.boolean(),
});
export type WindowApplicationView = z.infer<typeof WindowApplicationView>;

export const WindowSignInResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), state: WindowState }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(['wrong-pin', 'locked', 'unreachable', 'not-configured', 'unknown-window']),
    attemptsLeft: z.number().int().optional(),
    lockedUntil: z.string().optional(),
  }),
]);
export type WindowSignInResult = z.infer<typeof WindowSignInResult>;

export const WindowSupplementIssue = z.object({
  material: z.string().min(1).max(120),
  problem: z.enum(['missing', 'incorrect']),
  detail: z.string().max(300),
  whereToGet: z.string().max(200),
});
export type WindowSupplementIssue = z.infer<typeof WindowSupplementIssue>;

export const WindowActInput = z
  .object({
    applicationId: z.string().min(1).max(128),
    action: WindowActionName.exclude(['handout']),
    /** The status the staff member saw; another window acting first turns this into a conflict. */
    expectedStatus: z.string().min(1).max(40),
    reason: z.string().max(2000).optional(),
    /** 补正: every problem at once; they go on the one-time notice. */
    issues: z.array(WindowSupplementIssue).max(40).optional(),
    /** 特别程序: which of the item's procedures. */
    specialKind: z.string().max(60).optional(),
  })
  .strict();
export type WindowActInput = z.infer<typeof WindowActInput>;

export const WindowActResult = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('done'), status: z.string(), printed: z.enum(['printed', 'failed', 'none']), promisedDate: z.string().nullable() }),
  /** Offline: kept and applied in order when the platform is back; notices print then. */
  z.object({ outcome: z.literal('queued'), pendingActions: z.number().int() }),
  /** Another window acted first; nothing changed here. */
  z.object({ outcome: z.literal('conflict'), status: z.string(), by: z.string().nullable(), at: z.string().nullable() }),
  /** The screen words `reason` (error-reasons.ts); `message` is the developer's detail (the platform's code), never shown. */
  z.object({
    outcome: z.literal('refused'),
    code: z.enum(['forbidden', 'reason-required', 'identity-mismatch', 'no-card', 'session-ended', 'offline', 'bad-request']),
    reason: ContractErrorShape.shape.reason,
    message: z.string(),
  }),
]);
export type WindowActResult = z.infer<typeof WindowActResult>;

/** Walk-in intake (现场受理): the application as the kiosk's, plus the materials staff checked on paper. */
export const WalkInInput = ApplicationInput.extend({
  /** Materials whose originals staff checked on paper at the window (no capture needed). */
  paper: z.array(z.string().min(1).max(128)).max(50).default([]),
}).strict();
export type WalkInInput = z.input<typeof WalkInInput>;

export const WalkInResult = z.object({
  applicationId: z.string(),
  trackingNo: z.string(),
  /** Accepted on the spot; on the platform once sync has pushed it (queued while offline). */
  status: z.literal('accepted'),
  promisedDate: z.string().nullable(),
  items: z.array(z.string()),
  /** The 受理通知书. */
  printed: z.enum(['printed', 'failed']),
});
export type WalkInResult = z.infer<typeof WalkInResult>;

export const windowMethods = {
  'window.state': method({ description: 'Workstation state: configured window, staff session, lock, platform reachability, pending actions.', roles, input: Empty, output: WindowState }),
  'window.signIn': method({
    description: 'Sign a staff member in with staff number and PIN (checked by the platform; lockout after 5 failures).',
    roles,
    input: z.object({ staffNumber: z.string().min(1).max(32), pin: z.string().min(1).max(12) }).strict(),
    output: WindowSignInResult,
  }),
  'window.signOut': method({ description: 'End the staff session.', roles, input: Empty, output: WindowState }),
  'window.lock': method({ description: 'Lock the screen now (also happens after idle).', roles, input: Empty, output: WindowState }),
  'window.unlock': method({
    description: 'Unlock with the signed-in staff member’s PIN (checked locally, works offline).',
    roles,
    input: z.object({ pin: z.string().min(1).max(12) }).strict(),
    output: z.object({ ok: z.boolean(), state: WindowState }),
  }),
  'window.dismissConflicts': method({ description: 'The staff member has read the replay conflicts.', roles, input: Empty, output: WindowState }),
  'window.activity': method({ description: 'The staff member is active (resets the idle lock timer).', roles, input: Empty, output: z.object({ ok: z.literal(true) }) }),
  'window.queue': method({ description: 'Open applications of this window’s categories, most urgent first.', roles, input: Empty, output: WindowQueueResult }),
  'window.find': method({
    description: 'Find applications by tracking number (typed or a scanned receipt QR) or by the ID card on the reader.',
    roles,
    input: z.discriminatedUnion('by', [z.object({ by: z.literal('tracking'), text: z.string().min(1).max(4096) }).strict(), z.object({ by: z.literal('card') }).strict()]),
    output: z.object({ applications: z.array(WindowQueueEntry), stale: z.boolean(), reason: z.enum(['ok', 'no-card', 'bad-code']) }),
  }),
  'window.application': method({ description: 'One application as the window sees it.', roles, input: z.object({ applicationId: z.string().min(1).max(128) }).strict(), output: WindowApplicationView }),
  'window.reveal': method({ description: 'Show the applicant unmasked (audited on the platform).', roles, input: z.object({ applicationId: z.string().min(1).max(128) }).strict(), output: WindowApplicationView }),
  'window.material': method({
    description: 'One captured material as page images (fetched through the main process from the platform; a PDF is split into its pages).',
    roles,
    input: z.object({ applicationId: z.string().min(1).max(128), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    output: z.object({ pages: z.array(z.object({ mediaType: z.enum(['image/jpeg', 'image/png']), base64: z.string() })), unsupported: z.boolean() }),
  }),
  'window.act': method({ description: 'Accept, return for supplement, reject, start or end a special procedure; prints the notice.', roles, input: WindowActInput, output: WindowActResult }),
  'window.recordAgent': method({
    description: 'Record the ID card on the reader as an agent allowed to collect the result (委托代领).',
    roles,
    input: z.object({ applicationId: z.string().min(1).max(128) }).strict(),
    output: z.object({ ok: z.boolean(), reason: z.enum(['ok', 'no-card', 'offline', 'refused']) }),
  }),
  'window.handout': method({
    description: 'Hand out a result: the collector’s ID card is checked against the applicant or a recorded agent; or record mail delivery. Prints a delivery slip.',
    roles,
    input: z
      .discriminatedUnion('method', [
        z.object({ method: z.literal('collect'), applicationId: z.string().min(1).max(128), expectedStatus: z.string().max(40) }).strict(),
        z.object({ method: z.literal('mail'), applicationId: z.string().min(1).max(128), expectedStatus: z.string().max(40), mailTracking: z.string().regex(/^[0-9A-Za-z-]{6,40}$/) }).strict(),
      ]),
    output: WindowActResult,
  }),
  'window.walkin.begin': method({
    description: 'Walk-in intake: staff start an application for the citizen at the window (an item or bundle of this window’s categories); a fresh intake session.',
    roles,
    input: z.object({ subject: Subject }).strict(),
    output: z.object({ subject: Subject, name: z.string() }),
  }),
  'window.walkin.useCard': method({
    description: 'Walk-in intake: binds the ID card on the window’s reader to a card holder of the form and returns its details for pre-fill.',
    roles,
    input: z.object({ holder: CardHolder }).strict(),
    output: CardDetails,
  }),
  'window.walkin.check': method({
    description: 'Walk-in intake: checks the given fields of the merged form (the kiosk’s checks).',
    roles,
    input: z.object({ subject: Subject, values: FormValuesWire, fields: z.array(z.string().min(1).max(64)).max(300) }).strict(),
    output: z.object({ problems: z.array(FieldProblem), includedMembers: z.array(z.string()) }),
  }),
  'window.walkin.addPage': method({
    description: 'Walk-in intake: one page of a material captured with the window’s document camera (JPEG ≤ 1.5 MB, base64), held with the intake until submission.',
    roles,
    input: AddPageInput,
    output: PageCount,
  }),
  'window.walkin.removePage': method({ description: 'Walk-in intake: drops one captured page of a material (retake or delete).', roles, input: RemovePageInput, output: PageCount }),
  'window.walkin.precheck': method({ description: 'Walk-in intake: the pre-check of the whole application, materials checked on paper counted.', roles, input: WalkInInput, output: PrecheckWire }),
  'window.walkin.submit': method({
    description: 'Walk-in intake: re-validates, records the application with its outbox operation, accepts it on the spot (受理, queued to the platform) and prints the 受理通知书.',
    roles,
    input: WalkInInput,
    output: WalkInResult,
  }),
  'window.walkin.cancel': method({ description: 'Walk-in intake: forget the card, values and pages of the intake in progress.', roles, input: Empty, output: z.object({ ended: z.boolean() }) }),
} as const;

export const windowEvents = {
  'window.state': event({ description: 'The workstation state changed (signed in/out, locked, platform reachability, pending actions).', payload: WindowState }),
  'window.queueChanged': event({ description: 'The window queue may have changed; call window.queue.', payload: z.object({ reason: z.enum(['action', 'sync', 'replayed', 'conflict']) }) }),
} as const;
