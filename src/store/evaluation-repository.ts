// 好差评 records: one per application per channel plus at most one follow-up (追评) — UNIQUE in the schema,
// checked first in the domain so the caller gets a clear code. Free text and the evaluator's identity can
// name people, so both are encrypted like other personal data.
import type Database from 'better-sqlite3';
import { checkEvaluation } from '../domain/application/evaluation';
import type { EvaluationChannel, EvaluationInput, Evaluator, ExistingEvaluation, SatisfactionLevel } from '../domain/application/evaluation';
import type { FieldCipher } from './crypto';

export interface EvaluationRecord extends EvaluationInput {
  readonly id: number;
  readonly round: 1 | 2;
}

export class EvaluationError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'DUPLICATE' | 'REASON_REQUIRED' | 'TOO_LONG' | 'NO_FIRST_RATING' | 'BAD_REGION',
    message: string,
  ) {
    super(message);
    this.name = 'EvaluationError';
  }
}

interface Row {
  id: number;
  application_id: string;
  channel: EvaluationChannel;
  round: 1 | 2;
  level: SatisfactionLevel;
  reasons: string;
  indicator_version: string | null;
  text: Buffer | null;
  evaluator: Buffer | null;
  staff_id: string | null;
  region_code: string | null;
  terminal: string;
  at: string;
}

const context = (column: string, applicationId: string, channel: string, round: number) =>
  `evaluations.${column}:${applicationId}:${channel}:${round}`;

export class EvaluationRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly cipher: FieldCipher,
  ) {}

  add(input: EvaluationInput): EvaluationRecord {
    return this.db.transaction(() => {
      const exists = this.db.prepare('SELECT 1 FROM applications WHERE id = ?').get(input.applicationId);
      if (!exists) throw new EvaluationError('NOT_FOUND', 'no such application');
      const existing = this.db
        .prepare<[string], ExistingEvaluation>('SELECT channel, round FROM evaluations WHERE application_id = ?')
        .all(input.applicationId);
      const check = checkEvaluation(input, existing);
      if (!check.ok) throw new EvaluationError(check.error.code, check.error.message);
      const round = input.round ?? 1;
      const text = input.text?.trim() ? this.cipher.encrypt(input.text.trim(), context('text', input.applicationId, input.channel, round)) : null;
      const evaluator = input.evaluator
        ? this.cipher.encrypt(JSON.stringify(input.evaluator), context('evaluator', input.applicationId, input.channel, round))
        : null;
      const info = this.db
        .prepare(
          `INSERT INTO evaluations (application_id, channel, round, level, reasons, indicator_version, text, evaluator, staff_id, region_code, terminal, at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.applicationId,
          input.channel,
          round,
          input.level,
          JSON.stringify(input.reasons ?? []),
          input.indicatorVersion ?? null,
          text,
          evaluator,
          input.staffId ?? null,
          input.regionCode ?? null,
          input.terminal,
          input.at,
        );
      return { ...input, round, id: Number(info.lastInsertRowid) };
    })();
  }

  /** The newest application not yet rated (first round) on `channel`: what the simulator asks a rating for. */
  latestUnrated(channel: EvaluationChannel): { applicationId: string; subjectId: string } | null {
    const row = this.db
      .prepare<[string], { id: string; subject_id: string }>(
        `SELECT a.id, a.subject_id FROM applications a
          WHERE NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.application_id = a.id AND e.channel = ? AND e.round = 1)
          ORDER BY a.created_at DESC, a.rowid DESC LIMIT 1`,
      )
      .get(channel);
    return row ? { applicationId: row.id, subjectId: row.subject_id } : null;
  }

  list(applicationId: string): EvaluationRecord[] {
    return this.db
      .prepare<[string], Row>('SELECT * FROM evaluations WHERE application_id = ? ORDER BY id')
      .all(applicationId)
      .map((r) => ({
        id: r.id,
        applicationId: r.application_id,
        channel: r.channel,
        round: r.round,
        level: r.level,
        reasons: JSON.parse(r.reasons) as string[],
        ...(r.indicator_version ? { indicatorVersion: r.indicator_version } : {}),
        ...(r.text ? { text: this.cipher.decrypt(r.text, context('text', r.application_id, r.channel, r.round)) } : {}),
        ...(r.evaluator
          ? { evaluator: JSON.parse(this.cipher.decrypt(r.evaluator, context('evaluator', r.application_id, r.channel, r.round))) as Evaluator }
          : {}),
        ...(r.staff_id ? { staffId: r.staff_id } : {}),
        ...(r.region_code ? { regionCode: r.region_code } : {}),
        terminal: r.terminal,
        at: r.at,
      }));
  }
}
