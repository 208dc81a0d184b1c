// The application (办件) lifecycle of domain.md §6.2. Only the listed transitions are legal; each one names
// who may take it and whether a written reason is required, and produces one audit entry
// (GB/T 39046 事项办理 rows: who, when, where, why).
import { err, ok } from '../../kernel/result';
import type { Result } from '../../kernel/result';

export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'precheckReturned',
  'prechecked',
  'received',
  'supplementRequired',
  'accepted',
  'rejected',
  'returned',
  'inProgress',
  'specialProcedure',
  'suspended',
  'decided',
  'resultReady',
  'delivered',
  'withdrawn',
  'terminated',
  'abandoned',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export type ActorKind = 'citizen' | 'staff' | 'system';

interface Rule {
  readonly by: readonly ActorKind[];
  readonly reason?: boolean;
}

const C: Rule = { by: ['citizen'] };
const S: Rule = { by: ['staff'] };
const SR: Rule = { by: ['staff'], reason: true };
const SSYS: Rule = { by: ['staff', 'system'] };
const WITHDRAW: Rule = { by: ['citizen', 'staff'], reason: true };
const TERMINATE: Rule = { by: ['staff'], reason: true };

const TRANSITIONS: Readonly<Record<ApplicationState, Partial<Record<ApplicationState, Rule>>>> = {
  draft: { submitted: C, abandoned: { by: ['citizen', 'system'] } },
  submitted: { prechecked: SSYS, precheckReturned: SR, received: SSYS, withdrawn: WITHDRAW },
  precheckReturned: { submitted: C, abandoned: { by: ['citizen', 'system'] }, withdrawn: WITHDRAW },
  prechecked: { received: SSYS, withdrawn: WITHDRAW },
  // 视为受理: when the five-day notice deadline passes, the system may accept on the law's terms.
  received: { accepted: SSYS, supplementRequired: SR, rejected: SR, returned: SR, withdrawn: WITHDRAW },
  supplementRequired: { received: S, abandoned: { by: ['staff', 'system'], reason: true }, withdrawn: WITHDRAW },
  accepted: { inProgress: SSYS, withdrawn: WITHDRAW, terminated: TERMINATE },
  inProgress: { specialProcedure: SR, suspended: SR, decided: S, withdrawn: WITHDRAW, terminated: TERMINATE },
  specialProcedure: { inProgress: S, terminated: TERMINATE },
  suspended: { inProgress: S, terminated: TERMINATE },
  decided: { resultReady: S },
  resultReady: { delivered: S },
  rejected: {},
  returned: {},
  delivered: {},
  withdrawn: {},
  terminated: {},
  abandoned: {},
};

export const TERMINAL_STATES: ReadonlySet<ApplicationState> = new Set(
  APPLICATION_STATES.filter((s) => Object.keys(TRANSITIONS[s]).length === 0),
);

export interface Actor {
  readonly kind: ActorKind;
  /** Staff number, 'kiosk', or the system job; never a citizen's name or ID number. */
  readonly id: string;
}

export interface TransitionRequest {
  readonly to: ApplicationState;
  readonly actor: Actor;
  /** Terminal or window that made the change. */
  readonly terminal: string;
  /** ISO timestamp supplied by the caller. */
  readonly at: string;
  readonly reason?: string;
}

export interface AuditEntry {
  readonly from: ApplicationState;
  readonly to: ApplicationState;
  readonly actorKind: ActorKind;
  readonly actorId: string;
  readonly terminal: string;
  readonly at: string;
  readonly reason?: string;
}

/** Why a transition is refused: a code for the caller and the developer's detail (English). */
export interface TransitionRefusal {
  readonly code: 'ILLEGAL_TRANSITION' | 'FORBIDDEN_ACTOR' | 'REASON_REQUIRED' | 'BAD_REQUEST';
  readonly message: string;
}
export type TransitionResult = Result<{ state: ApplicationState; audit: AuditEntry }, TransitionRefusal>;

const refuse = (code: TransitionRefusal['code'], message: string) => err<TransitionRefusal>({ code, message });

export function allowedTransitions(from: ApplicationState): ApplicationState[] {
  return Object.keys(TRANSITIONS[from]) as ApplicationState[];
}

export function transition(from: ApplicationState, request: TransitionRequest): TransitionResult {
  const rule = TRANSITIONS[from][request.to];
  if (!rule) return refuse('ILLEGAL_TRANSITION', `cannot go from ${from} to ${request.to}`);
  if (!rule.by.includes(request.actor.kind)) {
    return refuse('FORBIDDEN_ACTOR', `${request.actor.kind} may not move an application from ${from} to ${request.to}`);
  }
  const reason = request.reason?.trim();
  if (rule.reason && !reason) return refuse('REASON_REQUIRED', `moving to ${request.to} needs a written reason`);
  if (!request.terminal.trim() || !request.actor.id.trim() || Number.isNaN(Date.parse(request.at))) {
    return refuse('BAD_REQUEST', 'actor id, terminal and a valid time are required');
  }
  return ok({
    state: request.to,
    audit: {
      from,
      to: request.to,
      actorKind: request.actor.kind,
      actorId: request.actor.id,
      terminal: request.terminal,
      at: request.at,
      ...(reason ? { reason } : {}),
    },
  });
}
