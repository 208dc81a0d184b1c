import { useTranslation } from 'react-i18next';
import { ScreenFrame } from '../ui/ScreenFrame';
import { useProgressStore } from './application';

/** 查询进度: place the card or scan the receipt; only that person's (or that receipt's) applications. */
export function ProgressScreen() {
  const { t } = useTranslation();
  const { by, entries, problem, busy, reset } = useProgressStore();
  return (
    <ScreenFrame title={t('citizen.progress.title')}>
      {entries === null ? (
        <div className="place-card identify-place" data-testid="progress-prompt">
          <div className="reader-animation" aria-hidden="true">
            <div className="reader-card" />
            <div className="reader-base" />
          </div>
          <p className="prompt-zh">{t('citizen.progress.prompt')}</p>
        </div>
      ) : (
        <section aria-live="polite" data-testid="progress-results">
          <h2 className="section-title">{by === 'code' ? t('citizen.progress.byCode') : t('citizen.progress.byCard')}</h2>
          {entries.length === 0 && <p className="notice">{t('citizen.progress.none')}</p>}
          <ul className="progress-list">
            {entries.map((e) => (
              <li key={e.trackingNo} className="progress-entry" data-testid="progress-entry">
                <p className="progress-name">{e.name}</p>
                <p className="progress-state">{t(`citizen.progress.states.${e.state}`, { defaultValue: e.state })}</p>
                <dl className="review-list">
                  <div className="review-row">
                    <dt>{t('citizen.progress.number')}</dt>
                    <dd>{e.trackingNo}</dd>
                  </div>
                  <div className="review-row">
                    <dt>{t('citizen.progress.submittedAt')}</dt>
                    <dd>{e.submittedAt.slice(0, 16).replace('T', ' ')}</dd>
                  </div>
                  {e.promisedDate && (
                    <div className="review-row">
                      <dt>{t('citizen.progress.promised')}</dt>
                      <dd>{e.promisedDate}</dd>
                    </div>
                  )}
                </dl>
              </li>
            ))}
          </ul>
          <button type="button" className="button button-secondary" onClick={reset} data-testid="progress-again">
            {t('citizen.progress.again')}
          </button>
        </section>
      )}
      {busy && <p className="notice">{t('common.loading')}</p>}
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
    </ScreenFrame>
  );
}
