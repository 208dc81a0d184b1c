import { ContractError } from '../../src/contract';
import type { Handlers } from '../../src/contract';
import type { EvaluationDesk } from '../evaluation/desk';
import { requestForRole } from '../role-events';

type EvaluationMethod = 'evaluation.request' | 'evaluation.pending' | 'evaluation.cancel' | 'evaluation.submit' | 'sim.evaluation.request';

export interface SimulatedWindow {
  /** The newest application on this terminal and its service name; null when there is none. */
  latest(): { applicationId: string; serviceName: string } | null;
}

/** A sample staff member for the simulator (name plate data, not a real person). */
export const SIMULATED_STAFF = { name: '王晓燕', number: '0107' } as const;

export function evaluationHandlers(desk: EvaluationDesk, simulated: SimulatedWindow | null = null): Pick<Handlers, EvaluationMethod> {
  return {
    'sim.evaluation.request': () => {
      if (!simulated) throw new ContractError('FORBIDDEN', 'simulator.notAvailable', { detail: 'The simulator is only available with --devices simulated' });
      const latest = simulated.latest();
      if (!latest) throw new ContractError('NOT_FOUND', 'evaluation.noApplicationYet', { detail: 'no application on this terminal yet' });
      return desk.request({ ...latest, staff: { ...SIMULATED_STAFF } });
    },
    'evaluation.request': (input, ctx) => {
      const request = desk.request(input);
      return requestForRole(ctx.role, request) ?? request;
    },
    // The window asks too (to show that a rating is pending): never with the pad's preset level.
    'evaluation.pending': (_input, ctx) => ({ request: requestForRole(ctx.role, desk.current()) }),
    'evaluation.cancel': ({ requestId }, ctx) => ({ cancelled: desk.cancel(requestId, ctx.role) }),
    'evaluation.submit': ({ applicationId, requestId, level, reasons, text }, ctx) => desk.submit({ applicationId, requestId, level, reasons, text }, ctx.role),
  };
}
