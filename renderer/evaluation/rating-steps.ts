import { EvaluationLevel, isBadRating, maxEvaluationText } from '../../src/contract';
import type { EvaluationReason } from '../../src/contract';

/**
 * The rating panel as an explicit step machine (pure, so it is tested without the DOM):
 * choose a level → (差评 only) reasons → sending → done, or `refused` when the application was rated already.
 * A good level is sent at once (one touch); a bad one needs at least one reason or a text first.
 */
export type RatingStep = 'choose' | 'reasons' | 'sending' | 'done' | 'refused';

export interface RatingState {
  readonly step: RatingStep;
  readonly level: EvaluationLevel | null;
  readonly reasons: readonly EvaluationReason[];
  readonly text: string;
  /** An i18n key under `evaluation.` to show, or null. */
  readonly problem: 'reasonRequired' | 'failed' | null;
}

export type RatingAction =
  | { type: 'choose'; level: EvaluationLevel }
  | { type: 'toggleReason'; reason: EvaluationReason }
  | { type: 'text'; text: string }
  | { type: 'rechoose' }
  | { type: 'send' }
  | { type: 'sent' }
  | { type: 'failed'; duplicate: boolean };

export function initialRating(presetLevel?: EvaluationLevel): RatingState {
  const base: RatingState = { step: 'choose', level: null, reasons: [], text: '', problem: null };
  return presetLevel && isBadRating(presetLevel) ? { ...base, step: 'reasons', level: presetLevel } : base;
}

/** A rating may be sent when it is good, or bad with at least one reason or some text. */
export function canSend(state: Pick<RatingState, 'level' | 'reasons' | 'text'>): boolean {
  if (state.level === null) return false;
  return !isBadRating(state.level) || state.reasons.length > 0 || state.text.trim().length > 0;
}

export function ratingReducer(state: RatingState, action: RatingAction): RatingState {
  if (state.step === 'done' || state.step === 'refused') return state;
  switch (action.type) {
    case 'choose':
      if (state.step === 'sending') return state;
      if (isBadRating(action.level)) return { ...state, step: 'reasons', level: action.level, problem: null };
      return { ...state, step: 'sending', level: action.level, reasons: [], text: '', problem: null };
    case 'toggleReason': {
      if (state.step !== 'reasons') return state;
      const has = state.reasons.includes(action.reason);
      return { ...state, reasons: has ? state.reasons.filter((r) => r !== action.reason) : [...state.reasons, action.reason], problem: null };
    }
    case 'text':
      if (state.step !== 'reasons') return state;
      return { ...state, text: Array.from(action.text).slice(0, maxEvaluationText).join(''), problem: null };
    case 'rechoose':
      if (state.step !== 'reasons') return state;
      return initialRating();
    case 'send':
      if (state.step !== 'reasons') return state;
      return canSend(state) ? { ...state, step: 'sending', problem: null } : { ...state, problem: 'reasonRequired' };
    case 'sent':
      return state.step === 'sending' ? { ...state, step: 'done', problem: null } : state;
    case 'failed':
      if (state.step !== 'sending') return state;
      if (action.duplicate) return { ...state, step: 'refused', problem: null };
      // Back to where the person was, with their choices kept, to try again.
      return { ...state, step: state.level !== null && isBadRating(state.level) ? 'reasons' : 'choose', problem: 'failed' };
  }
}

/** i18n key suffix per level (keys stay ASCII). */
export const levelKeys: Record<EvaluationLevel, string> = {
  非常满意: 'verySatisfied',
  满意: 'satisfied',
  基本满意: 'fair',
  不满意: 'dissatisfied',
  非常不满意: 'veryDissatisfied',
};

export const levels: readonly EvaluationLevel[] = EvaluationLevel.options;
