import { useTranslation } from 'react-i18next';
import type { CardDetails } from '../../src/contract';
import { readerUsable, useSystemStore } from '../stores/system-store';
import { ScreenFrame } from '../ui/ScreenFrame';
import { AssistControl, PrincipalForm } from './AgentControls';
import { useApplicationStore } from './application';
import { StepIndicator } from './StepIndicator';

/** The full details of a card: shown only here and on the review page. */
function CardPanel({ card }: { card: CardDetails }) {
  const { t } = useTranslation();
  const rows: [string, string | undefined][] = [
    [t('citizen.identify.fields.name'), card.name],
    [t('citizen.identify.fields.gender'), t(`citizen.identify.genders.${card.gender}`)],
    [t('citizen.identify.fields.nation'), card.nation],
    [t('citizen.identify.fields.birthDate'), card.birthDate],
    [t('citizen.identify.fields.address'), card.address],
    [t('citizen.identify.fields.idNumber'), card.idNumber],
  ];
  return (
    <dl className="card-panel" data-testid="card-panel">
      {rows
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([label, value]) => (
          <div key={label} className="card-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

function PlaceCard({ prompt }: { prompt: string }) {
  return (
    <div className="place-card identify-place" data-testid="identify-place">
      <div className="reader-animation" aria-hidden="true">
        <div className="reader-card" />
        <div className="reader-base" />
      </div>
      <p className="prompt-zh">{prompt}</p>
    </div>
  );
}

/** 核验身份: the card fills the form; one card per holder of the form; agent mode and 帮办 on the first. */
export function IdentifyScreen() {
  const { t } = useTranslation();
  const app = useApplicationStore();
  const reader = useSystemStore((s) => s.devices.idcard);
  const connected = useSystemStore((s) => s.connection === 'open');
  const first = app.holderIndex === 0;
  const holder = app.agentMode && first && !app.cards.agent ? 'agent' : (app.holders[app.holderIndex] ?? 'applicant');
  const card = app.cards[holder];
  const who = t(`citizen.identify.holders.${holder}`, { defaultValue: holder });
  const prompt = holder === 'agent' ? t('citizen.identify.placeAgent') : first && holder === 'applicant' ? t('citizen.identify.placeYours') : t('citizen.identify.placeFor', { who });
  const needPrincipal = app.agentMode && first && app.cards.agent !== undefined && !app.cards[app.holders[0] ?? 'applicant'];

  return (
    <ScreenFrame
      title={app.serviceName || t('citizen.identify.title')}
      subtitle={<StepIndicator step="identify" extra={app.holders.length > 1 ? who : undefined} />}
      footer={
        card && !needPrincipal ? (
          <button type="button" className="button button-primary button-huge button-wide" onClick={app.confirmHolder} data-testid="identify-confirm">
            {t('citizen.identify.confirm')}
          </button>
        ) : undefined
      }
    >
      {connected && !readerUsable(reader) && (
        <p className="notice notice-error" role="alert" data-testid="reader-fault">
          {t('citizen.identify.readerFault')} {t('citizen.staffWindow')}
        </p>
      )}
      {app.identifyError && (
        <p className="notice notice-error" role="alert" data-testid="identify-error">
          {app.identifyError}
        </p>
      )}
      {needPrincipal ? (
        <PrincipalForm />
      ) : card ? (
        <>
          <p className="guide-lead">{t('citizen.identify.read')}</p>
          <CardPanel card={card} />
          <p className="field-hint">{t('citizen.identify.notMine')}</p>
        </>
      ) : (
        <PlaceCard prompt={prompt} />
      )}
      <div className="identify-options">
        {!first && !card && (
          <button type="button" className="button button-secondary" onClick={app.skipHolder} data-testid="identify-skip">
            {t('citizen.identify.skip')}
          </button>
        )}
        {first && (
          <button type="button" className="button button-secondary" onClick={() => void app.setAgentMode(!app.agentMode)} data-testid="agent-toggle">
            {app.agentMode ? t('citizen.identify.agentOff') : t('citizen.identify.agent')}
          </button>
        )}
        <AssistControl />
      </div>
    </ScreenFrame>
  );
}
