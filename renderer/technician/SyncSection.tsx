import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeadLetterView, EnrolResult } from '../../src/contract';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import { SyncBadge } from '../sync/SyncBadge';
import { OnScreenKeyboard } from '../ui/keyboard/OnScreenKeyboard';
import { privileged } from './access-store';

/** Sync with the central platform: every figure, enrolment with a one-time code, dead letters to queue again. */
export function SyncSection() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [enrol, setEnrol] = useState<EnrolResult | null>(null);
  const [dead, setDead] = useState<DeadLetterView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    privileged(() => api.call('sync.deadLetters')).then(setDead, (e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(load, [load]);
  const submit = () => {
    setEnrol(null);
    privileged(() => api.call('sync.enrol', { code })).then(
      (r) => {
        setEnrol(r);
        if (r.ok) setCode('');
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  };
  const requeue = (opId: number) => {
    privileged(() => api.call('sync.requeue', { opId })).then(load, (e: unknown) => setError(errorMessage(e)));
  };
  return (
    <>
      <section className="panel">
        <h2>{t('technician.sync.title')}</h2>
        <SyncBadge variant="full" />
      </section>
      <section className="panel" data-testid="sync-enrol">
        <h2>{t('technician.sync.enrolTitle')}</h2>
        <p>{t('technician.sync.enrolHint')}</p>
        <p className="rating-text-value" data-testid="enrol-code">
          {code || '\u00a0'}
        </p>
        <OnScreenKeyboard value={code} onChange={(v) => setCode(v.toUpperCase().replace(/\s/g, ''))} layout="letters" maxLength={20} label={t('technician.sync.code')} />
        <button type="button" className="button button-primary" disabled={code.length < 4} onClick={submit} data-testid="enrol-submit">
          {t('technician.sync.enrol')}
        </button>
        {enrol && (
          <p className={enrol.ok ? '' : 'notice notice-error'} role="status" data-testid="enrol-result">
            {enrol.ok ? t('technician.sync.enrolled', { terminal: enrol.terminalId, hall: enrol.hallId }) : t(`technician.sync.enrolFailed.${enrol.reason}`)}
          </p>
        )}
      </section>
      <section className="panel">
        <h2>{t('technician.sync.deadTitle')}</h2>
        {dead.length === 0 ? (
          <p>{t('technician.sync.noDead')}</p>
        ) : (
          <ul className="device-list">
            {dead.map((d) => (
              <li key={d.opId} className="device-row device-error">
                <span className="device-name">{d.kind}</span>
                <span className="device-kind">
                  {d.code} · {d.message}
                </span>
                <div className="row-actions">
                  <button type="button" className="button button-secondary" onClick={() => requeue(d.opId)}>
                    {t('technician.sync.requeue')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
        {error && <p className="notice notice-error">{error}</p>}
      </section>
    </>
  );
}
