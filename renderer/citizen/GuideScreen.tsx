import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleGuide, ItemGuide, WireMaterial } from '../../src/contract';
import { api } from '../api/client';
import { useCall } from '../api/use-call';
import { ScreenFrame } from '../ui/ScreenFrame';
import { useApplicationStore } from './application';
import { useFlowStore } from './flow-store';
import type { Selection } from './flow-store';

type Limit = ItemGuide['promisedLimit'];
type Promise_ = ItemGuide['promisedDate'];

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="guide-section" data-testid={testId}>
      <h2 className="section-title">{title}</h2>
      {children}
    </section>
  );
}

function Duration({ limit, date, instant }: { limit: Limit; date: Promise_; instant: boolean }) {
  const { t } = useTranslation();
  if (instant) return <p className="guide-lead">{t('guide.instant')}</p>;
  return (
    <>
      {limit.value !== null && (
        <p className="guide-lead">{t(limit.unit === 'workday' ? 'guide.workdays' : 'guide.days', { count: limit.value })}</p>
      )}
      {date && (
        <p>
          {t('guide.expectedBy', { date: date.date })}
          {date.provisional && <span className="tile-meta"> {t('guide.provisional')}</span>}
        </p>
      )}
    </>
  );
}

/** 居民身份证（父亲）: whose material it is, when it is not the applicant's own. */
function MaterialName({ material }: { material: WireMaterial }) {
  const { t } = useTranslation();
  const holder = material.holder === 'applicant' ? '' : t(`guide.holders.${material.holder}`, { defaultValue: '' });
  return <span className="material-name">{holder ? `${material.name}（${holder}）` : material.name}</span>;
}

function Materials({ materials }: { materials: readonly WireMaterial[] }) {
  const { t } = useTranslation();
  const bring = materials.filter((m) => !m.notNeededOnPaper);
  const spared = materials.filter((m) => m.notNeededOnPaper);
  return (
    <>
      <ul className="material-list" data-testid="materials-bring">
        {bring.map((m) => (
          <li key={m.key} className="material">
            <MaterialName material={m} />
            <span className="material-meta">
              {m.copies.original > 0 && t('guide.originals', { count: m.copies.original })}
              {m.copies.copy > 0 && ` ${t('guide.copies', { count: m.copies.copy })}`}
              {m.necessity === 'conditional' && ` · ${t('guide.conditional')}`}
              {m.necessity === 'tolerant' && ` · ${t('guide.tolerant', { days: m.tolerancePromiseWorkdays ?? 0 })}`}
            </span>
          </li>
        ))}
      </ul>
      {spared.length > 0 && (
        <>
          <h3 className="subsection-title">{t('guide.notNeeded')}</h3>
          <ul className="material-list material-list-spared" data-testid="materials-spared">
            {spared.map((m) => (
              <li key={m.key} className="material">
                <MaterialName material={m} />
                <span className="material-meta">{t(`guide.acquisition.${m.acquisition.find((a) => a !== 'submit') ?? 'dataSharing'}`)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** Who can apply, what to bring, how long: the same three sections for items and bundles. */
function CoreSections({ conditions, materials, limit, date, instant }: { conditions: readonly string[]; materials: readonly WireMaterial[]; limit: Limit; date: Promise_; instant: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Section title={t('guide.who')}>
        <ul className="plain-list">
          {conditions.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </Section>
      <Section title={t('guide.bring')} testId="guide-materials">
        <Materials materials={materials} />
      </Section>
      <Section title={t('guide.howLong')}>
        <Duration limit={limit} date={date} instant={instant} />
      </Section>
    </>
  );
}

function ItemGuideView({ guide }: { guide: ItemGuide }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="guide-department">{guide.department.name}</p>
      <CoreSections conditions={guide.acceptanceConditions} materials={guide.materials} limit={guide.promisedLimit} date={guide.promisedDate} instant={guide.instant} />
      <Section title={t('guide.fees')}>
        <p>{guide.fee.charged ? guide.fee.items.map((f) => `${f.name}：${f.standard}`).join('；') : t('guide.free')}</p>
      </Section>
      <Section title={t('guide.visits')}>
        <p className="guide-lead">{guide.mostOneVisit ? t('guide.oneVisit') : t('guide.visitsCount', { count: guide.visitsRequired })}</p>
        {guide.visitReason && <p>{guide.visitReason}</p>}
      </Section>
      <Section title={t('guide.collect')}>
        <p>
          {guide.result.name}
          {guide.result.eLicense && ` · ${t('guide.eLicense')}`}
        </p>
        <p>{guide.result.delivery.join('、')}</p>
        <p>
          {guide.location.address} {guide.location.window}
        </p>
        <p>{guide.location.hours}</p>
      </Section>
      <Section title={t('guide.ask')}>
        <p>
          {guide.consultation.phone} · {guide.consultation.window}
        </p>
      </Section>
    </>
  );
}

function BundleGuideView({ guide }: { guide: BundleGuide }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="guide-department">
        {guide.leadDepartment.name}
        {guide.partnerDepartments.length > 0 && ` ${t('guide.withPartners', { count: guide.partnerDepartments.length })}`}
      </p>
      <Section title={t('guide.members')} testId="guide-members">
        <ol className="plain-list">
          {guide.members.map((m) => (
            <li key={m.item}>
              {m.name}
              {!m.required && <span className="tile-meta"> {t('guide.ifApplicable')}</span>}
            </li>
          ))}
        </ol>
      </Section>
      <CoreSections conditions={guide.conditions} materials={guide.materials} limit={guide.promisedLimit} date={guide.promisedDate} instant={false} />
      <Section title={t('guide.visits')}>
        <p className="guide-lead">{guide.mostOneVisit ? t('guide.oneVisit') : t('guide.visitsCount', { count: guide.visitsRequired })}</p>
      </Section>
      {guide.handout && (
        <Section title={t('guide.collect')}>
          <p>{guide.handout}</p>
        </Section>
      )}
    </>
  );
}

/** 办事指南: who can apply, what to bring (and what not), how long, fees, visits, where to collect. */
export function GuideScreen({ selection }: { selection: Selection }) {
  const { t } = useTranslation();
  const key = `${selection.kind}:${selection.id}`;
  type Loaded = { kind: 'item'; g: ItemGuide } | { kind: 'bundle'; g: BundleGuide };
  const guide = useCall<Loaded>(key, () =>
    selection.kind === 'item'
      ? api.call('catalog.item', { id: selection.id }).then((g) => ({ kind: 'item' as const, g }))
      : api.call('catalog.bundle', { id: selection.id }).then((g) => ({ kind: 'bundle' as const, g })),
  );
  const title = guide.status === 'ok' ? guide.data.g.name : t('guide.title');
  const kiosk = guide.status === 'ok' ? guide.data.g.kiosk : null;
  const start = () => {
    useFlowStore.getState().startApplication();
    void useApplicationStore.getState().load(selection);
  };
  const footer =
    kiosk === null ? undefined : kiosk.submit ? (
      <button type="button" className="button button-primary button-huge button-wide" onClick={start} data-testid="start-application">
        {t('citizen.start')}
      </button>
    ) : (
      <p className="notice notice-error" data-testid="not-at-kiosk">
        {t('citizen.notAtKiosk')}
        {kiosk.note ? `（${kiosk.note}）` : ''}
      </p>
    );
  return (
    <ScreenFrame title={title} footer={footer}>
      {guide.status === 'loading' && <p className="notice">{t('common.loading')}</p>}
      {guide.status === 'error' && (
        <p className="notice notice-error" role="alert">
          {t('common.loadFailed')}
        </p>
      )}
      {guide.status === 'ok' && (guide.data.kind === 'item' ? <ItemGuideView guide={guide.data.g} /> : <BundleGuideView guide={guide.data.g} />)}
    </ScreenFrame>
  );
}
