import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useCall } from '../api/use-call';
import { ScreenFrame } from '../ui/ScreenFrame';
import { useFlowStore } from './flow-store';

/** What do I need? Search first, then life-event bundles, departments and frequent items. */
export function HomeScreen() {
  const { t } = useTranslation();
  const { openSearch, openGuide, openProgress } = useFlowStore();
  const home = useCall('home', () => api.call('catalog.home'));

  return (
    <ScreenFrame title={t('home.title')} showBack={false}>
      <button type="button" className="search-launch" onClick={openSearch} data-testid="open-search">
        <span className="search-launch-icon" aria-hidden="true">
          ⌕
        </span>
        {t('home.searchPrompt')}
      </button>
      <button type="button" className="button button-secondary button-wide progress-launch" onClick={openProgress} data-testid="open-progress">
        {t('citizen.home.progress')}
      </button>
      {home.status === 'loading' && <p className="notice">{t('common.loading')}</p>}
      {home.status === 'error' && (
        <p className="notice notice-error" role="alert">
          {t('common.loadFailed')}
        </p>
      )}
      {home.status === 'ok' && (
        <>
          <section aria-labelledby="bundles-title">
            <h2 id="bundles-title" className="section-title">
              {t('home.bundles')}
            </h2>
            <div className="tile-grid">
              {home.data.bundles.map((b) => (
                <button type="button" key={b.id} className="tile tile-bundle" onClick={() => openGuide({ kind: 'bundle', id: b.id })}>
                  <span className="tile-name">{b.name}</span>
                  <span className="tile-meta">{t('home.bundleMeta', { count: b.memberCount })}</span>
                </button>
              ))}
            </div>
          </section>
          <section aria-labelledby="frequent-title">
            <h2 id="frequent-title" className="section-title">
              {t('home.frequent')}
            </h2>
            <div className="tile-grid">
              {home.data.frequentItems.map((item) => (
                <button type="button" key={item.id} className="tile" onClick={() => openGuide({ kind: 'item', id: item.id })}>
                  <span className="tile-name">{item.name}</span>
                  {item.instant && <span className="tile-meta">{t('home.instant')}</span>}
                </button>
              ))}
            </div>
          </section>
          <section aria-labelledby="departments-title">
            <h2 id="departments-title" className="section-title">
              {t('home.departments')}
            </h2>
            <ul className="department-list">
              {home.data.departments.map((d) => (
                <li key={d.id}>
                  {d.name} <span className="tile-meta">{t('home.itemCount', { count: d.itemCount })}</span>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </ScreenFrame>
  );
}
