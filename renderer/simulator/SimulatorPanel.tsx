import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';

interface Sample {
  id: string;
  label: string;
}

/** Appears only with the simulated device profile: plays the part of the hardware. */
export function SimulatorPanel() {
  const { t } = useTranslation();
  const [samples, setSamples] = useState<Sample[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [readerPlugged, setReaderPlugged] = useState(true);

  useEffect(() => {
    api.call('sim.idcard.samples').then(setSamples, (e: Error) => setError(e.message));
  }, []);

  const run = (action: () => Promise<unknown>) => {
    setError(null);
    action().catch((e: Error) => setError(e.message));
  };

  return (
    <aside className="simulator" aria-label={t('simulator.title')} data-testid="simulator">
      <h2>{t('simulator.title')}</h2>
      <div className="simulator-buttons">
        {samples.map((s) => (
          <button key={s.id} type="button" className="button button-sim" onClick={() => run(() => api.call('sim.idcard.insert', { id: s.id }))}>
            {t('simulator.place')} {s.label}
          </button>
        ))}
        <button type="button" className="button button-sim" onClick={() => run(() => api.call('sim.idcard.remove'))}>
          {t('simulator.remove')}
        </button>
        <button
          type="button"
          className="button button-sim"
          data-testid="sim-reader-cable"
          onClick={() =>
            run(() => api.call('sim.idcard.connection', { connected: !readerPlugged }).then(({ connected }) => setReaderPlugged(connected)))
          }
        >
          {readerPlugged ? t('simulator.unplugReader') : t('simulator.replugReader')}
        </button>
      </div>
      {error && <p className="notice notice-error">{error}</p>}
    </aside>
  );
}
