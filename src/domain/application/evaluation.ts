// 好差评 evaluations (printer-evaluator.md Part B): five levels stored as names, never as bare numbers,
// because GB/T 39046 codes 1 = 非常满意 while provincial interfaces code 1 = 非常不满意. One evaluation per
// application per channel; a bad rating needs at least one reason or a text.

import { err, ok } from '../../kernel/result';
import type { Result } from '../../kernel/result';

export const SATISFACTION_LEVELS = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];

/** Channels a hall terminal records; provincial channel codes are mapped at the sync boundary. */
export const EVALUATION_CHANNELS = ['kiosk', 'windowPad', 'pc', 'mobile', 'qrCode', 'phone', 'sms'] as const;
export type EvaluationChannel = (typeof EVALUATION_CHANNELS)[number];

/** Who rated (GB/T 39046 评价人); personal data, encrypted at rest. */
export interface Evaluator {
  readonly kind: 'person' | 'legalEntity';
  readonly name: string;
  /** ID number, or USCC for a legal entity. */
  readonly idNumber: string;
  readonly anonymous: boolean;
}

export interface EvaluationInput {
  readonly applicationId: string;
  readonly channel: EvaluationChannel;
  readonly level: SatisfactionLevel;
  /** 1 = the rating, 2 = the one follow-up rating (追评) an application may get. */
  readonly round?: 1 | 2;
  /** Indicator codes (evalDetail) from the central indicator set, and that set's version. */
  readonly reasons?: readonly string[];
  readonly indicatorVersion?: string;
  readonly text?: string;
  readonly at: string;
  readonly terminal: string;
  /** Administrative division where the rating was made (行政区划, up to 9 digits). */
  readonly regionCode?: string;
  /** Window staff number being rated, when rated at a window. */
  readonly staffId?: string;
  readonly evaluator?: Evaluator;
}

/** What is already recorded for the application: (channel, round) pairs. */
export interface ExistingEvaluation {
  readonly channel: EvaluationChannel;
  readonly round: 1 | 2;
}

export function isBadLevel(level: SatisfactionLevel): boolean {
  return level === '不满意' || level === '非常不满意';
}

/** GB/T 39046-2020 表A.8: 1 = 非常满意 … 5 = 非常不满意. */
export function toGbCode(level: SatisfactionLevel): number {
  return SATISFACTION_LEVELS.indexOf(level) + 1;
}

/** Provincial 好差评 interfaces: 1 = 非常不满意 … 5 = 非常满意. */
export function toProvincialScore(level: SatisfactionLevel): number {
  return 5 - SATISFACTION_LEVELS.indexOf(level);
}

/** Why a rating is refused: a code for the caller, and the developer's detail (English). */
export interface EvaluationProblem {
  readonly code: 'DUPLICATE' | 'REASON_REQUIRED' | 'TOO_LONG' | 'NO_FIRST_RATING' | 'BAD_REGION';
  readonly message: string;
}
export type EvaluationCheck = Result<undefined, EvaluationProblem>;

const refuse = (code: EvaluationProblem['code'], message: string): EvaluationCheck => err({ code, message });

export function checkEvaluation(input: EvaluationInput, existing: readonly ExistingEvaluation[]): EvaluationCheck {
  const round = input.round ?? 1;
  if (round === 1 && existing.some((e) => e.round === 1 && e.channel === input.channel)) {
    return refuse('DUPLICATE', 'already rated on this channel');
  }
  if (round === 2) {
    if (existing.some((e) => e.round === 2)) return refuse('DUPLICATE', 'one follow-up rating only');
    if (!existing.some((e) => e.round === 1)) return refuse('NO_FIRST_RATING', 'rate first, then follow up');
  }
  if (input.regionCode !== undefined && !/^\d{6,9}$/.test(input.regionCode)) {
    return refuse('BAD_REGION', 'region code must be 6-9 digits');
  }
  const text = input.text?.trim() ?? '';
  if (Array.from(text).length > 500) return refuse('TOO_LONG', 'the text is longer than 500 characters');
  if (isBadLevel(input.level) && text.length === 0 && (input.reasons ?? []).length === 0) {
    return refuse('REASON_REQUIRED', 'a bad rating needs a reason or a text');
  }
  return ok();
}
