import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogEntry } from '../../src/contract';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import { privileged } from './access-store';

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

/** Recent log entries (personal data already masked on the privileged side) and the diagnostics export. */
export function LogPanel() {
  const { t } = useTranslation();
  const [level, setLevel] = useState<Level>('info');
  const [entries, setEntries] = useState<LogEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [bundle, setBundle] = useState<{ fileName: string; bytes: number; url: string } | null>(null);
  const load = useCallback(() => {
    privileged(() => api.call('logs.recent', { limit: 300, minLevel: level })).then(
      (r) => setEntries([...r.entries].reverse()),
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [level]);
  useEffect(load, [load]);
  useEffect(() => () => (bundle ? URL.revokeObjectURL(bundle.url) : undefined), [bundle]);
  const exportBundle = () => {
    setError(null);
    privileged(() => api.call('diagnostics.export')).then(
      (r) => setBundle({ fileName: r.fileName, bytes: r.bytes, url: URL.createObjectURL(new Blob([r.content], { type: 'application/json' })) }),
      (e: unknown) => setError(errorMessage(e)),
    );
  };
  return (
    <>
      <section className="panel">
        <h2>{t('technician.diagnostics.title')}</h2>
        <p>{t('technician.diagnostics.hint')}</p>
        <button type="button" className="button button-primary" onClick={exportBundle} data-testid="diagnostics-export">
          {t('technician.diagnostics.export')}
        </button>
        {bundle && (
          <p data-testid="diagnostics-result">
            {t('technician.diagnostics.written', { file: bundle.fileName, kb: Math.ceil(bundle.bytes / 1024) })}{' '}
            <a className="button button-secondary download-link" href={bundle.url} download={bundle.fileName} data-testid="diagnostics-download">
              {t('technician.diagnostics.download')}
            </a>
          </p>
        )}
      </section>
      <section className="panel">
        <h2>{t('technician.logs.title')}</h2>
        <div className="row-actions">
          {LEVELS.map((l) => (
            <button key={l} type="button" aria-pressed={level === l} className={`button ${level === l ? 'button-primary' : 'button-secondary'}`} onClick={() => setLevel(l)}>
              {t(`technician.logs.levels.${l}`)}
            </button>
          ))}
          <button type="button" className="button button-secondary" onClick={load} data-testid="logs-refresh">
            {t('technician.logs.refresh')}
          </button>
        </div>
        <ol className="log-list" data-testid="log-list">
          {entries.map((e) => (
            <li key={e.seq} className={`log-entry log-${e.level}`}>
              <span className="log-time">{e.at.slice(11, 19)}</span> <span className="log-level">{e.level}</span> <span className="log-message">{e.message}</span>
              {e.details !== '{}' && <span className="log-details">{e.details}</span>}
            </li>
          ))}
        </ol>
        {entries.length === 0 && <p>{t('technician.logs.empty')}</p>}
        {error && <p className="notice notice-error">{error}</p>}
      </section>
    </>
  );
}
