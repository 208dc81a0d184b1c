import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodIssues } from './zod-issues';

/** The issues of parsing `input` with `schema`, in our codes. */
function issues(schema: z.ZodType, input: unknown) {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected a failure');
  return zodIssues(parsed.error, input);
}

describe('zod issues in our codes', () => {
  it('tells a missing value from a wrong one', () => {
    const schema = z.object({ name: z.string(), age: z.number() }).strict();
    expect(issues(schema, { age: 'x' })).toEqual([
      { path: 'name', reason: 'required' },
      { path: 'age', reason: 'invalidType' },
    ]);
  });

  it('string lengths: an empty required string is "required", else the bound', () => {
    expect(issues(z.object({ a: z.string().min(1) }), { a: '' })).toEqual([{ path: 'a', reason: 'required' }]);
    expect(issues(z.object({ a: z.string().min(6) }), { a: '12' })).toEqual([{ path: 'a', reason: 'tooShort', params: { min: 6 } }]);
    expect(issues(z.object({ a: z.string().max(11) }), { a: '123456789012' })).toEqual([{ path: 'a', reason: 'tooLong', params: { max: 11 } }]);
    expect(issues(z.string().length(4), 'abc')).toEqual([{ path: '', reason: 'exactLength', params: { length: 4 } }]);
  });

  it('numbers, arrays and steps', () => {
    expect(issues(z.number().int().min(30), 5)).toEqual([{ path: '', reason: 'tooSmall', params: { min: 30 } }]);
    expect(issues(z.number().max(600), 601)).toEqual([{ path: '', reason: 'tooBig', params: { max: 600 } }]);
    expect(issues(z.array(z.string()).min(2), ['a'])).toEqual([{ path: '', reason: 'tooFew', params: { min: 2 } }]);
    expect(issues(z.array(z.string()).max(1), ['a', 'b'])).toEqual([{ path: '', reason: 'tooMany', params: { max: 1 } }]);
    expect(issues(z.number().multipleOf(5), 7)).toEqual([{ path: '', reason: 'notMultipleOf', params: { step: 5 } }]);
  });

  it('formats, options, unknown keys and consent', () => {
    expect(issues(z.string().regex(/^\d+$/, 'digits only'), 'x')).toEqual([{ path: '', reason: 'pattern' }]);
    expect(issues(z.iso.date(), '2026-02-30')).toEqual([{ path: '', reason: 'invalidDate' }]);
    expect(issues(z.email(), 'nope')).toEqual([{ path: '', reason: 'invalidFormat' }]);
    expect(issues(z.object({ kind: z.enum(['a', 'b']) }), { kind: 'c' })).toEqual([{ path: 'kind', reason: 'invalidOption' }]);
    expect(issues(z.object({ a: z.string() }).strict(), { a: 'x', b: 1, c: 2 })).toEqual([
      { path: 'b', reason: 'notAllowed' },
      { path: 'c', reason: 'notAllowed' },
    ]);
    expect(issues(z.object({ consent: z.literal(true) }), { consent: false })).toEqual([{ path: 'consent', reason: 'consentRequired' }]);
  });

  it('nested paths join with dots', () => {
    expect(issues(z.object({ values: z.object({ 'applicant.mobile': z.string().max(11) }) }), { values: { 'applicant.mobile': '1'.repeat(12) } })).toEqual([
      { path: 'values.applicant.mobile', reason: 'tooLong', params: { max: 11 } },
    ]);
  });

  it("a schema's own refinement names its reason; anything else custom is 'invalid'", () => {
    expect(issues(z.string().refine(() => false, { message: 'weak', params: { reason: 'pinWeak' } }), '1234')).toEqual([{ path: '', reason: 'pinWeak' }]);
    expect(issues(z.string().refine(() => false, { params: { reason: 'tooLong', max: 3 } }), 'x')).toEqual([{ path: '', reason: 'tooLong', params: { max: 3 } }]);
    // a reason with params but without them, or a reason we do not have, is not trusted
    expect(issues(z.string().refine(() => false, { params: { reason: 'tooLong' } }), 'x')).toEqual([{ path: '', reason: 'invalid' }]);
    expect(issues(z.string().refine(() => false, { params: { reason: 'madeUp' } }), 'x')).toEqual([{ path: '', reason: 'invalid' }]);
    expect(issues(z.string().refine(() => false, 'too many fields'), 'x')).toEqual([{ path: '', reason: 'invalid' }]);
  });

  it('never carries zod words, nor the value', () => {
    const schema = z.object({ idNumber: z.string().regex(/^\d{17}[\dX]$/), mobile: z.string().max(11) });
    const input = { idNumber: '43010219900307123Y', mobile: '138001380001' };
    const text = JSON.stringify(issues(schema, input));
    expect(text).not.toMatch(/Invalid|expected|Too big|string/);
    expect(text).not.toContain(input.idNumber);
    expect(text).not.toContain(input.mobile);
  });
});
