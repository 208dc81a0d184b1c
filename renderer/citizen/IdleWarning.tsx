import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIdleStore } from '../stores/idle-store';

/** "Are you still there?" — a countdown with one big button, focused so a keyboard user can answer too. */
export function IdleWarning() {
  const { t } = useTranslation();
  const { phase, deadline, extend } = useIdleStore();
  const [now, setNow] = useState(() => Date.now());
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (phase !== 'warning') return;
    button.current?.focus();
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [phase]);

  if (phase !== 'warning' || deadline === null) return null;
  const seconds = Math.max(0, Math.ceil((deadline - now) / 1000));
  return (
    <div className="overlay" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" data-testid="idle-warning">
      <div className="dialog">
        <h2 id="idle-title">{t('idle.title')}</h2>
        <p className="idle-count" aria-live="assertive">
          {t('idle.countdown', { seconds })}
        </p>
        <button ref={button} type="button" className="button button-primary button-huge" onClick={extend}>
          {t('idle.moreTime')}
        </button>
      </div>
    </div>
  );
}
