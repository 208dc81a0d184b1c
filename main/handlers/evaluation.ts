import type { Handlers } from '../../src/contract';
import type { EvaluationDesk } from '../evaluation/desk';

type EvaluationMethod = 'evaluation.request' | 'evaluation.pending' | 'evaluation.cancel' | 'evaluation.submit';

export function evaluationHandlers(desk: EvaluationDesk): Pick<Handlers, EvaluationMethod> {
  return {
    'evaluation.request': (input) => desk.request(input),
    'evaluation.pending': () => ({ request: desk.current() }),
    'evaluation.cancel': ({ requestId }, ctx) => ({ cancelled: desk.cancel(requestId, ctx.role) }),
    'evaluation.submit': ({ applicationId, requestId, level, reasons, text }, ctx) => desk.submit({ applicationId, requestId, level, reasons, text }, ctx.role),
  };
}
