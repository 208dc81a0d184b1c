import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  onSubmit(pin: string): void;
  busy?: boolean;
  /** Shown above the dots, e.g. "current PIN". */
  label: string;
  testId?: string;
  maxLength?: number;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** Digits on screen (no physical keyboard needed); the PIN shows as dots only. */
export function PinPad({ onSubmit, busy = false, label, testId = 'pin-pad', maxLength = 12 }: Props) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const press = (digit: string) => setPin((p) => (p.length >= maxLength ? p : p + digit));
  const submit = () => {
    if (pin.length === 0 || busy) return;
    onSubmit(pin);
    setPin('');
  };
  return (
    <div className="pin-pad" data-testid={testId}>
      <p className="pin-label">{label}</p>
      <p className="pin-dots" aria-live="polite" aria-label={t('technician.pin.entered', { count: pin.length })} data-testid={`${testId}-dots`}>
        {pin.length === 0 ? '\u00a0' : '●'.repeat(pin.length)}
      </p>
      <div className="pin-keys">
        {DIGITS.map((d) => (
          <button key={d} type="button" className="button pin-key" onClick={() => press(d)} data-testid={`${testId}-${d}`}>
            {d}
          </button>
        ))}
        <button type="button" className="button pin-key pin-key-small" onClick={() => setPin('')}>
          {t('keyboard.clear')}
        </button>
        <button type="button" className="button pin-key" onClick={() => press('0')} data-testid={`${testId}-0`}>
          0
        </button>
        <button type="button" className="button pin-key pin-key-small" onClick={() => setPin((p) => p.slice(0, -1))}>
          {t('keyboard.backspace')}
        </button>
      </div>
      <button type="button" className="button button-primary pin-ok" disabled={busy || pin.length === 0} onClick={submit} data-testid={`${testId}-ok`}>
        {t('technician.pin.ok')}
      </button>
    </div>
  );
}
