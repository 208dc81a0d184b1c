// zod's issues in our own codes: the dispatcher answers bad input with `{ path, reason, params }` per field,
// so a person is told "at most 11 characters" in their language and never sees zod's English
// ("Too small: expected string to have >=1 characters").
import type { z } from 'zod';
import { isIssueReason, issueAt, issueReasons } from './error-reasons';
import type { ErrorParamValue, Issue, IssueKind } from './error-reasons';

type ZodIssue = z.core.$ZodIssue;

/** The value at a zod path inside the input (undefined when a step is missing). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const DATE_FORMATS = new Set(['date', 'datetime', 'time', 'duration']);

/** A schema's own reason: `.refine(check, { message, params: { reason: 'pinWeak' } })`. */
function customKind(params: Record<string, unknown> | undefined): IssueKind {
  const reason = params?.reason;
  if (!isIssueReason(reason)) return { reason: 'invalid' };
  const names: readonly string[] = issueReasons[reason];
  if (names.length === 0) return { reason } as IssueKind;
  const values: Record<string, ErrorParamValue> = {};
  for (const name of names) {
    const v = params?.[name];
    if (typeof v !== 'string' && typeof v !== 'number') return { reason: 'invalid' };
    values[name] = v;
  }
  return { reason, params: values } as IssueKind;
}

/** One zod issue as our kind; `input` is what was validated (to tell a missing value from a wrong one). */
export function issueKindOf(issue: ZodIssue, input: unknown): IssueKind {
  const missing = valueAt(input, issue.path) === undefined;
  switch (issue.code) {
    case 'invalid_type':
      return missing || issue.expected === 'nonoptional' ? { reason: 'required' } : { reason: 'invalidType' };
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') {
        if (issue.exact) return { reason: 'exactLength', params: { length: min } };
        return min <= 1 ? { reason: 'required' } : { reason: 'tooShort', params: { min } };
      }
      if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? { reason: 'required' } : { reason: 'tooFew', params: { min } };
      return { reason: 'tooSmall', params: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return issue.exact ? { reason: 'exactLength', params: { length: max } } : { reason: 'tooLong', params: { max } };
      if (issue.origin === 'array' || issue.origin === 'set') return { reason: 'tooMany', params: { max } };
      return { reason: 'tooBig', params: { max } };
    }
    case 'invalid_format':
      if (issue.format === 'regex') return { reason: 'pattern' };
      return DATE_FORMATS.has(issue.format) ? { reason: 'invalidDate' } : { reason: 'invalidFormat' };
    case 'not_multiple_of':
      return { reason: 'notMultipleOf', params: { step: issue.divisor } };
    case 'unrecognized_keys':
      return { reason: 'notAllowed' };
    case 'invalid_value':
      // z.literal(true) is how the contract asks for consent.
      if (issue.values.length === 1 && issue.values[0] === true) return { reason: 'consentRequired' };
      return missing ? { reason: 'required' } : { reason: 'invalidOption' };
    case 'invalid_union':
      if (missing) return { reason: 'required' };
      return issue.discriminator !== undefined ? { reason: 'invalidOption' } : { reason: 'invalid' };
    case 'custom':
      return customKind(issue.params);
    default:
      return { reason: 'invalid' };
  }
}

const pathOf = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** Every issue of a failed parse, one per field (an unknown key is an issue of that key). */
export function zodIssues(error: z.ZodError, input: unknown): Issue[] {
  return error.issues.flatMap((issue): Issue[] => {
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => issueAt(pathOf([...issue.path, key]), { reason: 'notAllowed' }));
    return [issueAt(pathOf(issue.path), issueKindOf(issue, input))];
  });
}
