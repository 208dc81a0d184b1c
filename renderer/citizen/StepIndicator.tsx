import { useTranslation } from 'react-i18next';
import { useApplicationStore } from './application';

const STEPS = ['identify', 'form', 'materials', 'precheck', 'review'] as const;

/** "Step 2 of 5 · Your details", and the banner when the card was taken off the reader mid-form. */
export function StepIndicator({ step, extra }: { step: (typeof STEPS)[number]; extra?: string }) {
  const { t } = useTranslation();
  const cardRemoved = useApplicationStore((s) => s.cardRemoved);
  return (
    <>
      <p className="step-indicator" data-testid="step-indicator">
        {t('citizen.stepOf', { n: STEPS.indexOf(step) + 1, total: STEPS.length })} · {t(`citizen.steps.${step}`)}
        {extra && ` · ${extra}`}
      </p>
      {cardRemoved && (
        <p className="notice card-removed" role="status" data-testid="card-removed">
          {t('citizen.cardRemoved')}
        </p>
      )}
    </>
  );
}
