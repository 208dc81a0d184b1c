// What a failure says to a person, in their language: the terminal's error carries a code, a reason and
// parameters (src/contract/error-reasons.ts) and is worded here through i18next (`errors.*`). A reason
// without words falls back to a sentence for its code; the developer's `message` is never shown, nor is
// anything zod or a driver said.
import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { ContractError, ContractErrorShape } from '../../src/contract';
import type { ErrorCode, ErrorParams, ErrorReason, IssueReason, IssueShape } from '../../src/contract';

/** Anything with i18next's `t(key, options)`: the hook's `t`, or i18next's own. */
export type Translate = TFunction | ((key: string, options?: Record<string, unknown>) => string);

interface Failure {
  readonly code: ErrorCode;
  readonly reason: ErrorReason;
  readonly params?: ErrorParams | undefined;
  readonly issues?: readonly IssueShape[] | undefined;
}

/** Parameters whose values are codes get words too: a device role, a DeviceResult code. */
const WORDED_PARAMS: Readonly<Record<string, string>> = { device: 'errors.devices', role: 'errors.devices', result: 'errors.deviceResults' };

function say(t: Translate, key: string, options: Record<string, unknown>): string {
  return (t as (key: string, options?: Record<string, unknown>) => string)(key, options);
}

function wordedParams(t: Translate, params: ErrorParams | undefined): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    const prefix = WORDED_PARAMS[name];
    out[name] = prefix && typeof value === 'string' ? say(t, `${prefix}.${value}`, { defaultValue: value }) : value;
  }
  return out;
}

/** The typed failure inside `error`: a ContractError, or its wire shape; null for anything else. */
export function failureOf(error: unknown): Failure | null {
  if (error instanceof ContractError) return error;
  const shape = ContractErrorShape.safeParse(error);
  return shape.success ? shape.data : null;
}

/** The sentence for an ErrorCode (when there is no finer word). */
export function codeMessage(code: ErrorCode, t: Translate = i18next.t): string {
  return say(t, `errors.code.${code}`, { defaultValue: say(t, 'errors.unexpected', {}) });
}

/** The sentence for a reason with its parameters; its code's sentence (or a general one) when the reason has no words. */
export function reasonMessage(reason: ErrorReason, params: ErrorParams | undefined, code: ErrorCode | null, t: Translate = i18next.t): string {
  const fallback = code ? codeMessage(code, t) : say(t, 'errors.unexpected', {});
  if (reason === 'contract.unknownReason') return fallback;
  return say(t, `errors.reason.${reason}`, { ...wordedParams(t, params), defaultValue: fallback });
}

/** What a failed call says, in one sentence for the screen. */
export function errorMessage(error: unknown, t: Translate = i18next.t): string {
  const failure = failureOf(error);
  if (!failure) return say(t, 'errors.unexpected', {});
  return reasonMessage(failure.reason, failure.params, failure.code, t);
}

/** The words for one field issue, said beside the field (its label is shown by the field itself). */
export function issueMessage(issue: { readonly reason: IssueReason; readonly params?: ErrorParams | undefined }, t: Translate = i18next.t): string {
  return say(t, `errors.issue.${issue.reason}`, { ...wordedParams(t, issue.params), defaultValue: say(t, 'errors.issue.invalid', {}) });
}

/** Field path → the words for its (first) issue, for forms that point at the field. Empty without issues. */
export function fieldMessages(error: unknown, t: Translate = i18next.t): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of failureOf(error)?.issues ?? []) out[issue.path] ??= issueMessage(issue, t);
  return out;
}

/** The failure's code, or null when it is not a typed failure. */
export function errorCodeOf(error: unknown): ErrorCode | null {
  return failureOf(error)?.code ?? null;
}
