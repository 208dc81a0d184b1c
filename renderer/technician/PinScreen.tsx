import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccessStore } from './access-store';
import { PinPad } from './PinPad';

/** The only thing a locked console shows: the PIN pad with what the terminal says about the lock. */
export function PinScreen({ onCancel }: { onCancel(): void }) {
  const { t } = useTranslation();
  const { status, notice, busy, enter, refresh } = useAccessStore();
  const lockedUntil = status?.lockedUntil ?? null;
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    if (!lockedUntil) return;
    // Ask again when the lock runs out, so the pad comes back by itself.
    const timer = setTimeout(() => void refresh(), Math.max(0, Date.parse(lockedUntil) - Date.now()) + 500);
    return () => clearTimeout(timer);
  }, [lockedUntil, refresh]);
  const notConfigured = status !== null && !status.pinConfigured;
  return (
    <section className="pin-screen" aria-labelledby="pin-title" data-testid="pin-screen">
      <h1 id="pin-title">{t('technician.pin.title')}</h1>
      {notice && (
        <p className="notice notice-error" role="alert" data-testid="pin-notice">
          {t(`technician.pin.${notice.key}`, notice.params ?? {})}
        </p>
      )}
      {notConfigured ? (
        <div className="pin-setup" data-testid="pin-not-configured">
          <p>{t('technician.pin.notConfigured')}</p>
          <p className="pin-setup-how">{t('technician.pin.howToSet')}</p>
          <code>HALL_TECHNICIAN_PIN=…… npm start -- --devices configured</code>
        </div>
      ) : lockedUntil && notice?.key !== 'locked' ? (
        <p className="notice notice-error" role="alert" data-testid="pin-locked">
          {t('technician.pin.locked', { time: new Date(lockedUntil).toTimeString().slice(0, 5) })}
        </p>
      ) : null}
      {!notConfigured && !lockedUntil && <PinPad onSubmit={(pin) => void enter(pin)} busy={busy} label={t('technician.pin.prompt')} />}
      <button type="button" className="button button-secondary" onClick={onCancel} data-testid="pin-cancel">
        {t('technician.pin.cancel')}
      </button>
    </section>
  );
}
