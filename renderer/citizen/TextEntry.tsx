import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { OnScreenKeyboard } from '../ui/keyboard/OnScreenKeyboard';
import type { Key } from '../ui/keyboard/keys';

interface Props {
  value: string;
  onChange(value: string): void;
  maxLength: number;
  label: string;
}

/**
 * Typing Chinese on a kiosk without an input method: letters compose pinyin, the terminal offers the
 * characters (input.hanzi), a tap commits one; digits go straight in. "A" switches to plain letters.
 */
export function TextEntry({ value, onChange, maxLength, label }: Props) {
  const { t } = useTranslation();
  const [pinyin, setPinyin] = useState('');
  const [latin, setLatin] = useState(false);
  const [candidates, setCandidates] = useState<string[]>([]);

  useEffect(() => {
    if (pinyin === '') {
      setCandidates([]);
      return;
    }
    let live = true;
    api.call('input.hanzi', { pinyin }).then(
      (r) => live && setCandidates(r.candidates),
      () => live && setCandidates([]),
    );
    return () => {
      live = false;
    };
  }, [pinyin]);

  const append = (text: string) => {
    const next = Array.from(value + text).slice(0, maxLength).join('');
    onChange(next);
  };
  const commit = (ch: string) => {
    append(ch);
    setPinyin('');
  };
  const onKey = (key: Key) => {
    switch (key.kind) {
      case 'char':
        if (/[a-z]/i.test(key.char) && !latin) setPinyin((p) => (p.length < 6 ? p + key.char.toLowerCase() : p));
        else append(key.char);
        return;
      case 'backspace':
        if (pinyin) setPinyin((p) => p.slice(0, -1));
        else onChange(Array.from(value).slice(0, -1).join(''));
        return;
      case 'clear':
        if (pinyin) setPinyin('');
        else onChange('');
        return;
      case 'space':
        if (pinyin && candidates[0]) commit(candidates[0]);
        else if (value && !value.endsWith(' ')) append(' ');
        return;
      case 'switch':
        return;
    }
  };

  return (
    <div className="text-entry">
      <div className="ime-bar" aria-live="polite">
        <button type="button" className="button button-secondary ime-mode" aria-pressed={latin} onClick={() => setLatin((l) => !l)} data-testid="ime-mode">
          {latin ? 'A' : '中'}
        </button>
        {pinyin && (
          <span className="ime-pinyin" data-testid="ime-pinyin">
            {t('citizen.form.pinyin')}: {pinyin}
          </span>
        )}
        {pinyin && candidates.length === 0 && <span className="ime-none">{t('citizen.form.noCandidates')}</span>}
      </div>
      {candidates.length > 0 && (
        <div className="ime-candidates" role="group" aria-label={t('citizen.form.pinyin')} data-testid="ime-candidates">
          {candidates.map((ch) => (
            <button key={ch} type="button" className="ime-candidate" lang="zh-CN" onClick={() => commit(ch)}>
              {ch}
            </button>
          ))}
        </div>
      )}
      <OnScreenKeyboard value={value} onChange={onChange} onKey={onKey} layout="letters" maxLength={maxLength} label={label} />
    </div>
  );
}
