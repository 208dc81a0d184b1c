import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { problemText } from './problem-text';
import type { WindowProblem } from './problem-text';

const i18n = i18next.createInstance();
void i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, interpolation: { escapeValue: false }, initAsync: false });
const zh = i18n.getFixedT('zh-CN');
const english = i18n.getFixedT('en');

const problem = (kind: string, subject: string, extra: Partial<WindowProblem> = {}): WindowProblem => ({ kind, subject, reason: 'required', message: `请填写${subject}`, blocking: true, ...extra });

describe('pre-check problems in the window view', () => {
  it('are worded by kind around the label, in Chinese without the English suffix of the domain message', () => {
    expect(problemText(zh, problem('missing-field', '申请人手机号码'))).toBe('未填写：申请人手机号码');
    expect(problemText(zh, problem('too-few-pages', '原居民身份证', { needed: 2, got: 1 }))).toBe('原居民身份证：至少需要 2 页，只有 1 页');
    for (const kind of ['missing-field', 'rule-failed', 'missing-material', 'promise-needed', 'original-check']) {
      const text = problemText(zh, problem(kind, '居民户口簿', { needed: 2, got: 1 }));
      expect(text).toContain('居民户口簿');
      expect(text).not.toMatch(/[A-Za-z]/);
    }
  });

  it('are in English in the English window', () => {
    expect(problemText(english, problem('missing-field', '申请人手机号码'))).toBe('Not filled in: 申请人手机号码');
    expect(problemText(english, problem('too-few-pages', '原居民身份证', { needed: 2, got: 1 }))).toBe('原居民身份证: needs at least 2 pages, has 1');
    expect(problemText(english, problem('missing-material', '居民户口簿'))).toBe('Missing: 居民户口簿');
  });

  it('words a wrong value, and a kind it does not know, by the issue reason — never the domain message', () => {
    expect(problemText(zh, problem('invalid-value', '申请人手机号码', { reason: 'mobile' }))).toBe('申请人手机号码：请输入 11 位手机号码');
    expect(problemText(english, problem('invalid-value', '申请人手机号码', { reason: 'mobile' }))).toBe('申请人手机号码: Enter an 11-digit mobile number.');
    expect(problemText(zh, problem('future-kind', 'X', { reason: 'materialTooFewPages', params: { needed: 2, got: 1 } }))).toBe('X：至少需要 2 页，只拍摄了 1 页');
    expect(problemText(zh, problem('future-kind', 'X', { message: 'domain words' }))).not.toContain('domain words');
  });
});
