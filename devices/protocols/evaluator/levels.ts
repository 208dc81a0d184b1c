import type { EvaluationLevel } from '../../../src/contract';

/** GB/T 39046-2020 code table A.8: 1 = 非常满意 … 5 = 非常不满意. */
const gbCodes: Readonly<Record<EvaluationLevel, number>> = {
  'very-satisfied': 1,
  satisfied: 2,
  'basically-satisfied': 3,
  dissatisfied: 4,
  'very-dissatisfied': 5,
};

export function gbCodeOf(level: EvaluationLevel): number {
  return gbCodes[level];
}

/** Provincial 好差评 interfaces (`satisfaction`) count the other way: 1 = 非常不满意 … 5 = 非常满意. */
export function provincialCodeOf(level: EvaluationLevel): number {
  return 6 - gbCodes[level];
}

/** 不满意 and 非常不满意 are 差评 and need reasons (B1.2). */
export function isBadReview(level: EvaluationLevel): boolean {
  return level === 'dissatisfied' || level === 'very-dissatisfied';
}
