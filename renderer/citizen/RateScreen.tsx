import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { RatingPanel } from '../evaluation/RatingPanel';
import { ScreenFrame } from '../ui/ScreenFrame';
import { useApplicationStore } from './application';
import { useFlowStore } from './flow-store';

/** 好差评 of the submission just made (channel kiosk); skippable; then goodbye. */
export function RateScreen() {
  const { t } = useTranslation();
  const submitted = useApplicationStore((s) => s.submitted);
  const serviceName = useApplicationStore((s) => s.serviceName);
  const go = useFlowStore((s) => s.go);
  if (!submitted) return null;
  return (
    <ScreenFrame title={t('citizen.rate.title')} showBack={false}>
      <RatingPanel
        serviceName={serviceName}
        staff={null}
        onSubmit={async (rating) => {
          await api.call('evaluation.submit', { applicationId: submitted.applicationId, level: rating.level, reasons: rating.reasons, ...(rating.text ? { text: rating.text } : {}) });
          setTimeout(() => go('goodbye'), 1_500);
        }}
        onSkip={() => go('goodbye')}
      />
    </ScreenFrame>
  );
}
