import { z } from 'zod';
import { errorReasonNames, issueReasonNames } from './error-reasons';
import type { ErrorParams, ErrorReason, Issue, ReasonParams, errorReasons } from './error-reasons';

/** Every failure that crosses the contract has one of these codes. Never a stack trace. */
export const errorCodes = [
  'BAD_INPUT',
  'BAD_OUTPUT',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  /** A privileged (technician) method without an unlocked technician session: show the PIN pad. */
  'UNAUTHENTICATED',
  'DEVICE_UNAVAILABLE',
  'DEVICE_ERROR',
  'TIMEOUT',
  'TRANSPORT',
  'INTERNAL',
] as const;

export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

const ParamsShape = z.record(z.string().max(64), z.union([z.string().max(200), z.number()]));

/** A field issue on the wire. A reason this build does not know reads as `invalid`. */
export const IssueShape = z.object({
  path: z.string().max(256),
  reason: z.enum(issueReasonNames).catch('invalid'),
  params: ParamsShape.optional(),
});
export type IssueShape = z.infer<typeof IssueShape>;

/**
 * A failure on the wire: the coarse `code` (what kind of failure), the fine `reason` with its `params`
 * (what the renderer words, in the person's language), field `issues` for BAD_INPUT, and `message`: a
 * developer's detail in English for logs and tests, never shown to a person.
 */
export const ContractErrorShape = z.object({
  code: ErrorCode,
  /** A reason this build does not know (a newer privileged side) reads as `contract.unknownReason`. */
  reason: z.enum(errorReasonNames).catch('contract.unknownReason'),
  params: ParamsShape.optional(),
  message: z.string(),
  /** Field paths for BAD_INPUT, so a form can point at what is wrong. */
  issues: z.array(IssueShape).optional(),
});
export type ContractErrorShape = z.infer<typeof ContractErrorShape>;

type NeedsParams<R extends ErrorReason> = (typeof errorReasons)[R] extends readonly [] ? false : true;

export type ContractErrorDetail<R extends ErrorReason> = {
  /** Field issues (BAD_INPUT), each with our reason code. */
  readonly issues?: readonly Issue[];
  /** The developer's detail, in English, for logs; never worded for a person. Defaults to the reason. */
  readonly detail?: string;
} & (NeedsParams<R> extends true ? { readonly params: ReasonParams<R> } : { readonly params?: undefined });

type DetailArgs<R extends ErrorReason> = NeedsParams<R> extends true ? [detail: ContractErrorDetail<R>] : [detail?: ContractErrorDetail<R>];

/**
 * Thrown by handlers (and by the client) to carry a typed failure. The reason comes from the registry
 * (error-reasons.ts), so a handler cannot invent one the renderer has no words for, and its params are
 * the ones the registry names.
 */
export class ContractError<R extends ErrorReason = ErrorReason> extends Error {
  readonly code: ErrorCode;
  readonly reason: R;
  readonly params: ErrorParams | undefined;
  readonly issues: readonly IssueShape[] | undefined;

  constructor(code: ErrorCode, reason: R, ...[detail]: DetailArgs<R>) {
    super(detail?.detail ?? reason);
    this.name = 'ContractError';
    this.code = code;
    this.reason = reason;
    this.params = detail?.params;
    this.issues = detail?.issues;
  }

  /**
   * The error a failed call answered with, as the caller's own (the client, callThrough). Checked again
   * here: an unknown reason reads as `contract.unknownReason`, anything malformed as INTERNAL.
   */
  static fromShape(answer: unknown): ContractError {
    const parsed = ContractErrorShape.safeParse(answer);
    const shape: ContractErrorShape = parsed.success ? parsed.data : { code: 'INTERNAL', reason: 'contract.unknownReason', message: 'malformed error answer' };
    const error = new ContractError(shape.code, 'contract.unknownReason', { detail: shape.message });
    return Object.assign(error, { reason: shape.reason, params: shape.params, issues: shape.issues }) as ContractError;
  }

  toShape(): ContractErrorShape {
    return {
      code: this.code,
      reason: this.reason,
      message: this.message,
      ...(this.params ? { params: { ...this.params } } : {}),
      ...(this.issues ? { issues: this.issues.map((i) => ({ path: i.path, reason: i.reason, ...(i.params ? { params: { ...i.params } } : {}) })) } : {}),
    };
  }
}

export function isContractError(value: unknown): value is ContractError {
  return value instanceof ContractError;
}
