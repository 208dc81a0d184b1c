import type { EvaluationLevel } from '../../../src/contract';

/** GB/T 39046-2020 code table A.8: 1 = 非常满意 … 5 = 非常不满意. */
const gbCodes: Readonly<Record<EvaluationLevel, number>> = { 非常满意: 1, 满意: 2, 基本满意: 3, 不满意: 4, 非常不满意: 5 };

export function gbCodeOf(level: EvaluationLevel): number {
  return gbCodes[level];
}

/** Provincial 好差评 interfaces (`satisfaction`) count the other way: 1 = 非常不满意 … 5 = 非常满意. */
export function provincialCodeOf(level: EvaluationLevel): number {
  return 6 - gbCodes[level];
}

/** 不满意 and 非常不满意 are 差评 and need reasons (B1.2). */
export function isBadReview(level: EvaluationLevel): boolean {
  return level === '不满意' || level === '非常不满意';
}
