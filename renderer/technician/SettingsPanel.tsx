import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TerminalIdentity } from '../../src/contract';
import { api } from '../api/client';
import { errorMessage, failureOf, fieldMessages, issueMessage } from '../api/error-message';
import type { Translate } from '../api/error-message';
import { OnScreenKeyboard } from '../ui/keyboard/OnScreenKeyboard';
import { privileged } from './access-store';
import { PinPad } from './PinPad';

type TextField = 'hallCode' | 'terminalNumber' | 'terminalName' | 'idleTimeoutSeconds';
const FIELDS: readonly TextField[] = ['hallCode', 'terminalNumber', 'terminalName', 'idleTimeoutSeconds'];
const UPPER: ReadonlySet<TextField> = new Set(['hallCode', 'terminalNumber']);

type Draft = Record<TextField, string> & { paperWidthMm: 58 | 80 };

const toDraft = (i: TerminalIdentity): Draft => ({ ...i, idleTimeoutSeconds: String(i.idleTimeoutSeconds) });

/** Field → what is wrong with it; a format problem says which format the field takes. */
function identityProblems(error: unknown, t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of failureOf(error)?.issues ?? []) {
    out[issue.path] ??= issue.reason === 'pattern' ? t(`technician.identity.formats.${issue.path}`, { defaultValue: issueMessage(issue, t) }) : issueMessage(issue, t);
  }
  return out;
}

/** Hall and terminal identity, idle timeout, paper width — typed on screen, checked by the terminal. */
function IdentityForm() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [field, setField] = useState<TextField>('hallCode');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    api.call('terminal.identity').then((i) => setDraft(toDraft(i)), () => setDraft(null));
  }, []);
  if (!draft) return <p>{t('common.loading')}</p>;
  const set = (name: TextField, value: string) => {
    setSaved(false);
    setDraft({ ...draft, [name]: UPPER.has(name) ? value.toUpperCase() : value });
  };
  const save = () => {
    setProblems({});
    privileged(() => api.call('terminal.setIdentity', { ...draft, idleTimeoutSeconds: Number(draft.idleTimeoutSeconds) || 0 })).then(
      (i) => {
        setDraft(toDraft(i));
        setSaved(true);
      },
      (e: unknown) => setProblems(identityProblems(e, t)),
    );
  };
  return (
    <div className="identity-form" data-testid="identity-form">
      {FIELDS.map((name) => (
        <label key={name} className={`form-field${field === name ? ' form-field-on' : ''}`}>
          <span>{t(`technician.identity.${name}`)}</span>
          <input
            value={draft[name]}
            inputMode="none"
            onFocus={() => setField(name)}
            onChange={(e) => set(name, e.target.value)}
            aria-invalid={problems[name] !== undefined}
            data-testid={`identity-${name}`}
          />
          {problems[name] && (
            <span className="field-problem" role="alert" data-testid={`identity-problem-${name}`}>
              {problems[name]}
            </span>
          )}
        </label>
      ))}
      <div className="form-field">
        <span>{t('technician.identity.paperWidthMm')}</span>
        <div className="row-actions">
          {([58, 80] as const).map((w) => (
            <button key={w} type="button" aria-pressed={draft.paperWidthMm === w} className={`button ${draft.paperWidthMm === w ? 'button-primary' : 'button-secondary'}`} onClick={() => setDraft({ ...draft, paperWidthMm: w })}>
              {w} mm
            </button>
          ))}
        </div>
      </div>
      <OnScreenKeyboard
        value={draft[field]}
        onChange={(v) => set(field, v)}
        layout={field === 'idleTimeoutSeconds' ? 'digits' : 'letters'}
        maxLength={field === 'terminalName' ? 40 : 16}
        label={t(`technician.identity.${field}`)}
      />
      <button type="button" className="button button-primary" onClick={save} data-testid="identity-save">
        {t('technician.identity.save')}
      </button>
      {saved && <p role="status">{t('technician.identity.saved')}</p>}
    </div>
  );
}

/** Change the PIN: current PIN, new PIN, new PIN again — all on the digit pad. */
function PinChange() {
  const { t } = useTranslation();
  const [step, setStep] = useState<'current' | 'next' | 'again'>('current');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const onPin = (pin: string) => {
    if (step === 'current') {
      setCurrent(pin);
      setStep('next');
      setResult(null);
    } else if (step === 'next') {
      setNext(pin);
      setStep('again');
    } else {
      setStep('current');
      if (pin !== next) {
        setResult({ ok: false, text: t('technician.changePin.mismatch') });
        return;
      }
      privileged(() => api.call('technician.changePin', { current, next })).then(
        () => setResult({ ok: true, text: t('technician.changePin.done') }),
        (e: unknown) => setResult({ ok: false, text: Object.values(fieldMessages(e, t))[0] ?? errorMessage(e, t) }),
      );
    }
  };
  return (
    <div className="pin-change" data-testid="pin-change">
      <PinPad key={step} onSubmit={onPin} label={t(`technician.changePin.${step}`)} testId="change-pin" />
      {result && (
        <p className={result.ok ? '' : 'notice notice-error'} role="status" data-testid="pin-change-result">
          {result.text}
        </p>
      )}
      <p className="hint">{t('technician.changePin.rules')}</p>
    </div>
  );
}

export function SettingsPanel() {
  const { t } = useTranslation();
  return (
    <>
      <section className="panel">
        <h2>{t('technician.identity.title')}</h2>
        <IdentityForm />
      </section>
      <section className="panel">
        <h2>{t('technician.changePin.title')}</h2>
        <PinChange />
      </section>
    </>
  );
}
