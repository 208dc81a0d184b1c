import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFlowStore } from './flow-store';

/** 谢谢: a few seconds to take the card and receipt, then the session is wiped (or at once on a tap). */
export function GoodbyeScreen({ afterMs = 8_000 }: { afterMs?: number }) {
  const { t } = useTranslation();
  const finish = useFlowStore((s) => s.finish);
  useEffect(() => {
    const timer = setTimeout(finish, afterMs);
    return () => clearTimeout(timer);
  }, [finish, afterMs]);
  return (
    <main className="goodbye" data-testid="goodbye">
      <h1 className="goodbye-title">{t('citizen.goodbye.title')}</h1>
      <p className="goodbye-hint">{t('citizen.goodbye.hint')}</p>
      <button type="button" className="button button-primary button-huge" onClick={finish} data-testid="goodbye-done">
        {t('citizen.goodbye.done')}
      </button>
    </main>
  );
}
