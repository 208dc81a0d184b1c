// The window's 好差评 desk: staff ask for a rating of the application just handled; the customer-facing
// screen (or the hardware pad) answers; the kiosk rates its own submissions. One rating per application
// and channel (一次一评): a second one is refused with a clear message. Every rating is written with its
// outbox operation in one transaction (recordEvaluation), so it reaches the platform exactly once.
import { randomUUID } from 'node:crypto';
import { ContractError, EVALUATION_INDICATOR_VERSION, isBadRating, maxEvaluationText } from '../../src/contract';
import type { EvaluationLevel, EvaluationReason, EvaluationRequest, RatedStaff, WindowRole } from '../../src/contract';
import { checkEvaluation } from '../../src/domain/application/evaluation';
import type { EvaluationChannel, EvaluationInput } from '../../src/domain/application/evaluation';
import { EvaluationError, RecordError } from '../../src/store';
import type { EvaluationRecord, Store } from '../../src/store';
import type { RemoteApplication } from '../../src/store/window-evaluation-ledger';
import type { Publish } from '../devices';
import type { Logger } from '../log';

export interface DeskOptions {
  readonly store: Pick<Store, 'applications' | 'evaluations'>;
  /** Writes the evaluation and its outbox operation together (src/store/record.ts recordEvaluation). */
  readonly record: (input: EvaluationInput) => EvaluationRecord;
  /**
   * For applications the platform holds (window workstation): the one-rating ledger and the outbox
   * operation (src/store/window-evaluation-ledger.ts). Absent: only local applications can be rated.
   */
  readonly remote?: {
    has(applicationId: string, channel: EvaluationChannel): boolean;
    record(input: EvaluationInput, application: RemoteApplication): boolean;
  };
  readonly publish: Publish;
  readonly logger: Logger;
  /** This terminal's number, recorded with each rating. */
  readonly terminal: () => string;
  /**
   * The application submitted in the kiosk's current citizen session (null when none): the only one the
   * kiosk page may rate. The privileged side's session knows it; the page's word is not taken for it.
   */
  readonly kioskSubmission: () => string | null;
  readonly now?: () => Date;
}

export interface Rating {
  readonly applicationId: string;
  readonly requestId?: string | undefined;
  readonly level: EvaluationLevel;
  readonly reasons: readonly EvaluationReason[];
  readonly text?: string | undefined;
}

const alreadyRated = () => new ContractError('CONFLICT', 'evaluation.alreadyRated', { detail: 'this application has already been rated' });
const unknownApplication = () => new ContractError('NOT_FOUND', 'evaluation.applicationUnknown', { detail: 'no such application on this terminal' });

export class EvaluationDesk {
  private pending: EvaluationRequest | null = null;
  /** Item code and department of the pending request when the platform holds its application. */
  private remoteOf: RemoteApplication | null = null;

  constructor(private readonly options: DeskOptions) {}

  private now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }

  private rated(applicationId: string, channel: EvaluationChannel): boolean {
    if (this.options.remote?.has(applicationId, channel)) return true;
    return this.options.store.evaluations.list(applicationId).some((e) => e.channel === channel && e.round === 1);
  }

  /**
   * Staff finished an application: show the rating request on the customer screen (replacing any other).
   * An application the platform holds (not in this store) needs its item code, for the platform.
   */
  request(input: { applicationId: string; serviceName: string; staff: RatedStaff | null; itemCode?: string | undefined; department?: string | undefined }): EvaluationRequest {
    const local = this.options.store.applications.get(input.applicationId) !== null;
    const remote: RemoteApplication | null =
      !local && input.itemCode && this.options.remote ? { id: input.applicationId, itemCode: input.itemCode, department: input.department ?? 'unknown' } : null;
    if (!local && !remote) throw unknownApplication();
    if (this.rated(input.applicationId, 'windowPad')) throw alreadyRated();
    if (this.pending) this.finish('cancelled');
    this.remoteOf = remote;
    const request: EvaluationRequest = {
      requestId: randomUUID(),
      applicationId: input.applicationId,
      serviceName: input.serviceName,
      staff: input.staff,
      requestedAt: this.now().toISOString(),
    };
    this.pending = request;
    this.options.logger.info('evaluation requested', { requestId: request.requestId, staffNumber: input.staff?.number ?? null });
    this.options.publish('evaluation.requested', request);
    return request;
  }

  current(): EvaluationRequest | null {
    return this.pending;
  }

  /** Staff withdraw the request, or the customer declines (rating is voluntary). */
  cancel(requestId: string, by: WindowRole): boolean {
    if (!this.pending || this.pending.requestId !== requestId) return false;
    this.finish(by === 'customer' ? 'skipped' : 'cancelled');
    return true;
  }

  /** A rating from the customer screen (answers the pending request) or from the kiosk (its own submission). */
  submit(rating: Rating, by: WindowRole): { recorded: true; applicationId: string; level: EvaluationLevel } {
    if (by === 'customer') {
      const pending = this.pending;
      if (!pending || pending.applicationId !== rating.applicationId || (rating.requestId !== undefined && rating.requestId !== pending.requestId)) {
        if (this.rated(rating.applicationId, 'windowPad')) throw alreadyRated();
        throw new ContractError('NOT_FOUND', 'evaluation.notRequested', { detail: 'no rating was requested for this application' });
      }
      this.write(rating, 'windowPad', pending.staff?.number, this.remoteOf);
      this.finish('rated', rating.level);
    } else {
      if (by !== 'kiosk' || this.options.kioskSubmission() !== rating.applicationId) throw new ContractError('FORBIDDEN', 'evaluation.notThisSession', { detail: 'the kiosk rates only the application submitted in this session' });
      this.write(rating, 'kiosk', undefined);
    }
    return { recorded: true, applicationId: rating.applicationId, level: rating.level };
  }

  /** A key on the hardware pad while a request is pending: a good level is recorded, a bad one asks the screen for reasons. */
  padKey(level: EvaluationLevel): void {
    const pending = this.pending;
    if (!pending) return;
    if (isBadRating(level)) {
      this.pending = { ...pending, presetLevel: level };
      this.options.publish('evaluation.requested', this.pending);
      return;
    }
    try {
      this.write({ applicationId: pending.applicationId, level, reasons: [] }, 'windowPad', pending.staff?.number, this.remoteOf);
      this.finish('rated', level);
    } catch (error) {
      this.options.logger.warn('pad rating not recorded', { requestId: pending.requestId, error });
    }
  }

  private write(rating: Rating, channel: EvaluationChannel, staffId: string | undefined, remote: RemoteApplication | null = null): void {
    const text = rating.text?.trim();
    const input: EvaluationInput = {
      applicationId: rating.applicationId,
      channel,
      level: rating.level,
      reasons: [...new Set(rating.reasons)],
      indicatorVersion: EVALUATION_INDICATOR_VERSION,
      ...(text ? { text } : {}),
      at: this.now().toISOString(),
      terminal: this.options.terminal(),
      ...(staffId ? { staffId } : {}),
    };
    if (remote && this.options.remote) {
      // The domain rules (reason for a 差评, text length) first; then the ledger refuses a second rating.
      const check = checkEvaluation(input, []);
      if (!check.ok) throw this.translate(new EvaluationError(check.error.code, check.error.message));
      if (!this.options.remote.record(input, remote)) throw alreadyRated();
    } else {
      try {
        this.options.record(input);
      } catch (error) {
        throw this.translate(error);
      }
    }
    this.options.logger.info('evaluation recorded', { channel, level: rating.level, reasons: input.reasons?.length ?? 0 });
  }

  private translate(error: unknown): unknown {
    if (error instanceof RecordError && error.code === 'NOT_FOUND') return unknownApplication();
    if (!(error instanceof EvaluationError)) return error;
    switch (error.code) {
      case 'DUPLICATE':
        return alreadyRated();
      case 'NOT_FOUND':
        return unknownApplication();
      case 'REASON_REQUIRED':
        return new ContractError('BAD_INPUT', 'evaluation.reasonRequired', { detail: error.message, issues: [{ path: 'reasons', reason: 'ratingReasonNeeded' }] });
      case 'TOO_LONG':
        return new ContractError('BAD_INPUT', 'evaluation.textTooLong', { params: { max: maxEvaluationText }, detail: error.message, issues: [{ path: 'text', reason: 'tooLong', params: { max: maxEvaluationText } }] });
      default:
        return new ContractError('BAD_INPUT', 'evaluation.invalid', { detail: error.message });
    }
  }

  private finish(outcome: 'rated' | 'skipped' | 'cancelled', level?: EvaluationLevel): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    this.remoteOf = null;
    this.options.publish('evaluation.finished', { requestId: pending.requestId, applicationId: pending.applicationId, outcome, ...(level ? { level } : {}) });
  }
}
