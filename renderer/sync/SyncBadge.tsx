import { useTranslation } from 'react-i18next';
import { useSystemStore } from '../stores/system-store';
import { syncView } from './sync-view';

interface Props {
  /** compact: a dot, a word and the pending count (kiosk corner); full: every figure (technician console). */
  variant?: 'compact' | 'full';
  className?: string;
}

/** The terminal's sync state: how many records wait for the platform, and whether they can go. */
export function SyncBadge({ variant = 'compact', className }: Props) {
  const { t } = useTranslation();
  const state = useSystemStore((s) => s.sync);
  if (!state) return null;
  const view = syncView(state);
  const label = t(`sync.phase.${view.phaseKey}`);
  if (variant === 'compact') {
    return (
      <div className={`sync-badge sync-${view.tone} ${className ?? ''}`} role="status" data-testid="sync-badge">
        <span className="sync-dot" aria-hidden="true" />
        <span>{label}</span>
        {view.pending > 0 && <span className="sync-count">{t('sync.pending', { count: view.pending })}</span>}
      </div>
    );
  }
  const at = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : t('sync.never'));
  return (
    <section className={`sync-panel sync-${view.tone} ${className ?? ''}`} data-testid="sync-panel">
      <p className="sync-badge" role="status">
        <span className="sync-dot" aria-hidden="true" />
        <span>{label}</span>
      </p>
      <dl className="sync-figures">
        <dt>{t('sync.pendingLabel')}</dt>
        <dd>{view.pending}</dd>
        <dt>{t('sync.oldestLabel')}</dt>
        <dd>{view.waitingMinutes === null ? '—' : t('sync.minutes', { count: view.waitingMinutes })}</dd>
        <dt>{t('sync.deadLettersLabel')}</dt>
        <dd>{view.deadLetters}</dd>
        <dt>{t('sync.lastSuccessLabel')}</dt>
        <dd>{at(state.lastSuccessAt)}</dd>
        <dt>{t('sync.lastErrorLabel')}</dt>
        <dd>{state.lastError ? `${at(state.lastError.at)} · ${state.lastError.message}` : '—'}</dd>
      </dl>
      {state.phase === 'reauth' && <p className="notice notice-error">{t('sync.reauthHint')}</p>}
    </section>
  );
}
