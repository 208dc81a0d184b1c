import { useState } from 'react';
import type { FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { WindowSignInResult, WindowState } from '../../src/contract';
import { api } from '../api/client';
import { LanguageToggle } from '../ui/LanguageToggle';
import { useWindowStore } from './window-store';

const time = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' });

function failure(t: TFunction, result: Extract<WindowSignInResult, { ok: false }>): string {
  switch (result.reason) {
    case 'wrong-pin':
      return result.attemptsLeft === undefined ? t('window.signIn.wrongPinPlain') : t('window.signIn.wrongPin', { count: result.attemptsLeft });
    case 'locked':
      return t('window.signIn.locked', { time: result.lockedUntil ? time(result.lockedUntil) : '' });
    case 'unreachable':
      return t('window.signIn.unreachable');
    case 'unknown-window':
      return t('window.signIn.unknownWindow');
    case 'not-configured':
      return t('window.signIn.notConfigured');
  }
}

/** Staff number + PIN; the platform checks them (and locks a number after five wrong PINs). */
export function SignInScreen({ state }: { state: WindowState }) {
  const { t } = useTranslation();
  const [staffNumber, setStaffNumber] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !staffNumber.trim() || !pin) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.call('window.signIn', { staffNumber: staffNumber.trim(), pin });
      setPin('');
      if (result.ok) useWindowStore.getState().setState(result.state);
      else setError(failure(t, result));
    } catch {
      setError(t('window.signIn.unreachable'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="window-app window-gate">
      <div className="window-gate-lang">
        <LanguageToggle />
      </div>
      <form className="window-card" onSubmit={(e) => void submit(e)} aria-labelledby="window-signin-title">
        <h1 id="window-signin-title">{t('window.signIn.title')}</h1>
        <p className="window-muted">{t('window.signIn.window', { id: state.windowId ?? '—' })}</p>
        {!state.configured && <p className="window-error">{t('window.signIn.notConfigured')}</p>}
        <label className="window-field">
          <span>{t('window.signIn.staffNumber')}</span>
          <input data-testid="staff-number" autoFocus autoComplete="off" value={staffNumber} maxLength={32} onChange={(e) => setStaffNumber(e.target.value)} />
        </label>
        <label className="window-field">
          <span>{t('window.signIn.pin')}</span>
          <input data-testid="staff-pin" type="password" inputMode="numeric" autoComplete="off" value={pin} maxLength={12} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} />
        </label>
        {error && (
          <p className="window-error" role="alert" data-testid="signin-error">
            {error}
          </p>
        )}
        <button type="submit" className="wbtn wbtn-primary wbtn-wide" disabled={busy} data-testid="signin-submit">
          {busy ? t('window.signIn.checking') : t('window.signIn.submit')}
          <kbd>Enter</kbd>
        </button>
      </form>
    </main>
  );
}

/** The idle lock: the same staff member's PIN (checked locally, so it works offline), or sign out. */
export function LockScreen({ state }: { state: WindowState }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [error, setError] = useState(false);
  const session = state.session;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!pin) return;
    const result = await api.call('window.unlock', { pin });
    setPin('');
    setError(!result.ok);
    useWindowStore.getState().setState(result.state);
  };

  return (
    <main className="window-app window-gate">
      <form className="window-card" onSubmit={(e) => void submit(e)} aria-labelledby="window-lock-title">
        <h1 id="window-lock-title">{t('window.lock.title')}</h1>
        <p className="window-muted">{t('window.lock.hint', { name: session?.staffName ?? '', number: session?.staffNumber ?? '' })}</p>
        <label className="window-field">
          <span>{t('window.signIn.pin')}</span>
          <input data-testid="unlock-pin" type="password" inputMode="numeric" autoFocus autoComplete="off" value={pin} maxLength={12} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} />
        </label>
        {error && (
          <p className="window-error" role="alert">
            {t('window.lock.wrong')}
          </p>
        )}
        <button type="submit" className="wbtn wbtn-primary wbtn-wide" data-testid="unlock-submit">
          {t('window.lock.unlock')}
          <kbd>Enter</kbd>
        </button>
        <button type="button" className="wbtn wbtn-wide" onClick={() => void api.call('window.signOut').then((s) => useWindowStore.getState().setState(s))}>
          {t('window.lock.signOut')}
        </button>
      </form>
    </main>
  );
}
