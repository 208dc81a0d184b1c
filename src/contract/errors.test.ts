import { describe, expect, it } from 'vitest';
import { ContractError } from './errors';

describe('ContractError', () => {
  it('takes only registered reasons, and exactly the params a reason names (checked by the compiler)', () => {
    // @ts-expect-error: not a registered reason
    void new ContractError('NOT_FOUND', 'made.up');
    // @ts-expect-error: a hard-coded sentence is not a reason
    void new ContractError('NOT_FOUND', '没有找到该事项 (no such item)');
    // @ts-expect-error: pages.tooLarge names maxMb
    void new ContractError('BAD_INPUT', 'pages.tooLarge');
    // @ts-expect-error: the wrong parameter name
    void new ContractError('BAD_INPUT', 'pages.tooLarge', { params: { size: 2 } });
    // @ts-expect-error: an issue reason that is not registered
    void new ContractError('BAD_INPUT', 'contract.badInput', { issues: [{ path: 'a', reason: 'tooShortish' }] });
    // @ts-expect-error: tooLong needs its max
    void new ContractError('BAD_INPUT', 'contract.badInput', { issues: [{ path: 'a', reason: 'tooLong' }] });
    expect(new ContractError('BAD_INPUT', 'pages.tooLarge', { params: { maxMb: 1.5 } }).params).toEqual({ maxMb: 1.5 });
  });

  it('keeps the developer detail as message (for logs), the reason otherwise', () => {
    expect(new ContractError('NOT_FOUND', 'catalog.notLoaded').message).toBe('catalog.notLoaded');
    expect(new ContractError('NOT_FOUND', 'catalog.notLoaded', { detail: 'no catalogue is loaded' }).message).toBe('no catalogue is loaded');
  });

  it('crosses the wire and back unchanged', () => {
    const error = new ContractError('BAD_INPUT', 'evaluation.textTooLong', { params: { max: 500 }, detail: 'too long', issues: [{ path: 'text', reason: 'tooLong', params: { max: 500 } }] });
    const shape = error.toShape();
    expect(shape).toEqual({ code: 'BAD_INPUT', reason: 'evaluation.textTooLong', params: { max: 500 }, message: 'too long', issues: [{ path: 'text', reason: 'tooLong', params: { max: 500 } }] });
    const back = ContractError.fromShape(JSON.parse(JSON.stringify(shape)));
    expect(back).toBeInstanceOf(ContractError);
    expect(back.toShape()).toEqual(shape);
  });

  it('a malformed error answer becomes INTERNAL, not a crash', () => {
    expect(ContractError.fromShape({ nope: true })).toMatchObject({ code: 'INTERNAL', reason: 'contract.unknownReason' });
    expect(ContractError.fromShape(null)).toMatchObject({ code: 'INTERNAL' });
  });
});
