import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceBinding, DeviceCandidate, DeviceRole, DeviceStatus } from '../../src/contract';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import { useSystemStore } from '../stores/system-store';
import { privileged } from './access-store';
import { CameraTest, CardTest, PadTest, PrinterTest, ScanTest } from './DeviceTests';

const ROLES: readonly Exclude<DeviceRole, 'camera'>[] = ['idcard', 'printer', 'scanner', 'evaluator'];

function StatusLine({ status, binding }: { status: DeviceStatus | undefined; binding: DeviceBinding | undefined }) {
  const { t } = useTranslation();
  if (binding && !binding.enabled) return <span className="device-state">{t('technician.unbound')}</span>;
  if (!status) return <span className="device-state">{binding?.kind === 'evaluator-screen' ? t('technician.screenEvaluator') : t('technician.none')}</span>;
  return (
    <span className="device-state">
      {t(`technician.states.${status.state}`)} · {status.connected ? t('technician.connected') : t('technician.disconnected')}
      {status.detail ? ` · ${status.detail}` : ''}
    </span>
  );
}

/** Candidates for a role, suggested ones first; bind one. */
function BindPicker({ role, onBound, onClose }: { role: DeviceRole; onBound(): void; onClose(): void }) {
  const { t } = useTranslation();
  const [candidates, setCandidates] = useState<DeviceCandidate[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const search = useCallback(() => {
    setCandidates(null);
    privileged(() => api.call('device.discover')).then(
      (r) => {
        setProblem(r.problem ?? null);
        setCandidates([...r.candidates].sort((a, b) => Number(b.suggestedRoles.includes(role)) - Number(a.suggestedRoles.includes(role))));
      },
      (e: unknown) => setProblem(errorMessage(e)),
    );
  }, [role]);
  useEffect(search, [search]);
  const bind = (candidateId: string) => {
    setBusy(true);
    privileged(() => api.call('device.bind', { role, candidateId })).then(
      () => {
        setBusy(false);
        onBound();
      },
      (e: unknown) => {
        setBusy(false);
        setProblem(errorMessage(e));
      },
    );
  };
  return (
    <div className="bind-picker" data-testid={`bind-picker-${role}`}>
      <h3>{t('technician.bindTitle', { role: t(`technician.roles.${role}`) })}</h3>
      {candidates === null && !problem && <p>{t('technician.searching')}</p>}
      {candidates?.length === 0 && <p>{t('technician.noCandidates')}</p>}
      <ul className="candidate-list">
        {candidates?.map((c) => (
          <li key={c.id}>
            <button type="button" className="button candidate" disabled={busy} onClick={() => bind(c.id)} data-testid={`candidate-${c.id}`}>
              <span className="candidate-label">{c.label}</span>
              <span className="candidate-meta">
                {c.usbId ? `${c.usbId} · ` : ''}
                {c.suggestedRoles.includes(role) ? t('technician.suggested') : t('technician.notSuggested')}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {problem && <p className="notice notice-error">{problem}</p>}
      <div className="row-actions">
        <button type="button" className="button button-secondary" onClick={search}>
          {t('technician.searchAgain')}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('technician.close')}
        </button>
      </div>
    </div>
  );
}

/** Every role: live status, what it is bound to, bind / unbind, and its test. */
export function DevicePanel() {
  const { t } = useTranslation();
  const devices = useSystemStore((s) => s.devices);
  const [bindings, setBindings] = useState<DeviceBinding[]>([]);
  const [picking, setPicking] = useState<DeviceRole | null>(null);
  const [testing, setTesting] = useState<ReadonlySet<DeviceRole>>(new Set());
  const toggleTest = (role: DeviceRole) =>
    setTesting((open) => {
      const next = new Set(open);
      if (!next.delete(role)) next.add(role);
      return next;
    });
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    privileged(() => api.call('device.bindings')).then((r) => setBindings(r.bindings), (e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(load, [load]);
  const unbind = (role: DeviceRole) => {
    privileged(() => api.call('device.unbind', { role })).then(load, (e: unknown) => setError(errorMessage(e)));
  };
  return (
    <section className="panel" aria-labelledby="devices-title">
      <h2 id="devices-title">{t('technician.devices')}</h2>
      <ul className="device-list">
        {ROLES.map((role) => {
          const binding = bindings.find((b) => b.role === role);
          const status = devices[role];
          const bound = binding?.enabled ?? status !== undefined;
          return (
            <li key={role} className={`device-row device-${status?.state ?? 'closed'}`} data-testid={`device-${role}`}>
              <span className="device-name">{t(`technician.roles.${role}`)}</span>
              <span className="device-kind">{binding?.enabled ? `${binding.kind} · ${binding.link}` : (status?.kind ?? '')}</span>
              <StatusLine status={binding?.enabled === false ? undefined : status} binding={binding} />
              <div className="row-actions">
                <button type="button" className="button button-secondary" onClick={() => setPicking(picking === role ? null : role)} data-testid={`bind-${role}`}>
                  {bound ? t('technician.rebind') : t('technician.bind')}
                </button>
                {bound && (
                  <button type="button" className="button button-secondary" onClick={() => unbind(role)} data-testid={`unbind-${role}`}>
                    {t('technician.unbind')}
                  </button>
                )}
                <button type="button" className="button button-primary" onClick={() => toggleTest(role)} data-testid={`test-${role}`}>
                  {t('technician.test')}
                </button>
              </div>
              {picking === role && (
                <BindPicker
                  role={role}
                  onBound={() => {
                    setPicking(null);
                    load();
                  }}
                  onClose={() => setPicking(null)}
                />
              )}
              {testing.has(role) && role === 'idcard' && <CardTest />}
              {testing.has(role) && role === 'printer' && <PrinterTest />}
              {testing.has(role) && role === 'scanner' && <ScanTest />}
              {testing.has(role) && role === 'evaluator' && <PadTest />}
            </li>
          );
        })}
        <li className="device-row" data-testid="device-camera">
          <span className="device-name">{t('technician.roles.camera')}</span>
          <span className="device-kind">{t('technician.cameraKind')}</span>
          <CameraTest />
        </li>
      </ul>
      {error && <p className="notice notice-error">{error}</p>}
    </section>
  );
}
