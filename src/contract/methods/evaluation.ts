// 好差评 on the customer-facing screen and the kiosk: a window asks for a rating of one application
// (一次一评), the customer screen (or the hardware pad) answers it, the kiosk rates its own submissions.
import { z } from 'zod';
import { event, method } from '../define';
import { Empty } from '../empty';
import { EvaluationLevel } from './evaluator';

/**
 * Reasons a 差评 (不满意 / 非常不满意) can give. The national set (GB/T 39734 Appendix A "差评评价内容") is
 * central, versioned data that was not available to read; this is the terminal's own offline set built
 * from the indicators the 意见 and provincial pages name (guide accuracy, visits, materials, efficiency,
 * timeliness, attitude, competence, fees, facilities). Records carry the codes plus
 * EVALUATION_INDICATOR_VERSION, so the sync layer can map them once the central set is published.
 * Labels live in the renderer's i18n files (`evaluation.reasons.<code>`).
 */
export const EvaluationReason = z.enum([
  'guide-unclear',
  'repeated-visits',
  'repeated-materials',
  'slow',
  'not-on-time',
  'attitude',
  'competence',
  'fees',
  'facilities',
  'other',
]);
export type EvaluationReason = z.infer<typeof EvaluationReason>;

export const EVALUATION_INDICATOR_VERSION = 'hall-terminal-offline-1';

/** Bad ratings (差评) need at least one reason or a text. */
export function isBadRating(level: EvaluationLevel): boolean {
  return level === '不满意' || level === '非常不满意';
}

/** Longest free text of a rating (GB/T 39046 文字评价; the domain limit). */
export const maxEvaluationText = 500;

const ApplicationId = z.string().min(1).max(64);

/** The window staff member being rated: shown on the customer screen (name plate data, not citizen data). */
export const RatedStaff = z.object({
  name: z.string().trim().min(1).max(30),
  /** 工号 */
  number: z.string().trim().min(1).max(20),
});
export type RatedStaff = z.infer<typeof RatedStaff>;

export const EvaluationRequest = z.object({
  requestId: z.string(),
  applicationId: ApplicationId,
  serviceName: z.string().min(1).max(100),
  staff: RatedStaff.nullable(),
  requestedAt: z.string(),
  /** Set when the hardware pad gave a bad level: the screen asks only for the reasons. */
  presetLevel: EvaluationLevel.optional(),
});
export type EvaluationRequest = z.infer<typeof EvaluationRequest>;

export const RatingInput = z
  .object({
    level: EvaluationLevel,
    reasons: z.array(EvaluationReason).max(EvaluationReason.options.length).default([]),
    text: z.string().max(maxEvaluationText).optional(),
  })
  .strict();
export type RatingInput = z.input<typeof RatingInput>;

export const EvaluationOutcome = z.enum(['rated', 'skipped', 'cancelled']);

export const evaluationMethods = {
  'evaluation.request': method({
    description: 'Window staff finished an application: ask the customer-facing screen (and the pad) for a rating.',
    roles: ['window'],
    input: z
      .object({
        applicationId: ApplicationId,
        serviceName: z.string().trim().min(1).max(100),
        staff: RatedStaff.nullable(),
        /** For an application the platform holds (not in this terminal's store): its 事项编码 and department. */
        itemCode: z.string().trim().min(1).max(64).optional(),
        department: z.string().trim().min(1).max(128).optional(),
      })
      .strict(),
    output: EvaluationRequest,
  }),
  'evaluation.pending': method({
    description: 'The rating request the customer screen should show now, if any.',
    roles: ['window', 'customer'],
    input: Empty,
    output: z.object({ request: EvaluationRequest.nullable() }),
  }),
  'evaluation.cancel': method({
    description: 'Withdraw the pending rating request (staff) or decline to rate (customer; rating is voluntary).',
    roles: ['window', 'customer'],
    input: z.object({ requestId: z.string().min(1).max(64) }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  }),
  'evaluation.submit': method({
    description:
      'Record a rating. Customer screen: answers the pending request (channel windowPad). Kiosk: rates an application submitted at this kiosk (channel kiosk). One rating per application and channel.',
    roles: ['customer', 'kiosk'],
    input: RatingInput.extend({ applicationId: ApplicationId, requestId: z.string().min(1).max(64).optional() }).strict(),
    output: z.object({ recorded: z.literal(true), applicationId: ApplicationId, level: EvaluationLevel }),
  }),
  'sim.evaluation.request': method({
    description: 'Simulated profile only: a staff window asks for a rating of the newest application on this terminal not yet rated at a window.',
    input: Empty,
    output: EvaluationRequest,
  }),
} as const;

export const evaluationEvents = {
  'evaluation.requested': event({
    description: 'A rating was requested (or its preset level changed); the customer screen shows it.',
    payload: EvaluationRequest,
  }),
  'evaluation.finished': event({
    description: 'The pending rating request ended: rated, skipped by the customer, or cancelled by staff.',
    payload: z.object({ requestId: z.string(), applicationId: ApplicationId, outcome: EvaluationOutcome, level: EvaluationLevel.optional() }),
  }),
} as const;
