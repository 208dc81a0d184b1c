// Builders from local records to outbox operations. Each names its idempotency key (the platform applies a
// key once per hall, whichever terminal or identity sends it) and orders by application id, so the
// operations of one application reach the platform in the order they happened here.
//
// The builders name the facts they read as their own input shapes: src/store implements the sync ports and
// passes its records (ApplicationRecord, EvaluationRecord), which fit structurally. Sync never imports the
// store.
import type { EvaluationInput } from '../domain/application/evaluation';
import type { AuditEntry } from '../domain/application/state-machine';
import type { BlobRef } from '../wire/sync-protocol';
import type { NewOutboxOp } from './outbox';

/** The applicant's personal data an op carries (the store's PersonalData). */
export interface ApplicantFacts {
  readonly applicant: { readonly name: string; readonly idNumber: string };
  readonly values: Readonly<Record<string, unknown>>;
}

/** What a submission op needs of a local application (the store's ApplicationRecord). */
export interface ApplicationFacts {
  readonly id: string;
  readonly trackingNo: string;
  readonly subjectId: string;
  readonly createdAt: string;
  /** Null once purged after sync + retention. */
  readonly personal: ApplicantFacts | null;
  readonly materials: readonly { readonly key: string; readonly sha256?: string }[];
}

/** What an evaluation op needs of a recorded evaluation (the store's EvaluationRecord). */
export type EvaluationFacts = Pick<EvaluationInput, 'channel' | 'level' | 'reasons' | 'indicatorVersion' | 'text' | 'at' | 'terminal' | 'staffId'> & {
  readonly round: 1 | 2;
};

/** What the op needs about a material's stored blob. */
export interface BlobFacts {
  readonly bytes: number;
  readonly mediaType: string;
}

export interface SubmissionContext {
  /** Department of the item, or the lead department of the bundle. */
  readonly department: string;
  readonly blob: (sha256: string) => BlobFacts | null;
}

export class OpBuildError extends Error {
  constructor(
    readonly code: 'PURGED' | 'BLOB_MISSING',
    message: string,
  ) {
    super(message);
    this.name = 'OpBuildError';
  }
}

const submitKey = (id: string) => `submit:${id}`;

const PHONE_MAX = 32;

/**
 * The applicant's mobile number from the form. Catalogue fields are named `<holder>.mobile` (applicant.mobile
 * for an item, mother.mobile or legalRep.mobile in a bundle): the holder is the one whose `<holder>.idNumber`
 * is the applicant's ID number, else `applicant`.
 */
export function applicantPhone(personal: ApplicantFacts): string | undefined {
  const holders = Object.entries(personal.values)
    .filter(([key, value]) => key.endsWith('.idNumber') && value === personal.applicant.idNumber)
    .map(([key]) => key.slice(0, -'.idNumber'.length));
  for (const holder of [...holders, 'applicant']) {
    const phone = personal.values[`${holder}.mobile`];
    if (typeof phone === 'string' && phone.length > 0 && phone.length <= PHONE_MAX) return phone;
  }
  return undefined;
}

/** application.submitted with the blobs of every material that has one. */
export function submissionOp(record: ApplicationFacts, context: SubmissionContext): NewOutboxOp {
  if (!record.personal) throw new OpBuildError('PURGED', 'the application was purged; nothing left to send');
  const blobs: BlobRef[] = [];
  for (const m of record.materials) {
    if (!m.sha256) continue;
    const facts = context.blob(m.sha256);
    if (!facts) throw new OpBuildError('BLOB_MISSING', `material ${m.key} has no stored file`);
    blobs.push({ sha256: m.sha256, size: facts.bytes, mediaType: facts.mediaType, material: m.key });
  }
  const phone = applicantPhone(record.personal);
  return {
    kind: 'application.submitted',
    idempotencyKey: submitKey(record.id),
    orderingKey: record.id,
    payload: {
      applicationId: record.id,
      trackingNumber: record.trackingNo,
      itemCode: record.subjectId,
      department: context.department,
      submittedAt: record.createdAt,
      applicant: {
        name: record.personal.applicant.name,
        idNumber: record.personal.applicant.idNumber,
        ...(phone ? { phone } : {}),
      },
      form: { ...record.personal.values },
      blobs,
    },
  };
}

/**
 * application.status for the n-th audit entry of an application (n counts from 1): the position makes the
 * key unique even when an application passes through the same state twice (补正 → 受理 → 补正).
 */
export function statusOp(applicationId: string, entry: AuditEntry, position: number): NewOutboxOp {
  return {
    kind: 'application.status',
    idempotencyKey: `status:${applicationId}:${position}`,
    orderingKey: applicationId,
    payload: {
      applicationId,
      status: entry.to,
      at: entry.at,
      actor: { kind: entry.actorKind, id: entry.actorId },
      ...(entry.reason ? { reason: entry.reason } : {}),
    },
  };
}

export function evaluationOp(evaluation: EvaluationFacts, application: Pick<ApplicationFacts, 'id' | 'subjectId'>, department: string): NewOutboxOp {
  const round = evaluation.round;
  const evaluationId = `${application.id}:${evaluation.channel}:${round}`;
  return {
    kind: 'evaluation',
    idempotencyKey: `evaluation:${evaluationId}`,
    orderingKey: application.id,
    payload: {
      evaluationId,
      applicationId: application.id,
      itemCode: application.subjectId,
      department,
      window: evaluation.staffId ?? (evaluation.channel === 'kiosk' ? 'kiosk' : evaluation.terminal),
      channel: evaluation.channel,
      level: evaluation.level,
      round,
      ...(evaluation.reasons && evaluation.reasons.length > 0 ? { reasons: [...evaluation.reasons] } : {}),
      ...(evaluation.indicatorVersion ? { indicatorVersion: evaluation.indicatorVersion } : {}),
      ...(evaluation.text ? { text: evaluation.text } : {}),
      at: evaluation.at,
    },
  };
}

export function auditOp(event: { eventId: string; kind: string; at: string; detail: Record<string, unknown> }, orderingKey: string | null = null): NewOutboxOp {
  return { kind: 'audit', idempotencyKey: `audit:${event.eventId}`, orderingKey, payload: { ...event } };
}

export function deviceHealthOp(health: { device: string; state: 'ok' | 'degraded' | 'offline' | 'error'; at: string; detail?: string }): NewOutboxOp {
  return {
    kind: 'device.health',
    idempotencyKey: `health:${health.device}:${health.at}`,
    orderingKey: null,
    payload: { device: health.device, state: health.state, at: health.at, ...(health.detail ? { detail: health.detail.slice(0, 500) } : {}) },
  };
}
