import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationRequest } from '../../src/contract';
import { api } from '../api/client';
import { RatingPanel } from './RatingPanel';
import type { SubmittedRating } from './RatingPanel';
import './evaluation.css';

const THANKS_MS = 6_000;

/**
 * The customer-facing screen at a window (second display in Electron, /customer in the web shell): the
 * window's name plate between services; the rating panel when staff ask for a rating; thanks after it.
 */
export function CustomerApp() {
  const { t } = useTranslation();
  const [request, setRequest] = useState<EvaluationRequest | null>(null);
  const [thanks, setThanks] = useState(false);
  const [terminalName, setTerminalName] = useState('');
  const shown = useRef<string | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const show = (r: EvaluationRequest | null) => {
      shown.current = r?.requestId ?? null;
      setRequest(r);
    };
    api.call('evaluation.pending').then(({ request: r }) => show(r), () => show(null));
    api.call('terminal.identity').then((i) => setTerminalName(i.terminalName), () => {});
    const offs = [
      api.on('evaluation.requested', (r) => {
        if (timer) clearTimeout(timer);
        setThanks(false);
        show(r);
      }),
      api.on('evaluation.finished', (f) => {
        if (f.requestId !== shown.current) return;
        show(null);
        if (f.outcome !== 'rated') return;
        setThanks(true);
        timer = setTimeout(() => setThanks(false), THANKS_MS);
      }),
      api.on('terminal.identity', (i) => setTerminalName(i.terminalName)),
    ];
    return () => {
      if (timer) clearTimeout(timer);
      for (const off of offs) off();
    };
  }, []);

  const submit = async (rating: SubmittedRating) => {
    if (!request) return;
    await api.call('evaluation.submit', { applicationId: request.applicationId, requestId: request.requestId, ...rating });
  };
  const skip = () => {
    if (request) void api.call('evaluation.cancel', { requestId: request.requestId }).catch(() => {});
  };

  return (
    <main className="customer" data-testid="customer-screen">
      <header className="attract-header">
        <h1>{t('customer.title')}</h1>
        {terminalName && <span className="customer-place">{terminalName}</span>}
      </header>
      <div className="customer-body">
        {request ? (
          <RatingPanel
            key={`${request.requestId}:${request.presetLevel ?? ''}`}
            serviceName={request.serviceName}
            staff={request.staff}
            presetLevel={request.presetLevel}
            onSubmit={submit}
            onSkip={skip}
          />
        ) : thanks ? (
          <div className="rating-message" role="status" data-testid="customer-thanks">
            <h2>{t('evaluation.thanks')}</h2>
            <p>{t('evaluation.thanksHint')}</p>
          </div>
        ) : (
          <div className="customer-plate" data-testid="customer-plate">
            <p className="customer-welcome">{t('customer.welcome')}</p>
            <p>{t('customer.between')}</p>
          </div>
        )}
      </div>
    </main>
  );
}
