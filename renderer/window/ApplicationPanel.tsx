import { useTranslation } from 'react-i18next';
import { DeadlineBadge } from './QueuePanel';
import { SHORTCUT_LABEL } from './shortcuts';
import { byLabel } from './labels';
import { problemText } from './problem-text';
import { useWindowStore } from './window-store';

/** The pre-check matters while the window decides on acceptance; afterwards it is noise. */
const BEFORE_ACCEPTANCE = new Set(['submitted', 'prechecked', 'received', 'supplementRequired']);

const when = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString('zh-CN', {
        hour12: false,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      });
};

/** The open application: applicant (masked until revealed), merged form, pre-check, history. */
export function ApplicationPanel() {
  const { t } = useTranslation();
  const view = useWindowStore((s) => s.view);
  const loading = useWindowStore((s) => s.viewLoading);
  const reveal = useWindowStore((s) => s.reveal);
  if (!view)
    return (
      <div className="window-detail window-empty">
        {loading ? t('window.detail.loading') : t('window.detail.none')}
      </div>
    );
  return (
    <div className="window-detail" data-testid="application" data-status={view.status}>
      <div className="window-detail-head">
        <div>
          <h2 data-testid="application-item">{view.itemName}</h2>
          <div className="window-detail-meta">
            <span className="window-mono" data-testid="application-tracking">
              {view.trackingNumber}
            </span>
            <span className="window-status" data-testid="application-status">
              {t(`window.status.${view.status}`, { defaultValue: view.status })}
            </span>
            <DeadlineBadge entry={view} />
            {view.deadline.workingDaysLeft !== null && view.deadline.state !== 'overdue' && (
              <span className="window-muted">
                {t('window.queue.left', { count: view.deadline.workingDaysLeft })}
              </span>
            )}
            {view.stale && (
              <span className="window-pill window-pill-offline">{t('window.detail.stale')}</span>
            )}
          </div>
        </div>
      </div>
      <div className="window-applicant" data-testid="applicant">
        <span className="window-label">{t('window.detail.applicant')}</span>
        <strong data-testid="applicant-name">{view.applicantName}</strong>
        <span className="window-mono" data-testid="applicant-id">
          {view.applicantIdNumber}
        </span>
        {view.applicantPhone && (
          <span>
            {t('window.detail.phone')} {view.applicantPhone}
          </span>
        )}
        {view.revealed ? (
          <span className="window-muted">{t('window.detail.revealed')}</span>
        ) : (
          <button
            type="button"
            className="wbtn wbtn-small"
            data-testid="reveal"
            onClick={() => void reveal()}
            disabled={view.stale}
          >
            {t('window.detail.reveal')}
            <kbd>{SHORTCUT_LABEL.reveal}</kbd>
          </button>
        )}
        <span className="window-muted">
          {t('window.detail.submittedAt')} {when(view.submittedAt)}
        </span>
      </div>
      <div className="window-detail-scroll">
        {BEFORE_ACCEPTANCE.has(view.status) && (
          <section aria-label={t('window.detail.precheck')}>
            <h3>{t('window.detail.precheck')}</h3>
            {view.precheck.problems.length === 0 ? (
              <p className="window-ok">{t('window.detail.precheckOk')}</p>
            ) : (
              <ul className="window-problems" data-testid="precheck-problems">
                {view.precheck.problems.map((p, i) => (
                  <li
                    key={`${p.kind}-${p.subject}-${i}`}
                    className={p.blocking ? 'window-problem-blocking' : ''}
                  >
                    {problemText(t, p)}
                  </li>
                ))}
              </ul>
            )}
            {!view.complete && <p className="window-warn">{t('window.detail.incomplete')}</p>}
          </section>
        )}
        <section aria-label={t('window.detail.form')}>
          <h3>{t('window.detail.form')}</h3>
          {view.form.map((section) => (
            <div key={section.title} className="window-form-section">
              <h4>{section.title}</h4>
              <dl className="window-form">
                {section.fields.map((f) => (
                  <div key={f.fieldId} className="window-form-row">
                    <dt>{f.label}</dt>
                    <dd className={f.masked ? 'window-masked' : ''}>{f.value || '—'}</dd>
                  </div>
                ))}
              </dl>
            </div>
          ))}
        </section>
        {(view.specialProcedures.length > 0 || view.agents.length > 0 || view.delivery) && (
          <section>
            {view.specialProcedures.map((p) => (
              <p key={p.startedAt}>
                {t('window.detail.special', { name: p.name, limit: p.limit, start: when(p.startedAt) })}
                {p.endedAt ? t('window.detail.specialEnded', { end: when(p.endedAt) }) : ''}
              </p>
            ))}
            {view.agents.length > 0 && (
              <p>
                {t('window.detail.agents')}：{view.agents.map((a) => `${a.name} ${a.idNumber}`).join('；')}
              </p>
            )}
            {view.delivery && (
              <p data-testid="delivery">
                {t('window.detail.delivery', {
                  how:
                    view.delivery.method === 'mail'
                      ? `${t('window.handout.mail')} ${view.delivery.mailTracking ?? ''}`
                      : t(
                          `window.detail.collectedBy.${view.delivery.collector === 'agent' ? 'agent' : 'applicant'}`,
                        ),
                  at: when(view.delivery.at),
                })}
              </p>
            )}
          </section>
        )}
        <section aria-label={t('window.detail.history')}>
          <h3>{t('window.detail.history')}</h3>
          <ol className="window-history" data-testid="history">
            {view.history.map((h, i) => (
              <li key={`${h.at}-${i}`}>
                <span className="window-mono">{when(h.at)}</span>{' '}
                <strong>{t(`window.status.${h.status}`, { defaultValue: h.status })}</strong>{' '}
                <span className="window-muted">{byLabel(t, h.by)}</span>
                {h.note && <div className="window-note">{h.note}</div>}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </div>
  );
}
