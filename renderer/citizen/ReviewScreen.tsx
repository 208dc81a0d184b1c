import { useTranslation } from 'react-i18next';
import { ScreenFrame } from '../ui/ScreenFrame';
import { useApplicationStore } from './application';
import { useFlowStore } from './flow-store';
import { displayValue, fieldShown, formPages } from './form-pages';
import { materialsToCapture } from './MaterialsScreen';
import { StepIndicator } from './StepIndicator';

/** Check your answers: every page with a "change" link, the materials, the consent, submit. */
export function ReviewScreen() {
  const { t, i18n } = useTranslation();
  const app = useApplicationStore();
  const go = useFlowStore((s) => s.go);
  if (!app.form) return null;
  const pages = formPages(app.form, app.included, app.values);
  const materials = materialsToCapture(app.materials, app.included).filter((m) => (app.pages[m.key] ?? 0) > 0 || app.promised.includes(m.key));

  return (
    <ScreenFrame
      title={t('citizen.review.title')}
      subtitle={<StepIndicator step="review" />}
      footer={
        <button
          type="button"
          className="button button-primary button-huge button-wide"
          disabled={!app.consent || app.busy}
          onClick={() => void app.submit(i18n.language === 'en')}
          data-testid="submit"
        >
          {app.busy ? t('citizen.review.submitting') : t('citizen.review.submit')}
        </button>
      }
    >
      {pages.map((section, index) => (
        <section key={section.id} className="review-section" aria-labelledby={`review-${index}`}>
          <div className="review-head">
            <h2 id={`review-${index}`} className="section-title">
              {section.title}
            </h2>
            <button type="button" className="button button-secondary" onClick={() => app.openPage(index, 'review')} aria-label={`${t('citizen.review.change')} ${section.title}`}>
              {t('citizen.review.change')}
            </button>
          </div>
          <dl className="review-list">
            {section.fields
              .filter((f) => fieldShown(f, app.values))
              .map((f) => (
                <div key={f.id} className="review-row">
                  <dt>{f.label}</dt>
                  <dd>{displayValue(f, app.values[f.id], true) || '—'}</dd>
                </div>
              ))}
          </dl>
        </section>
      ))}
      <section className="review-section" aria-labelledby="review-materials">
        <div className="review-head">
          <h2 id="review-materials" className="section-title">
            {t('citizen.review.materials')}
          </h2>
          <button type="button" className="button button-secondary" onClick={() => go('materials')} aria-label={`${t('citizen.review.change')} ${t('citizen.review.materials')}`}>
            {t('citizen.review.change')}
          </button>
        </div>
        <dl className="review-list">
          {materials.map((m) => (
            <div key={m.key} className="review-row">
              <dt>{m.name}</dt>
              <dd>{app.promised.includes(m.key) ? t('citizen.review.promised') : t('citizen.review.pagesTaken', { count: app.pages[m.key] ?? 0 })}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="consent" aria-labelledby="consent-title">
        <h2 id="consent-title" className="section-title">
          {t('citizen.review.consentTitle')}
        </h2>
        <p className="consent-text">{t('citizen.review.consentText')}</p>
        <button type="button" className="choice choice-wide" role="checkbox" aria-checked={app.consent} onClick={() => app.setConsent(!app.consent)} data-testid="consent">
          {t('citizen.review.consentAgree')}
        </button>
        {!app.consent && <p className="field-hint">{t('citizen.review.needConsent')}</p>}
      </section>
      {app.problem && (
        <p className="notice notice-error" role="alert">
          {app.problem} {t('citizen.askStaff')}
        </p>
      )}
    </ScreenFrame>
  );
}
