import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EvaluationLevel, SimPaperState } from '../../src/contract';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';

/** A tracking-number QR as printed on our receipts, for trying the scanner. */
const SAMPLE_SCAN = 'HALL0001202611230000A';

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
    api.call('sim.idcard.samples').then(setSamples, (e: unknown) => setError(errorMessage(e)));
  }, []);

  const run = (action: () => Promise<unknown>) => {
    setError(null);
    action().catch((e: unknown) => setError(errorMessage(e, t)));
  };

  return (
    <aside className="simulator" aria-label={t('simulator.title')} data-testid="simulator">
      <h2>{t('simulator.title')}</h2>
      <details className="simulator-group" open>
        <summary>{t('simulator.idcard')}</summary>
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
      </details>
      <details className="simulator-group">
        <summary>{t('simulator.others')}</summary>
        <div className="simulator-buttons">
          <button type="button" className="button button-sim" data-testid="sim-scan" onClick={() => run(() => api.call('sim.scanner.scan', { text: SAMPLE_SCAN }))}>
            {t('simulator.scan')}
          </button>
          {EvaluationLevel.options.map((level) => (
            <button key={level} type="button" className="button button-sim" data-testid={`sim-pad-${level}`} onClick={() => run(() => api.call('sim.evaluator.press', { level }))}>
              {t('simulator.pad')} {level}
            </button>
          ))}
          <button type="button" className="button button-sim" data-testid="sim-evaluation-request" onClick={() => run(() => api.call('sim.evaluation.request'))}>
            {t('simulator.requestRating')}
          </button>
          {SimPaperState.options.map((state) => (
            <button key={state} type="button" className="button button-sim" data-testid={`sim-paper-${state}`} onClick={() => run(() => api.call('sim.printer.setPaper', { state }))}>
              {t(`simulator.paper.${state}`)}
            </button>
          ))}
        </div>
      </details>
      {error && <p className="notice notice-error">{error}</p>}
    </aside>
  );
}
