import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFlowStore } from '../citizen/flow-store';
import { ElderlyToggle } from './ElderlyToggle';
import { LanguageToggle } from './LanguageToggle';
import { SyncBadge } from '../sync/SyncBadge';
import { SpeechToggle } from '../citizen/SpeechPrompts';

interface Props {
  title: string;
  children: ReactNode;
  /** The one main action of the screen, pinned at the bottom. */
  footer?: ReactNode;
  showBack?: boolean;
  /** Replaces the flow's back (e.g. the previous page of a form). */
  onBack?: () => void;
  /** Shown under the title, e.g. "step 2 of 5". */
  subtitle?: ReactNode;
}

/** Every citizen screen: title bar with back/home/finish, scrollable body, pinned main action. */
export function ScreenFrame({ title, children, footer, showBack = true, onBack, subtitle }: Props) {
  const { t } = useTranslation();
  const { back, goHome, finish } = useFlowStore();
  return (
    <main className="screen">
      <header className="screen-header">
        <div className="screen-nav">
          {showBack && (
            <button type="button" className="button button-secondary" onClick={onBack ?? back} data-testid="back">
              {t('nav.back')}
            </button>
          )}
          <button type="button" className="button button-secondary" onClick={goHome}>
            {t('nav.home')}
          </button>
          <button type="button" className="button button-secondary" onClick={finish} data-testid="finish">
            {t('nav.finish')}
          </button>
        </div>
        <div className="header-actions">
          <SpeechToggle />
          <ElderlyToggle />
          <LanguageToggle />
        </div>
      </header>
      <h1 className="screen-title">{title}</h1>
      {subtitle && <div className="screen-subtitle">{subtitle}</div>}
      {/* Focusable so the body can be scrolled from a keyboard too (WCAG 2.1.1; axe scrollable-region-focusable). */}
      <div className="screen-body" tabIndex={0} role="region" aria-label={title}>
        {children}
      </div>
      {footer && <footer className="screen-footer">{footer}</footer>}
      <SyncBadge className="sync-corner" />
    </main>
  );
}
