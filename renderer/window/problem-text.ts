// A pre-check problem in the window's language: worded by its kind around the field label or material
// name, never the domain's own message (which is Chinese with an English hint). Unknown kinds fall back to it.
import type { TFunction } from 'i18next';
import type { WindowApplicationView } from '../../src/contract';

export type WindowProblem = WindowApplicationView['precheck']['problems'][number];

const KINDS = new Set(['missing-field', 'invalid-value', 'rule-failed', 'missing-material', 'too-few-pages', 'promise-needed', 'original-check']);

export function problemText(t: TFunction, problem: WindowProblem): string {
  if (!KINDS.has(problem.kind)) return problem.message;
  if (problem.kind === 'too-few-pages' && (problem.needed === undefined || problem.got === undefined)) return problem.message;
  return t(`window.detail.problem.${problem.kind}`, { subject: problem.subject, needed: problem.needed, got: problem.got });
}
