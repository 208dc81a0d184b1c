import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../src/contract';
import { api } from '../api/client';

/** Shows the last scan and the last pad key as they arrive, so a technician can test both by hand. */
export function InputTest() {
  const { t } = useTranslation();
  const [scan, setScan] = useState<EventPayload<'scan'> | null>(null);
  const [key, setKey] = useState<EventPayload<'evaluator.key'> | null>(null);

  useEffect(() => {
    const offScan = api.on('scan', setScan);
    const offKey = api.on('evaluator.key', setKey);
    return () => {
      offScan();
      offKey();
    };
  }, []);

  return (
    <section className="panel" aria-live="polite">
      <h2>{t('technician.inputTest')}</h2>
      <p>{t('technician.inputHint')}</p>
      <dl className="facts">
        <dt>{t('technician.lastScan')}</dt>
        {/* Scanned text is untrusted: rendered as text only, never as markup. */}
        <dd data-testid="last-scan">{scan ? `${scan.text}${scan.symbology ? ` (${scan.symbology})` : ''}` : t('technician.none')}</dd>
        <dt>{t('technician.lastKey')}</dt>
        <dd data-testid="last-key">{key ? key.level : t('technician.none')}</dd>
      </dl>
    </section>
  );
}
