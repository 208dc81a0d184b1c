import { useTranslation } from 'react-i18next';
import { applyKey, rowsOf } from './keys';
import type { Key, KeyboardLayout } from './keys';

interface Props {
  value: string;
  onChange(value: string): void;
  layout: KeyboardLayout;
  maxLength: number;
  /** What the keys type into, for screen readers. */
  label: string;
  /** Takes every key press instead of onChange (an input method composing pinyin, for example). */
  onKey?(key: Key): void;
}

function keyLabel(key: Key, t: (k: string) => string): string {
  switch (key.kind) {
    case 'char':
      return key.char.toUpperCase();
    case 'backspace':
      return t('keyboard.backspace');
    case 'clear':
      return t('keyboard.clear');
    case 'space':
      return t('keyboard.space');
    case 'switch':
      return key.to;
  }
}

/** A touch keyboard for kiosks without a physical one. Only shown where typing cannot be avoided. */
export function OnScreenKeyboard({ value, onChange, layout, maxLength, label, onKey }: Props) {
  const { t } = useTranslation();
  return (
    <div className={`keyboard keyboard-${layout}`} role="group" aria-label={label} data-testid="keyboard">
      {rowsOf(layout).map((row, r) => (
        <div className="keyboard-row" key={r}>
          {row.map((key, k) => (
            <button
              type="button"
              key={k}
              className={`key key-${key.kind}`}
              onClick={() => (onKey ? onKey(key) : onChange(applyKey(value, key, maxLength)))}
              aria-label={key.kind === 'char' ? key.char : keyLabel(key, t)}
            >
              {keyLabel(key, t)}
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}
