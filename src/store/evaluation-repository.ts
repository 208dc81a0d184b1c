// 好差评 records: one per application per channel (UNIQUE in the schema, checked first in the domain so
// the caller gets a clear code). Free text can name people, so it is encrypted like other personal data.
import type Database from 'better-sqlite3';
import { checkEvaluation } from '../domain/application/evaluation';
import type { EvaluationChannel, EvaluationInput, SatisfactionLevel } from '../domain/application/evaluation';
import type { FieldCipher } from './crypto';

export interface EvaluationRecord extends EvaluationInput {
  readonly id: number;
}

export class EvaluationError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'DUPLICATE' | 'REASON_REQUIRED' | 'TOO_LONG',
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
  level: SatisfactionLevel;
  reasons: string;
  text: Buffer | null;
  staff_id: string | null;
  terminal: string;
  at: string;
}

const textContext = (applicationId: string, channel: string) => `evaluations.text:${applicationId}:${channel}`;

export class EvaluationRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly cipher: FieldCipher,
  ) {}

  add(input: EvaluationInput): EvaluationRecord {
    return this.db.transaction(() => {
      const exists = this.db.prepare('SELECT 1 FROM applications WHERE id = ?').get(input.applicationId);
      if (!exists) throw new EvaluationError('NOT_FOUND', 'no such application');
      const channels = this.db
        .prepare<[string], { channel: EvaluationChannel }>('SELECT channel FROM evaluations WHERE application_id = ?')
        .all(input.applicationId)
        .map((r) => r.channel);
      const check = checkEvaluation(input, channels);
      if (!check.ok) throw new EvaluationError(check.code, check.message);
      const text = input.text?.trim() ? this.cipher.encrypt(input.text.trim(), textContext(input.applicationId, input.channel)) : null;
      const info = this.db
        .prepare(
          'INSERT INTO evaluations (application_id, channel, level, reasons, text, staff_id, terminal, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(input.applicationId, input.channel, input.level, JSON.stringify(input.reasons ?? []), text, input.staffId ?? null, input.terminal, input.at);
      return { ...input, id: Number(info.lastInsertRowid) };
    })();
  }

  list(applicationId: string): EvaluationRecord[] {
    return this.db
      .prepare<[string], Row>('SELECT * FROM evaluations WHERE application_id = ? ORDER BY id')
      .all(applicationId)
      .map((r) => ({
        id: r.id,
        applicationId: r.application_id,
        channel: r.channel,
        level: r.level,
        reasons: JSON.parse(r.reasons) as string[],
        ...(r.text ? { text: this.cipher.decrypt(r.text, textContext(r.application_id, r.channel)) } : {}),
        ...(r.staff_id ? { staffId: r.staff_id } : {}),
        terminal: r.terminal,
        at: r.at,
      }));
  }
}
