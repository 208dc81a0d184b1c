// The staff-window wire protocol of the reference platform (/staff/sessions, /staff/window/*): request and
// answer bodies as zod schemas, shared by the platform routes and the workstation's staff client (main/window).
// A window session is scoped to one hall, one window and that window's item categories; every action is
// recorded with the staff number and the window.
import { z } from 'zod';
import { WINDOW_ACTIONS } from '../domain/application/window-actions';
import { ApplicationStatus, HallId, Sha256Hex, Timestamp } from './sync-protocol';

export const StaffNumber = z.string().regex(/^[0-9A-Za-z_-]{1,32}$/, 'staff number: letters, digits, - or _');
export const WindowId = z.string().regex(/^[0-9A-Za-z_-]{1,32}$/, 'window id: letters, digits, - or _');
/** 6 to 12 digits: typed on a keypad, long enough that five guesses per five minutes get nowhere. */
export const Pin = z.string().regex(/^\d{6,12}$/, 'PIN is 6 to 12 digits');
/** Department ids (DEP-GA) or item codes (GA-01); '*' for all. */
export const Categories = z.array(z.string().regex(/^(\*|[0-9A-Za-z_-]{1,64})$/)).max(200);

// ---------------------------------------------------------------- administration

export const WindowDefinition = z.object({ hallId: HallId, windowId: WindowId, name: z.string().min(1).max(100), categories: Categories });
export type WindowDefinition = z.infer<typeof WindowDefinition>;

export const StaffAccountRequest = z.object({ hallId: HallId, staffNumber: StaffNumber, name: z.string().min(1).max(100), pin: Pin });

// ---------------------------------------------------------------- sign-in

export const SignInRequest = z.object({ hallId: HallId, windowId: WindowId, staffNumber: StaffNumber, pin: z.string().min(1).max(64) });
export type SignInRequest = z.infer<typeof SignInRequest>;

export const WindowInfo = z.object({ windowId: WindowId, name: z.string(), categories: Categories });
export type WindowInfo = z.infer<typeof WindowInfo>;

export const SignInResponse = z.object({
  /** Bearer token for /staff/window/*; shown once, stored by hash. */
  token: z.string().regex(/^sess_[A-Za-z0-9_-]{20,100}$/),
  expiresAt: Timestamp,
  staff: z.object({ staffNumber: StaffNumber, name: z.string() }),
  window: WindowInfo,
  hallId: HallId,
});
export type SignInResponse = z.infer<typeof SignInResponse>;

// ---------------------------------------------------------------- applications as a window sees them

export const ApplicationEvent = z.object({ status: ApplicationStatus, at: z.string(), note: z.string().nullable(), source: z.string() });

export const SpecialProcedureRecord = z.object({
  kind: z.string(),
  name: z.string(),
  limit: z.object({ value: z.number().int().min(0), unit: z.enum(['workday', 'day']) }),
  countedInLimit: z.boolean(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
});
export type SpecialProcedureRecord = z.infer<typeof SpecialProcedureRecord>;

export const WindowApplicationSummary = z.object({
  applicationId: z.string(),
  trackingNumber: z.string(),
  itemCode: z.string(),
  department: z.string(),
  status: ApplicationStatus,
  submittedAt: z.string(),
  /** Masked (张*, 4301**********1234); the full values only through the audited reveal. */
  applicantName: z.string(),
  applicantIdNumber: z.string(),
  complete: z.boolean(),
  events: z.array(ApplicationEvent),
  specialProcedures: z.array(SpecialProcedureRecord),
});
export type WindowApplicationSummary = z.infer<typeof WindowApplicationSummary>;

export const WindowQueueResponse = z.object({ applications: z.array(WindowApplicationSummary), serverTime: Timestamp });
export type WindowQueueResponse = z.infer<typeof WindowQueueResponse>;

export const AgentRecord = z.object({ name: z.string(), idNumber: z.string(), recordedAt: z.string(), recordedBy: z.string() });

export const DeliveryRecord = z.object({
  method: z.enum(['collect', 'mail']),
  collector: z.enum(['applicant', 'agent']).nullable(),
  collectorName: z.string().nullable(),
  collectorIdNumber: z.string().nullable(),
  mailTracking: z.string().nullable(),
  staffNumber: z.string(),
  windowId: z.string(),
  at: z.string(),
});
export type DeliveryRecord = z.infer<typeof DeliveryRecord>;

export const WindowApplicationDetail = WindowApplicationSummary.extend({
  form: z.record(z.string(), z.unknown()),
  blobs: z.array(z.object({ sha256: Sha256Hex, material: z.string(), mediaType: z.string(), size: z.number().int(), complete: z.boolean() })),
  agents: z.array(AgentRecord),
  delivery: DeliveryRecord.nullable(),
});
export type WindowApplicationDetail = z.infer<typeof WindowApplicationDetail>;

export const RevealResponse = z.object({ applicantName: z.string(), applicantIdNumber: z.string(), applicantPhone: z.string().nullable() });
export type RevealResponse = z.infer<typeof RevealResponse>;

export const FindRequest = z.union([
  z.object({ trackingNumber: z.string().min(1).max(64) }),
  z.object({ idNumber: z.string().min(15).max(18) }),
]);
export type FindRequest = z.infer<typeof FindRequest>;
export const FindResponse = z.object({ applications: z.array(WindowApplicationSummary) });

// ---------------------------------------------------------------- actions

export const SpecialProcedureRequest = z.object({
  kind: z.string().min(1).max(16),
  name: z.string().min(1).max(100),
  limit: z.object({ value: z.number().int().min(0).max(365), unit: z.enum(['workday', 'day']) }),
  countedInLimit: z.boolean(),
});

export const ActionRequest = z.object({
  action: z.enum(WINDOW_ACTIONS).exclude(['handout']),
  /** The status the staff member saw; a different one means another window acted first (409). */
  expectedStatus: ApplicationStatus,
  reason: z.string().max(2000).optional(),
  special: SpecialProcedureRequest.optional(),
  /** Idempotency: the same key applied twice (a retried request) answers the first result. */
  requestId: z.string().min(8).max(64),
});
export type ActionRequest = z.infer<typeof ActionRequest>;

export const Collector = z.object({ name: z.string().min(1).max(100), idNumber: z.string().min(15).max(18) });

export const HandoutRequest = z.discriminatedUnion('method', [
  z.object({ method: z.literal('collect'), collector: Collector, expectedStatus: ApplicationStatus, requestId: z.string().min(8).max(64) }),
  z.object({ method: z.literal('mail'), mailTracking: z.string().regex(/^[0-9A-Za-z-]{6,40}$/), expectedStatus: ApplicationStatus, requestId: z.string().min(8).max(64) }),
]);
export type HandoutRequest = z.infer<typeof HandoutRequest>;

export const AgentRequest = Collector;

export const ActionResponse = z.object({
  status: ApplicationStatus,
  steps: z.array(z.object({ from: ApplicationStatus, to: ApplicationStatus })),
  at: Timestamp,
  /** For a hand-out: who collected (applicant or a recorded agent). */
  collector: z.enum(['applicant', 'agent']).nullable().optional(),
});
export type ActionResponse = z.infer<typeof ActionResponse>;

export const AuditRequest = z.object({
  action: z.enum(['print', 'print.failed', 'lock', 'unlock', 'signout', 'evaluation.requested', 'find']),
  applicationId: z.string().max(128).optional(),
  detail: z.record(z.string(), z.union([z.string().max(200), z.number(), z.boolean()])).optional(),
});

// ---------------------------------------------------------------- errors

export const staffErrorCodes = [
  'BAD_REQUEST',
  'WRONG_PIN',
  'LOCKED',
  'UNKNOWN_WINDOW',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'REASON_REQUIRED',
  'IDENTITY_MISMATCH',
  'INTERNAL',
] as const;
export const StaffErrorCode = z.enum(staffErrorCodes);
export type StaffErrorCode = z.infer<typeof StaffErrorCode>;

export const StaffErrorBody = z.object({
  error: z.object({
    code: StaffErrorCode,
    message: z.string(),
    attemptsLeft: z.number().int().min(0).optional(),
    lockedUntil: Timestamp.optional(),
    /** On CONFLICT: what the application is now and who moved it last (staff number and window, never a name). */
    current: z.object({ status: ApplicationStatus, at: z.string().nullable(), by: z.string().nullable() }).optional(),
  }),
});
export type StaffErrorBody = z.infer<typeof StaffErrorBody>;
