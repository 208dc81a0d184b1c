import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSystemStore } from '../stores/system-store';
import { wipeSession } from '../stores/session-reset';
import { useFlowStore } from './flow-store';

/** "You will lose what you entered": asked before home, finish or back out of an application. */
export function LeaveConfirm() {
  const { t } = useTranslation();
  const leaving = useFlowStore((s) => s.leaving);
  const confirmLeave = useFlowStore((s) => s.confirmLeave);
  const stayHere = useFlowStore((s) => s.stayHere);
  if (!leaving) return null;
  return (
    <div className="overlay" role="alertdialog" aria-modal="true" aria-labelledby="leave-title" aria-describedby="leave-body" data-testid="leave-confirm">
      <div className="dialog">
        <h2 id="leave-title">{t('citizen.leave.title')}</h2>
        <p id="leave-body" className="idle-count">
          {t('citizen.leave.body')}
        </p>
        <div className="footer-row">
          <button type="button" className="button button-secondary button-huge" onClick={confirmLeave} data-testid="leave-yes">
            {t('citizen.leave.leave')}
          </button>
          {/* Staying is the safe answer, so it is the one that takes focus. */}
          <button type="button" className="button button-primary button-huge" onClick={stayHere} autoFocus data-testid="leave-no">
            {t('citizen.leave.stay')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** Our own offline screen: the terminal service is reconnecting; nothing typed is lost meanwhile. */
export function OfflineOverlay() {
  const { t } = useTranslation();
  const connection = useSystemStore((s) => s.connection);
  const step = useFlowStore((s) => s.step);
  if (connection !== 'closed' || step === 'attract') return null;
  return (
    <div className="overlay" role="alertdialog" aria-modal="true" aria-labelledby="offline-title" data-testid="offline">
      <div className="dialog">
        <h2 id="offline-title">{t('citizen.offline.title')}</h2>
        <p className="idle-count">{t('citizen.offline.body')}</p>
      </div>
    </div>
  );
}

function ErrorScreen({ onRestart }: { onRestart(): void }) {
  const { t } = useTranslation();
  return (
    <main className="goodbye" role="alert" data-testid="error-screen">
      <h1 className="goodbye-title">{t('citizen.error.title')}</h1>
      <p className="goodbye-hint">
        {t('citizen.error.body')} {t('citizen.staffWindow')}
      </p>
      <button type="button" className="button button-primary button-huge" onClick={onRestart}>
        {t('citizen.error.restart')}
      </button>
    </main>
  );
}

/** Our own error screen instead of a blank page; restarting wipes the session. */
export class CitizenErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(_error: Error, _info: ErrorInfo): void {
    // Nothing is logged from here: a render error can carry form values (personal data).
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <ErrorScreen
        onRestart={() => {
          wipeSession();
          this.setState({ failed: false });
        }}
      />
    );
  }
}
