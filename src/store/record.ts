// The only way a record that must reach the platform is written: the record and its outbox operation in
// ONE store transaction, so either both are on disk or neither is (the citizen is told "received" only
// after this returns). Materials must already be in store.blobs.
import type { EvaluationInput } from '../domain/application/evaluation';
import type { TransitionRequest } from '../domain/application/state-machine';
import { evaluationOp, statusOp, submissionOp } from '../sync/ops';
import type { ApplicationRecord, SubmitInput } from './application-repository';
import type { EvaluationRecord } from './evaluation-repository';
import type { Store } from './store';

export class RecordError extends Error {
  constructor(
    readonly code: 'BLOB_MISSING' | 'BLOB_MISMATCH' | 'NOT_FOUND',
    message: string,
  ) {
    super(message);
    this.name = 'RecordError';
  }
}

function checkMaterials(store: Store, input: SubmitInput): void {
  for (const m of input.materials) {
    if (!m.sha256) continue;
    const size = store.blobs.size(m.sha256);
    if (size === null) throw new RecordError('BLOB_MISSING', `material ${m.key}: its file is not stored on this terminal`);
    if (m.bytes !== undefined && m.bytes !== size) throw new RecordError('BLOB_MISMATCH', `material ${m.key}: recorded size differs from the stored file`);
  }
}

/** Commits a submitted application and its `application.submitted` operation together. */
export function recordSubmission(store: Store, input: SubmitInput, now: number): ApplicationRecord {
  return store.transaction(() => {
    checkMaterials(store, input);
    const record = store.applications.submit(input);
    const department = store.catalogs.departmentOf(record.catalogVersion, record.subjectId);
    store.outbox.append(
      submissionOp(record, {
        department,
        blob: (sha256) => {
          const info = store.blobs.info(sha256);
          return info ? { bytes: info.bytes, mediaType: info.mediaType } : null;
        },
      }),
      now,
    );
    return record;
  });
}

/** Commits a 好差评 rating and its `evaluation` operation together. */
export function recordEvaluation(store: Store, input: EvaluationInput, now: number): EvaluationRecord {
  return store.transaction(() => {
    const application = store.applications.get(input.applicationId);
    if (!application) throw new RecordError('NOT_FOUND', 'no such application');
    const evaluation = store.evaluations.add(input);
    const department = store.catalogs.departmentOf(application.catalogVersion, application.subjectId);
    store.outbox.append(evaluationOp(evaluation, application, department), now);
    return evaluation;
  });
}

/** Commits a local status change (state machine checked) and its `application.status` operation together. */
export function recordTransition(store: Store, id: string, request: TransitionRequest, now: number): ApplicationRecord {
  return store.transaction(() => {
    const record = store.applications.transition(id, request);
    const audit = store.applications.audit(id);
    const last = audit.at(-1);
    if (!last) throw new RecordError('NOT_FOUND', 'the change left no audit entry');
    store.outbox.append(statusOp(id, last, audit.length), now);
    return record;
  });
}
