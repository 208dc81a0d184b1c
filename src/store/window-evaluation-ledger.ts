// Ratings given at a window for applications the platform holds (the window workstation does not keep them
// in `applications`): a small ledger for the one-rating rule (一次一评) and the evaluation operation for
// the platform, written together in one transaction. No personal data in the ledger: reasons and text
// travel only in the (encrypted) outbox operation.
import type { EvaluationInput } from '../domain/application/evaluation';
import { evaluationOp } from '../sync/ops';
import type { Store } from './store';

export interface RemoteApplication {
  readonly id: string;
  /** 事项编码 of the application, for the platform's statistics. */
  readonly itemCode: string;
  readonly department: string;
}

export class WindowEvaluationLedger {
  constructor(private readonly store: Pick<Store, 'db' | 'outbox' | 'transaction'>) {}

  has(applicationId: string, channel: string, round = 1): boolean {
    return this.store.db.prepare('SELECT 1 FROM window_evaluations WHERE application_id = ? AND channel = ? AND round = ?').get(applicationId, channel, round) !== undefined;
  }

  /** Records the rating and its outbox operation; false (nothing written) when it was rated already. */
  record(input: EvaluationInput, application: RemoteApplication, now: number): boolean {
    return this.store.transaction(() => {
      const round = input.round ?? 1;
      const inserted = this.store.db
        .prepare('INSERT OR IGNORE INTO window_evaluations (application_id, channel, round, level, at) VALUES (?, ?, ?, ?, ?)')
        .run(application.id, input.channel, round, input.level, input.at);
      if (inserted.changes === 0) return false;
      this.store.outbox.append(evaluationOp({ ...input, round }, { id: application.id, subjectId: application.itemCode }, application.department), now);
      return true;
    });
  }
}
