import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ContractError } from '../../src/contract';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { codeMessage, errorMessage, fieldMessages, issueMessage, reasonMessage } from './error-message';

const i18n = i18next.createInstance();
void i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, interpolation: { escapeValue: false }, initAsync: false });
const zh = i18n.getFixedT('zh-CN');
const english = i18n.getFixedT('en');

describe('errorMessage: code + reason + params, worded in the person’s language', () => {
  it('words a reason with its parameters', () => {
    const error = new ContractError('BAD_INPUT', 'pages.tooLarge', { params: { maxMb: 1.5 }, detail: 'the page is larger than 1.5 MB' });
    expect(errorMessage(error, zh)).toBe('照片太大（上限 1.5 MB），请重拍');
    expect(errorMessage(error, english)).toBe('The photo is too large (at most 1.5 MB). Please take it again.');
  });

  it('words parameters that are codes: the device and its result', () => {
    const error = new ContractError('DEVICE_ERROR', 'device.failed', { params: { device: 'idcard', result: 'timeout' }, detail: 'serial /dev/ttyUSB0: no answer' });
    expect(errorMessage(error, zh)).toBe('读卡器出现故障（无响应），请联系工作人员');
    expect(errorMessage(error, english)).toContain('The ID card reader reported a fault (no answer).');
  });

  it('never shows the developer’s message', () => {
    const error = new ContractError('CONFLICT', 'evaluation.alreadyRated', { detail: 'this application has already been rated' });
    expect(errorMessage(error, zh)).toBe('该办件已经评价过了，每次服务只能评价一次');
    expect(errorMessage(error, zh)).not.toContain('rated');
  });

  it('an unknown reason (a newer terminal) falls back to its code’s sentence, never to the message', () => {
    const error = ContractError.fromShape({ code: 'NOT_FOUND', reason: 'future.reason', message: 'Too small: expected string to have >=1 characters' });
    expect(error.reason).toBe('contract.unknownReason');
    expect(errorMessage(error, zh)).toBe(codeMessage('NOT_FOUND', zh));
    expect(errorMessage(error, zh)).toBe('没有找到相关信息');
    expect(errorMessage(error, english)).not.toMatch(/Too small|expected/);
  });

  it('a reason the language has no words for falls back to the code’s sentence', () => {
    const bare = i18next.createInstance();
    void bare.init({ lng: 'en', resources: { en: { translation: { errors: { code: { DEVICE_UNAVAILABLE: 'No device.' }, unexpected: 'Oops.' } } } }, initAsync: false });
    expect(reasonMessage('idcard.readerMissing', undefined, 'DEVICE_UNAVAILABLE', bare.t)).toBe('No device.');
    expect(reasonMessage('idcard.readerMissing', undefined, null, bare.t)).toBe('Oops.');
  });

  it('the wire shape is worded like the error; anything else is the general sentence', () => {
    expect(errorMessage({ code: 'FORBIDDEN', reason: 'window.locked', message: 'x' }, zh)).toBe('屏幕已锁定，请输入密码');
    expect(errorMessage(new Error('secret path /home/x'), zh)).toBe(zh('errors.unexpected'));
    expect(errorMessage('boom', english)).toBe(english('errors.unexpected'));
  });
});

describe('field issues, worded per field', () => {
  const error = ContractError.fromShape({
    code: 'BAD_INPUT',
    reason: 'contract.badInput',
    message: 'Invalid input',
    issues: [
      { path: 'values.mobile', reason: 'tooLong', params: { max: 11 } },
      { path: 'values.name', reason: 'required' },
      { path: 'values.mobile', reason: 'pattern' },
      { path: 'values.idNumber', reason: 'idNumberCheckDigit' },
    ],
  });

  it('one sentence per field (its first issue), in the language asked for', () => {
    expect(fieldMessages(error, zh)).toEqual({ 'values.mobile': '不能超过 11 个字', 'values.name': '请填写此项', 'values.idNumber': '身份号码校验位不正确，请核对' });
    expect(fieldMessages(error, english)).toEqual({ 'values.mobile': 'Enter at most 11 characters.', 'values.name': 'Please fill this in.', 'values.idNumber': 'The check digit does not match: please check the number.' });
    expect(fieldMessages(new Error('x'), zh)).toEqual({});
  });

  it('issueMessage words a problem of the pre-check the same way', () => {
    expect(issueMessage({ reason: 'materialTooFewPages', params: { needed: 2, got: 1 } }, zh)).toBe('至少需要 2 页，只拍摄了 1 页');
    expect(issueMessage({ reason: 'ruleFailed', params: { condition: '年满 60 周岁' } }, english)).toBe('Condition not met: 年满 60 周岁');
  });
});
