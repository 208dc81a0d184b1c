import { describe, expect, it } from 'vitest';
import { errorCodes, errorReasonNames, errorReasons, issueReasonNames, issueReasons } from '../../src/contract';
import { en } from './en';
import { zhCN } from './zh-CN';

type Tree = { readonly [key: string]: string | Tree };

/** The string at a dotted path of a messages tree (undefined when absent or not a string). */
function at(tree: Tree, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const key of path.split('.')) node = typeof node === 'object' ? node[key] : undefined;
  return typeof node === 'string' ? node : undefined;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] ?? '');

const languages = [
  ['zh-CN', zhCN.errors as unknown as Tree],
  ['en', en.errors as unknown as Tree],
] as const;

describe('every error reason of the registry is worded in both languages', () => {
  it.each(languages)('%s: every ErrorReason, with only the parameters the registry names', (_language, words) => {
    for (const reason of errorReasonNames) {
      const text = at(words, `reason.${reason}`);
      expect(text, reason).toBeTruthy();
      const allowed: readonly string[] = errorReasons[reason];
      for (const name of placeholders(text ?? '')) expect(allowed, `${reason} uses {{${name}}}`).toContain(name);
      // every parameter the reason carries is said (else the registry names something nobody shows)
      for (const name of allowed) expect(placeholders(text ?? ''), `${reason} leaves out {{${name}}}`).toContain(name);
    }
  });

  it.each(languages)('%s: every IssueReason, with only its parameters', (_language, words) => {
    for (const reason of issueReasonNames) {
      const text = at(words, `issue.${reason}`);
      expect(text, reason).toBeTruthy();
      const allowed: readonly string[] = issueReasons[reason];
      for (const name of placeholders(text ?? '')) expect(allowed, `${reason} uses {{${name}}}`).toContain(name);
    }
  });

  it.each(languages)('%s: a sentence for every ErrorCode (the fallback)', (_language, words) => {
    for (const code of errorCodes) expect(at(words, `code.${code}`), code).toBeTruthy();
    expect(at(words, 'unexpected')).toBeTruthy();
  });

  it('no words for a reason that is not in the registry (a renamed reason leaves no orphan)', () => {
    for (const [, words] of languages) {
      const reasons = Object.entries(words.reason as Tree).flatMap(([group, names]) => Object.keys(names as Tree).map((n) => `${group}.${n}`));
      expect(reasons.sort()).toEqual([...errorReasonNames].sort());
      expect(Object.keys(words.issue as Tree).sort()).toEqual([...issueReasonNames].sort());
    }
  });

  it('each language speaks one language: no English in Chinese sentences, no Chinese in English ones', () => {
    const strings = (tree: Tree): string[] => Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : strings(v)));
    for (const text of strings(zhCN.errors as unknown as Tree)) expect(text.replace(/\{\{\w+\}\}|MB|X/g, '')).not.toMatch(/[A-Za-z]{2,}/);
    for (const text of strings(en.errors as unknown as Tree)) expect(text).not.toMatch(/\p{Script=Han}/u);
  });

  it('registry names are `group.name` (two levels, as the i18n tree nests them)', () => {
    for (const reason of errorReasonNames) expect(reason).toMatch(/^[a-z]+\.[A-Za-z0-9]+$/);
  });
});
