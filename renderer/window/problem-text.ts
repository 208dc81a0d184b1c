// A pre-check problem in the window's language: worded by its kind around the field label or material
// name, and a wrong value by its issue reason; never the domain's own message (which is the printed
// notice's Chinese sentence).
import type { TFunction } from 'i18next';
import type { WindowApplicationView } from '../../src/contract';
import { issueMessage } from '../api/error-message';

export type WindowProblem = WindowApplicationView['precheck']['problems'][number];

const KINDS = new Set(['missing-field', 'rule-failed', 'missing-material', 'too-few-pages', 'promise-needed', 'original-check']);

export function problemText(t: TFunction, problem: WindowProblem): string {
  const byReason = `${problem.subject}${t('window.detail.problem.separator')}${issueMessage(problem, t)}`;
  if (!KINDS.has(problem.kind)) return byReason;
  if (problem.kind === 'too-few-pages' && (problem.needed === undefined || problem.got === undefined)) return byReason;
  return t(`window.detail.problem.${problem.kind}`, { subject: problem.subject, needed: problem.needed, got: problem.got });
}
