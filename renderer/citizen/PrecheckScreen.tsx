import { useTranslation } from 'react-i18next';
import { issueMessage } from '../api/error-message';
import { ScreenFrame } from '../ui/ScreenFrame';
import { useApplicationStore } from './application';
import { ErrorSummary } from './ErrorSummary';
import { fieldDomId } from './FieldInput';
import { useFlowStore } from './flow-store';
import { StepIndicator } from './StepIndicator';

/** 预审: everything missing or wrong at once; fix it now, or take the one-time notice home. */
export function PrecheckScreen() {
  const { t, i18n } = useTranslation();
  const app = useApplicationStore();
  const go = useFlowStore((s) => s.go);
  const finish = useFlowStore((s) => s.finish);
  const result = app.precheck;
  if (!result) return null;
  const labels = new Map((app.form?.sections ?? []).flatMap((s) => s.fields.map((f) => [f.id, f.label] as const)));
  const names = new Map(app.materials.map((m) => [m.key, m.name]));
  const blocking = result.problems.filter((p) => p.blocking);
  const advice = result.problems.filter((p) => !p.blocking);
  const english = i18n.language === 'en';
  const printed = app.notice;

  const footer = result.ok ? (
    <button type="button" className="button button-primary button-huge button-wide" onClick={() => go('review')} data-testid="precheck-next">
      {t('citizen.precheck.next')}
    </button>
  ) : printed ? (
    <button type="button" className="button button-primary button-huge button-wide" onClick={finish} data-testid="precheck-finish">
      {t('citizen.precheck.finish')}
    </button>
  ) : (
    <button type="button" className="button button-secondary button-huge button-wide" disabled={app.busy} onClick={() => void app.printNotice(english)} data-testid="print-notice">
      {t('citizen.precheck.notice')}
    </button>
  );

  return (
    <ScreenFrame title={t('citizen.precheck.title')} subtitle={<StepIndicator step="precheck" />} footer={footer}>
      {result.ok && (
        <p className="notice notice-ok" role="status" data-testid="precheck-ok">
          {t('citizen.precheck.ok')}
        </p>
      )}
      <ErrorSummary
        title={t('citizen.precheck.problems', { count: blocking.length })}
        items={blocking.map((p, i) => ({
          key: p.field ? fieldDomId(p.field) : `material-${i}`,
          label: p.field ? (labels.get(p.field) ?? p.field) : (names.get(p.material ?? '') ?? ''),
          message: `${issueMessage(p, t)} — ${p.field ? t('citizen.precheck.fix') : t('citizen.precheck.fixMaterial')}`,
          onOpen: () => (p.field ? app.openField(p.field) : go('materials')),
        }))}
      />
      {advice.length > 0 && (
        <section className="guide-section">
          <h2 className="section-title">{t('citizen.precheck.advice')}</h2>
          <ul className="plain-list">
            {advice.map((p, i) => (
              <li key={i}>
                {p.field ? (labels.get(p.field) ?? p.field) : (names.get(p.material ?? '') ?? '')}：{issueMessage(p, t)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {printed && (
        <p className={printed.outcome === 'printed' ? 'notice notice-ok' : 'notice notice-error'} role="status" data-testid="notice-result">
          {printed.outcome === 'printed' ? t('citizen.precheck.noticePrinted') : t('citizen.precheck.noticeFailed')}
        </p>
      )}
      {app.problem && (
        <p className="notice notice-error" role="alert">
          {app.problem} {t('citizen.askStaff')}
        </p>
      )}
    </ScreenFrame>
  );
}
