import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { usePreferencesStore } from '../stores/preferences-store';
import { useFlowStore } from './flow-store';

function synth(): SpeechSynthesis | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;
}

/** Spoken prompts (适老化): off by default; when on, each new screen's heading is read aloud. */
export function SpeechPrompts() {
  const { i18n } = useTranslation();
  const step = useFlowStore((s) => s.step);
  const speech = usePreferencesStore((s) => s.speech);
  useEffect(() => {
    const s = synth();
    if (!s) return;
    if (!speech) {
      s.cancel();
      return;
    }
    // After the screen rendered: read what its heading says.
    const timer = setTimeout(() => {
      const text = document.querySelector('h1')?.textContent?.trim();
      if (!text) return;
      s.cancel();
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = i18n.language === 'en' ? 'en-US' : 'zh-CN';
      utterance.rate = 0.9;
      s.speak(utterance);
    }, 300);
    return () => clearTimeout(timer);
  }, [step, speech, i18n.language]);
  return null;
}

/** The on-screen switch for spoken prompts; shown only where the browser can speak. */
export function SpeechToggle() {
  const { t } = useTranslation();
  const speech = usePreferencesStore((s) => s.speech);
  const toggle = usePreferencesStore((s) => s.toggleSpeech);
  if (!synth()) return null;
  return (
    <button type="button" className="button button-secondary" aria-pressed={speech} onClick={toggle} data-testid="speech-toggle">
      {speech ? t('citizen.speech.on') : t('citizen.speech.off')}
    </button>
  );
}
