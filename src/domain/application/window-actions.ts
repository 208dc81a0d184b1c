// What a comprehensive window (综合窗口) may do to an application, in the state machine's own steps, and
// which applications a window may touch at all (its item categories). The platform enforces both; the
// workstation uses the same rules to offer only the buttons that can succeed.
import { err, ok } from '../../kernel/result';
import type { Result } from '../../kernel/result';
import { transition } from './state-machine';
import type { ApplicationState, TransitionRefusal } from './state-machine';

/** accept 受理, supplement 补正 (one-time notice), reject 不予受理, special 特别程序, endSpecial (back to 在办), handout 出件. */
export const WINDOW_ACTIONS = ['accept', 'supplement', 'reject', 'special', 'endSpecial', 'handout'] as const;
export type WindowAction = (typeof WINDOW_ACTIONS)[number];

/** Actions that need a written reason (the state machine asks for one on their last step). */
export const REASONED_ACTIONS: ReadonlySet<WindowAction> = new Set(['supplement', 'reject', 'special']);

/** Where each action starts from and the states it walks through. A kiosk submission is received on the way. */
const PATHS: Record<WindowAction, Partial<Record<ApplicationState, readonly ApplicationState[]>>> = {
  accept: {
    submitted: ['received', 'accepted'],
    prechecked: ['received', 'accepted'],
    received: ['accepted'],
    supplementRequired: ['received', 'accepted'],
  },
  supplement: {
    submitted: ['received', 'supplementRequired'],
    prechecked: ['received', 'supplementRequired'],
    received: ['supplementRequired'],
  },
  reject: {
    submitted: ['received', 'rejected'],
    prechecked: ['received', 'rejected'],
    received: ['rejected'],
    supplementRequired: ['received', 'rejected'],
  },
  special: { accepted: ['inProgress', 'specialProcedure'], inProgress: ['specialProcedure'] },
  endSpecial: { specialProcedure: ['inProgress'] },
  handout: { resultReady: ['delivered'] },
};

/** The states an action walks through from `from`, or null when it cannot start there. */
export function actionPath(from: ApplicationState, action: WindowAction): readonly ApplicationState[] | null {
  return PATHS[action][from] ?? null;
}

export function availableActions(from: ApplicationState): WindowAction[] {
  return WINDOW_ACTIONS.filter((a) => actionPath(from, a) !== null);
}

export type PlannedStep = { from: ApplicationState; to: ApplicationState; reason?: string };

/** The steps of the action, or why the state machine refuses it. */
export type PlanResult = Result<PlannedStep[], TransitionRefusal>;

/**
 * Checks every step of an action against the state machine for a staff actor. The reason goes on the
 * steps that require one (and on the last step), so each audit row says why.
 */
export function planAction(from: ApplicationState, action: WindowAction, staffId: string, window: string, at: string, reason?: string): PlanResult {
  const path = actionPath(from, action);
  if (!path) return err({ code: 'ILLEGAL_TRANSITION', message: `cannot ${action} an application that is ${from}` });
  const steps: PlannedStep[] = [];
  let state = from;
  for (const [i, to] of path.entries()) {
    const last = i === path.length - 1;
    const withReason = last && reason?.trim() ? reason.trim() : undefined;
    const moved = transition(state, { to, actor: { kind: 'staff', id: staffId }, terminal: window, at, ...(withReason ? { reason: withReason } : {}) });
    if (!moved.ok) return moved;
    steps.push({ from: state, to, ...(withReason ? { reason: withReason } : {}) });
    state = to;
  }
  return ok(steps);
}

// ------------------------------------------------------------ categories

/** '*' lets a window act on everything in its hall (e.g. a supervisor's or a 一件事 window). */
export const ALL_CATEGORIES = '*';

export interface WindowScope {
  /** Department ids (DEP-GA) or item codes (GA-01) this window handles. */
  readonly categories: readonly string[];
}

/** A window acts only on applications whose department or item is one of its categories. */
export function inScope(scope: WindowScope, application: { readonly department: string; readonly itemCode: string }): boolean {
  return scope.categories.some((c) => c === ALL_CATEGORIES || c === application.department || c === application.itemCode);
}
