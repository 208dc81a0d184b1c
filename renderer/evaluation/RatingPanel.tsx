import { useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EvaluationReason } from '../../src/contract';
import type { EvaluationLevel, RatedStaff } from '../../src/contract';
import { OnScreenKeyboard } from '../ui/keyboard/OnScreenKeyboard';
import { initialRating, levelKeys, levels, ratingReducer } from './rating-steps';
import type { RatingState } from './rating-steps';
import './evaluation.css';

export interface SubmittedRating {
  readonly level: EvaluationLevel;
  readonly reasons: EvaluationReason[];
  readonly text?: string;
}

export interface RatingPanelProps {
  /** The service just done (事项 or 一件事 name). */
  serviceName: string;
  /** The window staff member being rated; null at the self-service kiosk. */
  staff: RatedStaff | null;
  /**
   * Records the rating. Reject with an error whose `code` is 'CONFLICT' when the application was rated
   * already (一次一评): the panel then says so instead of offering to try again.
   */
  onSubmit(rating: SubmittedRating): Promise<void>;
  /** The person chose not to rate (rating is voluntary). */
  onSkip(): void;
  /** A level already given on the hardware pad: a bad one starts at the reasons. */
  presetLevel?: EvaluationLevel;
}

const STARS = 5;

function errorCode(error: unknown): string | null {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : null;
}

/**
 * 好差评 panel shared by the kiosk's last step and the customer-facing screen: five levels, reasons for a
 * 差评 from the indicator set, optional text on the touch keyboard, and a clear answer when the application
 * was rated already.
 */
export function RatingPanel({ serviceName, staff, onSubmit, onSkip, presetLevel }: RatingPanelProps) {
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(ratingReducer, presetLevel, initialRating);
  const [typing, setTyping] = useState(false);

  // Sending happens in the event handler (not an effect), so a re-render can never send twice.
  const send = (next: RatingState) => {
    if (next.step !== 'sending' || next.level === null) return;
    const text = next.text.trim();
    onSubmit({ level: next.level, reasons: [...next.reasons], ...(text ? { text } : {}) }).then(
      () => dispatch({ type: 'sent' }),
      (error: unknown) => dispatch({ type: 'failed', duplicate: errorCode(error) === 'CONFLICT' }),
    );
  };
  const choose = (level: EvaluationLevel) => {
    dispatch({ type: 'choose', level });
    send(ratingReducer(state, { type: 'choose', level }));
  };
  const submit = () => {
    dispatch({ type: 'send' });
    send(ratingReducer(state, { type: 'send' }));
  };

  return (
    <section className="rating" data-testid="rating-panel" aria-labelledby="rating-title">
      <dl className="rating-context">
        <dt>{t('evaluation.service')}</dt>
        <dd data-testid="rating-service">{serviceName}</dd>
        {staff && (
          <>
            <dt>{t('evaluation.staff')}</dt>
            <dd data-testid="rating-staff">
              {staff.name} · {t('evaluation.staffNumber', { number: staff.number })}
            </dd>
          </>
        )}
      </dl>

      {state.step === 'choose' && (
        <>
          <h2 id="rating-title" className="rating-title">
            {t('evaluation.title')}
          </h2>
          <div className="rating-levels">
            {levels.map((level, index) => (
              <button
                key={level}
                type="button"
                className={`button rating-level rating-level-${index + 1}`}
                data-testid={`rate-${level}`}
                onClick={() => choose(level)}
              >
                <span className="rating-stars" aria-hidden="true">
                  {'★'.repeat(STARS - index)}
                  <span className="rating-stars-off">{'★'.repeat(index)}</span>
                </span>
                <span className="rating-level-name">{t(`evaluation.levels.${levelKeys[level]}`)}</span>
              </button>
            ))}
          </div>
          <p className="rating-note">{t('evaluation.voluntary')}</p>
          <button type="button" className="button button-secondary rating-skip" onClick={onSkip} data-testid="rating-skip">
            {t('evaluation.skip')}
          </button>
        </>
      )}

      {state.step === 'reasons' && state.level !== null && (
        <>
          <h2 id="rating-title" className="rating-title">
            {t('evaluation.reasonsTitle', { level: t(`evaluation.levels.${levelKeys[state.level]}`) })}
          </h2>
          <div className="rating-reasons" role="group" aria-label={t('evaluation.reasonsLabel')}>
            {EvaluationReason.options.map((reason) => {
              const on = state.reasons.includes(reason);
              return (
                <button
                  key={reason}
                  type="button"
                  className={`button rating-reason${on ? ' rating-reason-on' : ''}`}
                  aria-pressed={on}
                  data-testid={`reason-${reason}`}
                  onClick={() => dispatch({ type: 'toggleReason', reason })}
                >
                  {t(`evaluation.reasons.${reason}`)}
                </button>
              );
            })}
          </div>
          {typing ? (
            <div className="rating-text">
              <p className="rating-text-value" aria-live="polite" data-testid="rating-text">
                {state.text || t('evaluation.textPlaceholder')}
              </p>
              <OnScreenKeyboard value={state.text} onChange={(text) => dispatch({ type: 'text', text })} layout="letters" maxLength={200} label={t('evaluation.textLabel')} />
            </div>
          ) : (
            <button type="button" className="button button-secondary" onClick={() => setTyping(true)} data-testid="rating-add-text">
              {t('evaluation.addText')}
            </button>
          )}
          <div className="rating-actions">
            <button type="button" className="button button-secondary" onClick={() => dispatch({ type: 'rechoose' })}>
              {t('evaluation.rechoose')}
            </button>
            <button type="button" className="button button-primary" onClick={submit} data-testid="rating-submit">
              {t('evaluation.submit')}
            </button>
          </div>
        </>
      )}

      {state.step === 'sending' && <p className="rating-message">{t('evaluation.sending')}</p>}
      {state.step === 'done' && (
        <div className="rating-message" role="status" data-testid="rating-done">
          <h2 id="rating-title">{t('evaluation.thanks')}</h2>
          <p>{t('evaluation.thanksHint')}</p>
        </div>
      )}
      {state.step === 'refused' && (
        <p className="rating-message notice notice-error" role="alert" data-testid="rating-refused">
          {t('evaluation.alreadyRated')}
        </p>
      )}
      {state.problem && (
        <p className="notice notice-error" role="alert" data-testid="rating-problem">
          {t(`evaluation.${state.problem}`)}
        </p>
      )}
    </section>
  );
}
