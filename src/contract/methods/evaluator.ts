import { z } from 'zod';
import { event, method } from '../define';

/**
 * The five 好差评 levels, as names (the same strings as `SATISFACTION_LEVELS` in src/domain/application).
 * Never a bare number: GB/T 39046 codes 1 = 非常满意 … 5 = 非常不满意, while provincial interfaces code
 * 1 = 非常不满意 … 5 = 非常满意 (specs/printer-evaluator.md B1.2, B2). 不满意 and 非常不满意 are 差评.
 */
export const EvaluationLevel = z.enum(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
export type EvaluationLevel = z.infer<typeof EvaluationLevel>;

export const evaluatorMethods = {
  'sim.evaluator.press': method({
    description: 'Press a key on the simulated evaluation pad (simulated device profile only).',
    input: z.object({ level: EvaluationLevel }).strict(),
    output: z.object({ pressed: z.literal(true) }),
  }),
} as const;

export const evaluatorEvents = {
  'evaluator.key': event({
    description: 'A key was pressed on the window evaluation pad.',
    payload: z.object({ level: EvaluationLevel }),
  }),
} as const;
