import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { LanguageToggle } from '../ui/LanguageToggle';
import { useAccessStore } from './access-store';
import { DevicePanel } from './DevicePanel';
import { LogPanel } from './LogPanel';
import { SettingsPanel } from './SettingsPanel';
import { SyncSection } from './SyncSection';
import './technician.css';

type Tab = 'devices' | 'settings' | 'sync' | 'logs';
const TABS: readonly Tab[] = ['devices', 'settings', 'sync', 'logs'];
/** Activity tells the terminal at most this often; the session ends after 10 minutes without any. */
const KEEP_ALIVE_MS = 60_000;

/** The unlocked technician console: devices (bind, status, tests), settings, logs and diagnostics. */
export function TechnicianConsole() {
  const { t } = useTranslation();
  const { exit, refresh, status } = useAccessStore();
  const [tab, setTab] = useState<Tab>('devices');
  const lastKeepAlive = useRef(0);

  useEffect(() => {
    const onActivity = (e: PointerEvent) => {
      if (e.timeStamp - lastKeepAlive.current < KEEP_ALIVE_MS) return;
      lastKeepAlive.current = e.timeStamp;
      api.call('technician.keepAlive').catch(() => void refresh());
    };
    window.addEventListener('pointerdown', onActivity, { capture: true });
    const timer = setInterval(() => void refresh(), 30_000);
    return () => {
      window.removeEventListener('pointerdown', onActivity, { capture: true });
      clearInterval(timer);
    };
  }, [refresh]);

  return (
    <main className="technician" data-testid="technician-console">
      <header className="attract-header technician-header">
        <h1>{t('technician.title')}</h1>
        <div className="header-actions">
          <LanguageToggle />
          <button type="button" className="button button-secondary" onClick={() => void exit()} data-testid="technician-exit">
            {t('technician.exit')}
          </button>
        </div>
      </header>
      {status?.developmentPin && (
        <p className="notice notice-error technician-warning" data-testid="development-pin">
          {t('technician.developmentPin')}
        </p>
      )}
      <nav className="technician-tabs" role="tablist">
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            className={`button technician-tab${tab === name ? ' technician-tab-on' : ''}`}
            onClick={() => setTab(name)}
            data-testid={`tab-${name}`}
          >
            {t(`technician.tabs.${name}`)}
          </button>
        ))}
      </nav>
      <div className="technician-body">
        {tab === 'devices' && <DevicePanel />}
        {tab === 'settings' && <SettingsPanel />}
        {tab === 'sync' && <SyncSection />}
        {tab === 'logs' && <LogPanel />}
      </div>
    </main>
  );
}
