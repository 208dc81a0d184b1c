import { useTranslation } from 'react-i18next';
import { ScreenFrame } from '../ui/ScreenFrame';
import { useApplicationStore } from './application';
import { useFlowStore } from './flow-store';
import { QrCode } from './QrCode';

/** Committed before this screen appears: the tracking number, large; the receipt, or its QR when paper failed. */
export function SubmittedScreen() {
  const { t, i18n } = useTranslation();
  const submitted = useApplicationStore((s) => s.submitted);
  const reprint = useApplicationStore((s) => s.reprint);
  const busy = useApplicationStore((s) => s.busy);
  const go = useFlowStore((s) => s.go);
  if (!submitted) return null;
  const english = i18n.language === 'en';
  const fallback = submitted.receipt.fallback;
  return (
    <ScreenFrame
      title={t('citizen.submitted.title')}
      showBack={false}
      footer={
        <div className="footer-row">
          <button type="button" className="button button-secondary button-huge" onClick={() => go('goodbye')} data-testid="submitted-finish">
            {t('citizen.submitted.finish')}
          </button>
          <button type="button" className="button button-primary button-huge" onClick={() => go('rate')} data-testid="submitted-rate">
            {t('citizen.submitted.rate')}
          </button>
        </div>
      }
    >
      <section className="tracking" aria-labelledby="tracking-label">
        <p id="tracking-label" className="tracking-label">
          {t('citizen.submitted.number')}
        </p>
        <p className="tracking-number" data-testid="tracking-number">
          {submitted.trackingNo}
        </p>
        {submitted.promisedDate && (
          <p className="guide-lead">
            {t('citizen.submitted.promised', { date: submitted.promisedDate })}
            {submitted.promisedProvisional && <span className="tile-meta"> {t('citizen.submitted.provisional')}</span>}
          </p>
        )}
        <p className="field-hint">
          {t('citizen.submitted.items')}：{submitted.items.join('、')}
        </p>
      </section>
      {fallback ? (
        <section className="receipt-fallback" role="alert" data-testid="receipt-fallback">
          <h2 className="section-title">{t('citizen.submitted.fallbackTitle')}</h2>
          <p>{english ? fallback.message.en : fallback.message.zh}</p>
          <QrCode qr={fallback.qr} label={`${t('citizen.submitted.number')} ${fallback.trackingNumber}`} />
          <p className="field-hint">{t('citizen.submitted.fallbackHint')}</p>
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => void reprint(english)} data-testid="reprint">
            {t('citizen.submitted.reprint')}
          </button>
        </section>
      ) : (
        <p className="notice notice-ok" role="status" data-testid="receipt-printed">
          {t('citizen.submitted.printed')}
        </p>
      )}
      <p className="notice">{t('citizen.submitted.notAccepted')}</p>
    </ScreenFrame>
  );
}
