import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EvaluationLevel } from '../../src/contract';
import type { CardTest as CardResult, EventPayload, MethodOutput } from '../../src/contract';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import { DocumentCamera } from '../camera/DocumentCamera';
import { useCameraStore } from '../camera/camera-store';
import { privileged } from './access-store';

/** Reads the card on the reader and shows its fields masked: proof the reader works, no personal data. */
export function CardTest() {
  const { t } = useTranslation();
  const [result, setResult] = useState<CardResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const read = () => {
    setError(null);
    privileged(() => api.call('device.testCard')).then(setResult, (e: unknown) => setError(errorMessage(e)));
  };
  return (
    <div className="device-test" data-testid="card-test">
      <button type="button" className="button button-primary" onClick={read} data-testid="card-test-read">
        {t('technician.cardTest.read')}
      </button>
      {result?.status === 'no-card' && <p>{t('technician.cardTest.noCard')}</p>}
      {result?.status === 'ok' && (
        <dl className="facts" data-testid="card-test-fields">
          <dt>{t('technician.cardTest.type')}</dt>
          <dd>{t(`attract.cardTypes.${result.cardType}`)}</dd>
          <dt>{t('technician.cardTest.name')}</dt>
          <dd>{result.maskedName}</dd>
          <dt>{t('technician.cardTest.number')}</dt>
          <dd>
            {result.maskedIdNumber} {result.idNumberValid ? '✓' : `✗ ${t('technician.cardTest.invalid')}`}
          </dd>
          <dt>{t('technician.cardTest.gender')}</dt>
          <dd>
            {result.gender} · {result.birthYear}
          </dd>
          <dt>{t('technician.cardTest.address')}</dt>
          <dd>{result.maskedAddress ?? t('technician.none')}</dd>
          <dt>{t('technician.cardTest.validUntil')}</dt>
          <dd>{result.validUntil === 'long-term' ? t('technician.cardTest.longTerm') : result.validUntil}</dd>
          <dt>{t('technician.cardTest.photo')}</dt>
          <dd>{result.hasPhoto ? '✓' : '—'}</dd>
          <dt>{t('technician.cardTest.time')}</dt>
          <dd>{result.readMs === null ? '—' : `${result.readMs} ms`}</dd>
        </dl>
      )}
      {error && <p className="notice notice-error">{error}</p>}
    </div>
  );
}

/** Prints the test page and shows the preview of exactly the bytes sent, with the printer's answer. */
export function PrinterTest() {
  const { t } = useTranslation();
  const [result, setResult] = useState<MethodOutput<'printer.printTestPage'> | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const print = () => {
    setBusy(true);
    setError(null);
    privileged(() => api.call('printer.printTestPage', {})).then(
      (r) => {
        setBusy(false);
        setResult(r);
      },
      (e: unknown) => {
        setBusy(false);
        setError(errorMessage(e));
      },
    );
  };
  return (
    <div className="device-test" data-testid="printer-test">
      <button type="button" className="button button-primary" onClick={print} disabled={busy} data-testid="print-test-page">
        {busy ? t('technician.printTest.printing') : t('technician.printTest.print')}
      </button>
      {result && (
        <>
          <p data-testid="print-outcome">
            {t('technician.printTest.outcome')}: {result.report.outcome}
            {result.report.detail ? ` · ${result.report.detail}` : ''}
          </p>
          <img className="print-preview" src={`data:image/png;base64,${result.preview.base64}`} alt={t('technician.printTest.preview')} data-testid="print-preview" />
        </>
      )}
      {error && <p className="notice notice-error">{error}</p>}
    </div>
  );
}

/** The last scan, as text only (scanned content is untrusted). */
export function ScanTest() {
  const { t } = useTranslation();
  const [scan, setScan] = useState<EventPayload<'scan'> | null>(null);
  useEffect(() => api.on('scan', setScan), []);
  return (
    <div className="device-test" aria-live="polite">
      <p>{t('technician.scanHint')}</p>
      <p className="scan-text" data-testid="last-scan">
        {scan ? `${scan.text}${scan.symbology ? ` (${scan.symbology})` : ''}` : t('technician.none')}
      </p>
    </div>
  );
}

/** One lamp per level; a lamp lights when its key arrives from the pad. */
export function PadTest() {
  const { t } = useTranslation();
  const [seen, setSeen] = useState<ReadonlySet<EvaluationLevel>>(new Set());
  const [last, setLast] = useState<EvaluationLevel | null>(null);
  useEffect(
    () =>
      api.on('evaluator.key', ({ level }) => {
        setLast(level);
        setSeen((s) => new Set([...s, level]));
      }),
    [],
  );
  return (
    <div className="device-test" aria-live="polite">
      <p>{t('technician.padHint')}</p>
      <ul className="pad-lamps">
        {EvaluationLevel.options.map((level) => (
          <li key={level} className={`pad-lamp${seen.has(level) ? ' pad-lamp-on' : ''}${last === level ? ' pad-lamp-last' : ''}`} data-testid={`pad-lamp-${level}`} data-on={seen.has(level)}>
            {level}
          </li>
        ))}
      </ul>
      <p data-testid="last-key">{last ?? t('technician.none')}</p>
    </div>
  );
}

/** The document camera test: preview, capture, retake; the camera is released when it ends. */
export function CameraTest() {
  const { t } = useTranslation();
  const [on, setOn] = useState(false);
  const reset = useCameraStore((s) => s.reset);
  if (!on) {
    return (
      <button type="button" className="button button-primary" onClick={() => setOn(true)} data-testid="start-camera-test">
        {t('technician.startCameraTest')}
      </button>
    );
  }
  return (
    <div className="device-test">
      <DocumentCamera />
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          reset();
          setOn(false);
        }}
      >
        {t('technician.endCameraTest')}
      </button>
    </div>
  );
}
