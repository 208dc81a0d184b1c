import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { WindowState } from '../../src/contract';
import { api } from '../api/client';
import { LanguageToggle } from '../ui/LanguageToggle';
import { ActionBar } from './ActionBar';
import { ActionDialog } from './ActionDialogs';
import { ApplicationPanel } from './ApplicationPanel';
import { MaterialViewer } from './MaterialViewer';
import { OutcomeBanner } from './OutcomeBanner';
import { QueuePanel } from './QueuePanel';
import { byLabel } from './labels';
import { commandOf } from './shortcuts';
import type { Command } from './shortcuts';
import { useWalkInStore } from './walkin-store';
import { WalkInPanel } from './WalkInPanel';
import { useWindowStore } from './window-store';

const QUEUE_REFRESH_MS = 20_000;

const clock = (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' }) : '');

/** Alt+M in a walk-in: the camera for the material whose row has the focus, else the first one not yet provided. */
function openCameraForFocused(): void {
  const focused = document.activeElement?.closest<HTMLElement>('[data-material]');
  const row = focused ?? document.querySelector<HTMLElement>('[data-material][data-complete="false"]') ?? document.querySelector<HTMLElement>('[data-material]');
  const key = row?.dataset.material;
  if (key) useWalkInStore.getState().openCamera(key);
}

/** Runs a shortcut; viewer commands go to the viewer through a custom event. */
function run(command: Command, focusFind: () => void): void {
  const s = useWindowStore.getState();
  if (s.dialog && command !== 'lock') return;
  const walkIn = useWalkInStore.getState();
  if (command === 'walkin') return walkIn.open();
  // During a walk-in intake: Alt+C reads the next card, Alt+M opens the document camera, Alt+K pre-checks, Alt+A submits and accepts.
  if (walkIn.phase !== 'closed' && command !== 'lock') {
    if (walkIn.phase !== 'form' || walkIn.camera) return;
    if (command === 'camera') return openCameraForFocused();
    if (command === 'card') return void walkIn.readCard();
    if (command === 'precheck') return void walkIn.runPrecheck();
    if (command === 'accept') return void walkIn.submit();
    return;
  }
  const actions = s.view?.actions ?? [];
  switch (command) {
    case 'find':
      return focusFind();
    case 'card':
      return void s.findByCard();
    case 'reveal':
      return void s.reveal();
    case 'lock':
      return void api.call('window.lock').then((state) => s.setState(state));
    case 'accept':
    case 'supplement':
    case 'reject':
    case 'handout':
      if (actions.includes(command)) s.setDialog(command);
      return;
    case 'special':
      if (actions.includes('special')) s.setDialog('special');
      else if (actions.includes('endSpecial')) void s.act({ action: 'endSpecial' });
      return;
    case 'evaluate':
      return void document.dispatchEvent(new CustomEvent('window-evaluate'));
    default:
      document.dispatchEvent(new CustomEvent('window-viewer', { detail: command }));
  }
}

export function Workstation({ state }: { state: WindowState }) {
  const { t } = useTranslation();
  const queue = useWindowStore((s) => s.queue);
  const findRef = useRef<HTMLInputElement>(null);
  const session = state.session;

  useEffect(() => {
    void useWindowStore.getState().loadQueue();
    // New kiosk submissions and other windows' actions show up without a click.
    const timer = setInterval(() => void useWindowStore.getState().loadQueue(), QUEUE_REFRESH_MS);
    return () => {
      clearInterval(timer);
      // Signed out or locked: a walk-in intake in progress is forgotten here and on the privileged side.
      if (useWalkInStore.getState().phase !== 'closed') void useWalkInStore.getState().close();
    };
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = commandOf(event);
      if (!command) return;
      event.preventDefault();
      run(command, () => findRef.current?.focus());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const walkInOpen = useWalkInStore((w) => w.phase !== 'closed');
  // Back from a walk-in: the queue again, with what was just accepted once it has synced.
  const wasWalkIn = useRef(false);
  useEffect(() => {
    if (wasWalkIn.current && !walkInOpen) void useWindowStore.getState().loadQueue();
    wasWalkIn.current = walkInOpen;
  }, [walkInOpen]);
  const stale = queue?.stale === true;
  return (
    <main className="window-app" data-testid="workstation">
      <header className="window-header">
        <h1>
          {session?.windowName ?? t('window.title')}
          <span className="window-muted"> · {t('window.title')}</span>
        </h1>
        <div className="window-header-right">
          <span className={`window-pill window-pill-${state.platform}`} data-testid="platform-state">
            {t(`window.header.${state.platform}`)}
          </span>
          {state.pendingActions > 0 && (
            <span className="window-pill window-pill-pending" data-testid="pending-actions">
              {t('window.header.pending', { count: state.pendingActions })}
            </span>
          )}
          <span className="window-staff" data-testid="staff">
            {t('window.header.staff', { name: session?.staffName ?? '', number: session?.staffNumber ?? '' })}
          </span>
          <button type="button" className="wbtn" onClick={() => run('walkin', () => undefined)} data-testid="walkin-open">
            {t('window.walkin.open')}
            <kbd>Alt+N</kbd>
          </button>
          <LanguageToggle />
          <button type="button" className="wbtn" onClick={() => run('lock', () => undefined)}>
            {t('window.header.lock')}
            <kbd>Alt+L</kbd>
          </button>
          <button type="button" className="wbtn" onClick={() => void api.call('window.signOut').then((s) => useWindowStore.getState().setState(s))}>
            {t('window.header.signOut')}
          </button>
        </div>
      </header>
      {stale && (
        <div className="window-banner window-banner-warn" role="status" data-testid="stale-banner">
          {queue.syncedAt ? t('window.stale', { time: clock(queue.syncedAt) }) : t('window.staleNever')}
        </div>
      )}
      {state.replayConflicts.length > 0 && (
        <div className="window-banner window-banner-error" role="alert" data-testid="replay-conflicts">
          <strong>{t('window.conflicts.title')}</strong>
          <ul>
            {state.replayConflicts.map((c) => (
              <li key={`${c.trackingNumber}-${c.action}`}>
                {t('window.conflicts.item', {
                  tracking: c.trackingNumber,
                  action: t(`window.actions.${c.action}`),
                  by: byLabel(t, c.by),
                  status: t(`window.status.${c.status}`, { defaultValue: c.status }),
                })}
              </li>
            ))}
          </ul>
          <button type="button" className="wbtn" onClick={() => void api.call('window.dismissConflicts').then((s) => useWindowStore.getState().setState(s))}>
            {t('window.conflicts.dismiss')}
          </button>
        </div>
      )}
      <OutcomeBanner />
      {walkInOpen ? (
        <WalkInPanel />
      ) : (
        <div className="window-body">
          <QueuePanel findRef={findRef} />
          <section className="window-center" aria-label={t('window.detail.form')}>
            <ApplicationPanel />
            <ActionBar staff={session ? { name: session.staffName, number: session.staffNumber } : null} />
          </section>
          <MaterialViewer />
        </div>
      )}
      <footer className="window-footer">{t('window.shortcutHelp')}</footer>
      <ActionDialog />
    </main>
  );
}
