import { useTranslation } from 'react-i18next';
import { usePreferencesStore } from '../stores/preferences-store';

export function ElderlyToggle() {
  const { t } = useTranslation();
  const elderly = usePreferencesStore((s) => s.elderly);
  const toggle = usePreferencesStore((s) => s.toggleElderly);
  return (
    <button type="button" className="button button-secondary" aria-pressed={elderly} onClick={toggle} data-testid="elderly-toggle">
      {elderly ? t('preferences.standard') : t('preferences.elderly')}
    </button>
  );
}
