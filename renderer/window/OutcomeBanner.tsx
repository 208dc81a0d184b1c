import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { reasonMessage } from '../api/error-message';
import { byLabel } from './labels';
import { useWindowStore } from './window-store';
import type { Outcome } from './window-store';

const clock = (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' }) : '');

type T = TFunction;

function text(t: T, outcome: Outcome): { tone: 'ok' | 'warn' | 'error'; text: string } {
  switch (outcome.kind) {
    case 'error':
      return { tone: 'error', text: outcome.message };
    case 'info':
      return { tone: 'ok', text: t(outcome.key, outcome.values ?? {}) };
    case 'find':
      return { tone: 'warn', text: t(outcome.reason === 'no-card' ? 'window.find.noCard' : outcome.reason === 'bad-code' ? 'window.find.badCode' : 'window.find.none') };
    case 'act': {
      const r = outcome.result;
      switch (r.outcome) {
        case 'done': {
          const printed = r.printed === 'failed' ? t('window.result.printFailed') : t('window.result.printed');
          if (r.status === 'accepted') return { tone: 'ok', text: r.promisedDate ? t('window.result.accepted', { printed, date: r.promisedDate }) : t('window.result.acceptedNoDate', { printed }) };
          const key = `window.result.${r.status}`;
          return { tone: r.printed === 'failed' ? 'warn' : 'ok', text: t(key, { printed, defaultValue: t(`window.status.${r.status}`) }) };
        }
        case 'queued':
          return { tone: 'warn', text: t('window.result.queued', { count: r.pendingActions }) };
        case 'conflict': {
          const status = t(`window.status.${r.status}`, { defaultValue: r.status });
          return { tone: 'error', text: r.by ? t('window.result.conflict', { by: byLabel(t, r.by), at: clock(r.at), status }) : t('window.result.conflictNoBy', { status }) };
        }
        case 'refused':
          return { tone: 'error', text: reasonMessage(r.reason, undefined, null, t) };
      }
    }
  }
}

/** What the last action or search came to, in words; conflicts and refusals stand out. */
export function OutcomeBanner() {
  const { t } = useTranslation();
  const outcome = useWindowStore((s) => s.outcome);
  const setOutcome = useWindowStore((s) => s.setOutcome);
  if (!outcome) return null;
  const shown = text(t, outcome);
  return (
    <div className={`window-banner window-banner-${shown.tone}`} role={shown.tone === 'error' ? 'alert' : 'status'} data-testid="outcome" data-tone={shown.tone}>
      <span>{shown.text}</span>
      <button type="button" className="wbtn wbtn-small" onClick={() => setOutcome(null)} aria-label="×">
        ×
      </button>
    </div>
  );
}
