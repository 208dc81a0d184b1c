import { useTranslation } from 'react-i18next';
import type { IdCardSummary } from '../../src/contract';
import { useAttractStore } from '../stores/attract-store';
import { readerUsable, useSystemStore } from '../stores/system-store';
import { ElderlyToggle } from '../ui/ElderlyToggle';
import { LanguageToggle } from '../ui/LanguageToggle';

function CardRead({ card }: { card: IdCardSummary }) {
  const { t } = useTranslation();
  return (
    <section className="card-read" aria-live="polite" data-testid="card-read">
      <div className="silhouette" aria-hidden="true" />
      <p className="card-read-status">{t('attract.cardRead')}</p>
      <p className="card-read-name" data-testid="masked-name">
        {card.maskedName}
      </p>
      <p className="card-read-number" data-testid="masked-id">
        {card.maskedIdNumber}
      </p>
      <p className="card-read-type">{t(`attract.cardTypes.${card.cardType}`)}</p>
      {!card.idNumberValid && (
        <p className="notice notice-error" role="alert">
          {t('attract.invalidNumber')}
        </p>
      )}
    </section>
  );
}

function PlaceCardPrompt() {
  const { t } = useTranslation();
  return (
    <section className="place-card" data-testid="place-card">
      <div className="reader-animation" aria-hidden="true">
        <div className="reader-card" />
        <div className="reader-base" />
      </div>
      <p className="prompt-zh" lang="zh-CN">
        请放置身份证
      </p>
      <p className="prompt-en" lang="en">
        Place your ID card
      </p>
      <p className="hint">{t('attract.hint')}</p>
    </section>
  );
}

/** The first screen a citizen sees: invites them to place their card or touch to start. */
export function AttractScreen({ onBegin }: { onBegin?: () => void }) {
  const { t } = useTranslation();
  const card = useAttractStore((s) => s.card);
  const reader = useSystemStore((s) => s.devices.idcard);
  const connection = useSystemStore((s) => s.connection);
  const info = useSystemStore((s) => s.info);
  const showReaderOffline = connection === 'open' && info !== null && !readerUsable(reader);

  return (
    <main className="attract">
      <header className="attract-header">
        <h1>{t('attract.title')}</h1>
        <div className="header-actions">
          <ElderlyToggle />
          <LanguageToggle />
        </div>
      </header>
      <div className="attract-body">{card ? <CardRead card={card} /> : <PlaceCardPrompt />}</div>
      {onBegin && (
        <button type="button" className="button button-primary button-huge touch-to-start" onClick={onBegin} data-testid="begin">
          {t('attract.touchToStart')}
        </button>
      )}
      <footer className="attract-footer" aria-live="polite">
        {connection !== 'open' && <p className="notice">{t('attract.serviceOffline')}</p>}
        {showReaderOffline && (
          <p className="notice notice-error" data-testid="reader-offline">
            {t('attract.readerOffline')} — {t('attract.readerOfflineHint')}
          </p>
        )}
      </footer>
    </main>
  );
}
