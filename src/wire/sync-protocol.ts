// The sync protocol between a terminal and the central platform, version 1: every request and response
// body as a zod schema. docs/sync-protocol.md embeds the JSON Schema generated from these (scripts/sync-doc.mjs).
import { z } from 'zod';
import { EVALUATION_CHANNELS, SATISFACTION_LEVELS } from '../domain/application/evaluation';
import { APPLICATION_STATES } from '../domain/application/state-machine';

export const PROTOCOL_VERSION = 1;
export const API_PREFIX = '/v1';

/** Request headers of a signed call (lower case, as Node reports them). */
export const SIGNATURE_HEADERS = {
  terminal: 'x-terminal-id',
  timestamp: 'x-timestamp',
  nonce: 'x-nonce',
  signature: 'x-signature',
  version: 'x-protocol-version',
} as const;

/** A request is accepted only when its timestamp is within this window of the platform's clock. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex sha256');
export const TerminalId = z.string().regex(/^T-[0-9A-Za-z_-]{6,64}$/);
export const HallId = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/);
export const Timestamp = z.iso.datetime({ offset: true });
const Key = z.string().min(1).max(128);

// ---------------------------------------------------------------- enrolment

export const EnrolRequest = z.object({
  code: z.string().regex(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/, 'enrolment code like ABCD-EFGH-JKLM'),
  name: z.string().min(1).max(100),
  version: z.string().min(1).max(50),
});
export type EnrolRequest = z.infer<typeof EnrolRequest>;

export const EnrolResponse = z.object({
  terminalId: TerminalId,
  hallId: HallId,
  /** base64 of 32 random bytes; the HMAC key. Shown once. */
  secret: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  serverTime: Timestamp,
});
export type EnrolResponse = z.infer<typeof EnrolResponse>;

// ---------------------------------------------------------------- operations (outbox → platform)

export const BlobRef = z.object({
  sha256: Sha256Hex,
  size: z.number().int().min(0).max(64 * 1024 * 1024),
  mediaType: z.string().min(1).max(100),
  /** What the material is (material code from the catalogue), never the citizen's file name. */
  material: Key,
});
export type BlobRef = z.infer<typeof BlobRef>;

export const ApplicationSubmitted = z.object({
  applicationId: Key,
  trackingNumber: z.string().min(1).max(64),
  itemCode: Key,
  department: Key,
  submittedAt: Timestamp,
  applicant: z.object({
    name: z.string().min(1).max(100),
    idNumber: z.string().min(1).max(32),
    phone: z.string().max(32).optional(),
  }),
  form: z.record(z.string(), z.unknown()),
  blobs: z.array(BlobRef).max(100),
});
export type ApplicationSubmitted = z.infer<typeof ApplicationSubmitted>;

/** The application (办件) states of src/domain/application/state-machine.ts. */
export const ApplicationStatus = z.enum(APPLICATION_STATES);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** A state change, in the domain's terms: who (never a citizen's name or ID number), when, why. */
export const StatusChanged = z.object({
  applicationId: Key,
  status: ApplicationStatus,
  at: Timestamp,
  actor: z.object({ kind: z.enum(['citizen', 'staff', 'system']), id: z.string().min(1).max(64) }),
  reason: z.string().max(2000).optional(),
});

/** A 好差评 rating. Levels travel as names, never numbers: GB/T 39046 and provincial codes run opposite ways. */
export const EvaluationRecorded = z.object({
  evaluationId: Key,
  applicationId: Key,
  itemCode: Key,
  department: Key,
  /** Window (or staff number) rated; 'kiosk' for a self-service rating. */
  window: Key,
  channel: z.enum(EVALUATION_CHANNELS),
  level: z.enum(SATISFACTION_LEVELS),
  /** 1 = the rating, 2 = the one follow-up (追评). */
  round: z.union([z.literal(1), z.literal(2)]).default(1),
  /** Indicator codes from the central indicator set, and its version. */
  reasons: z.array(Key).max(20).optional(),
  indicatorVersion: z.string().max(32).optional(),
  text: z.string().max(2000).optional(),
  at: Timestamp,
});

export const DeviceHealth = z.object({
  device: Key,
  state: z.enum(['ok', 'degraded', 'offline', 'error']),
  at: Timestamp,
  detail: z.string().max(500).optional(),
});

export const AuditEvent = z.object({
  eventId: Key,
  kind: Key,
  at: Timestamp,
  detail: z.record(z.string(), z.unknown()),
});

export const Operation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('application.submitted'), payload: ApplicationSubmitted }),
  z.object({ kind: z.literal('application.status'), payload: StatusChanged }),
  z.object({ kind: z.literal('evaluation'), payload: EvaluationRecorded }),
  z.object({ kind: z.literal('device.health'), payload: DeviceHealth }),
  z.object({ kind: z.literal('audit'), payload: AuditEvent }),
]);
export type Operation = z.infer<typeof Operation>;
export type OperationKind = Operation['kind'];

/** One outbox row on the wire. opId is per terminal, strictly increasing, never reused. */
export const OpEnvelope = z.intersection(
  z.object({
    opId: z.number().int().positive(),
    /** Application-level idempotency key: the platform applies one key at most once, from any terminal. */
    idempotencyKey: Key,
    /** Ordering key: operations with the same key are applied in opId order. */
    orderingKey: Key.optional(),
  }),
  Operation,
);
export type OpEnvelope = z.infer<typeof OpEnvelope>;

export const PushRequest = z.object({ ops: z.array(OpEnvelope).min(1).max(500) });
export type PushRequest = z.infer<typeof PushRequest>;

export const OpResult = z.object({
  opId: z.number().int().positive(),
  /** applied: took effect now; duplicate: already applied earlier (replay, no-op); rejected: refused for good. */
  status: z.enum(['applied', 'duplicate', 'rejected']),
  code: z.string().optional(),
  message: z.string().optional(),
  /** The platform's own number for the record (办件编号) when it has one; the terminal stores it. */
  ref: z.string().max(64).optional(),
});
export type OpResult = z.infer<typeof OpResult>;

export const PushResponse = z.object({
  results: z.array(OpResult),
  lastOpId: z.number().int().min(0),
});
export type PushResponse = z.infer<typeof PushResponse>;

// ---------------------------------------------------------------- blobs

export const BlobStatus = z.object({
  sha256: Sha256Hex,
  /** Bytes received so far; the next chunk must start here. */
  received: z.number().int().min(0),
  size: z.number().int().min(0).nullable(),
  complete: z.boolean(),
});
export type BlobStatus = z.infer<typeof BlobStatus>;

export const MAX_CHUNK_BYTES = 1024 * 1024;

// ---------------------------------------------------------------- heartbeat

export const HeartbeatRequest = z.object({
  version: z.string().min(1).max(50),
  at: Timestamp,
  devices: z.array(z.object({ device: Key, state: z.enum(['ok', 'degraded', 'offline', 'error']) })).max(50),
  backlog: z.number().int().min(0),
  oldestPendingAgeMs: z.number().int().min(0).nullable(),
  deadLetters: z.number().int().min(0),
});
export type HeartbeatRequest = z.infer<typeof HeartbeatRequest>;

export const HeartbeatResponse = z.object({ serverTime: Timestamp });

// ---------------------------------------------------------------- inbox (platform → terminal)

export const InboxMessage = z.discriminatedUnion('kind', [
  z.object({ seq: z.number().int().positive(), kind: z.literal('catalog.delta'), payload: z.object({ version: z.number().int().positive(), changes: z.array(z.record(z.string(), z.unknown())) }) }),
  z.object({ seq: z.number().int().positive(), kind: z.literal('calendar.update'), payload: z.object({ year: z.number().int(), holidays: z.array(z.string()), workdays: z.array(z.string()) }) }),
  z.object({ seq: z.number().int().positive(), kind: z.literal('application.status'), payload: StatusChanged }),
  z.object({ seq: z.number().int().positive(), kind: z.literal('config'), payload: z.record(z.string(), z.unknown()) }),
]);
export type InboxMessage = z.infer<typeof InboxMessage>;
export type InboxKind = InboxMessage['kind'];

export const InboxResponse = z.object({
  messages: z.array(InboxMessage),
  /** Pass as `after` next time. */
  cursor: z.number().int().min(0),
});
export type InboxResponse = z.infer<typeof InboxResponse>;

export const MAX_LONG_POLL_MS = 25_000;

// ---------------------------------------------------------------- applications read by a terminal

export const ApplicationView = z.object({
  applicationId: Key,
  hallId: HallId,
  trackingNumber: z.string(),
  itemCode: Key,
  status: ApplicationStatus,
  submittedAt: Timestamp,
  /** True once every blob the application references is on the platform and verified. */
  complete: z.boolean(),
  /** Masked (张*, 4301**********1234) unless the caller is staff of the hall. */
  applicantName: z.string(),
  applicantIdNumber: z.string(),
  blobs: z.array(z.object({ sha256: Sha256Hex, material: Key, complete: z.boolean() })),
});
export type ApplicationView = z.infer<typeof ApplicationView>;

// ---------------------------------------------------------------- errors

export const syncErrorCodes = [
  'BAD_REQUEST',
  'BAD_SIGNATURE',
  'STALE_TIMESTAMP',
  'REPLAYED_NONCE',
  'UNKNOWN_TERMINAL',
  'TERMINAL_REVOKED',
  'UNSUPPORTED_VERSION',
  'BAD_ENROLMENT_CODE',
  'NOT_FOUND',
  'OFFSET_MISMATCH',
  'HASH_MISMATCH',
  'SIZE_MISMATCH',
  'BLOBS_MISSING',
  'FORBIDDEN',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export const SyncErrorCode = z.enum(syncErrorCodes);
export type SyncErrorCode = z.infer<typeof SyncErrorCode>;

export const ErrorBody = z.object({
  error: z.object({
    code: SyncErrorCode,
    message: z.string(),
    /** Set on STALE_TIMESTAMP so the terminal can correct its clock offset. */
    serverTime: Timestamp.optional(),
    /** Set on OFFSET_MISMATCH: where the next chunk must start. */
    received: z.number().int().min(0).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Every schema of the protocol, by the name the document uses. */
export const protocolSchemas = {
  EnrolRequest,
  EnrolResponse,
  PushRequest,
  PushResponse,
  BlobStatus,
  HeartbeatRequest,
  HeartbeatResponse,
  InboxResponse,
  ApplicationView,
  ErrorBody,
} as const;
