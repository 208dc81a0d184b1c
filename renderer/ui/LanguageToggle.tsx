import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';

export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <button type="button" className="button button-secondary" lang={next} onClick={() => setLanguage(next)}>
      {t('language.switchTo')}
    </button>
  );
}
