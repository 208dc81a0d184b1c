import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { SearchHitWire } from '../../src/contract';
import { api } from '../api/client';
import { OnScreenKeyboard } from '../ui/keyboard/OnScreenKeyboard';
import { ScreenFrame } from '../ui/ScreenFrame';
import { useFlowStore } from './flow-store';

type Hit = z.infer<typeof SearchHitWire>;

/** Search by Chinese, full pinyin or initials (护照 ← huzhao, hz) with the on-screen keyboard. */
export function SearchScreen() {
  const { t } = useTranslation();
  const openGuide = useFlowStore((s) => s.openGuide);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[]>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const q = query.trim();
    if (q === '') {
      setHits([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api.call('catalog.search', { query: q, limit: 12 }).then(
        (r) => {
          if (!live) return;
          setFailed(false);
          setHits(r.hits);
        },
        () => live && setFailed(true),
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  return (
    <ScreenFrame title={t('search.title')}>
      <label className="search-field" htmlFor="search-query">
        <span className="visually-hidden">{t('search.label')}</span>
        <output id="search-query" className="search-query" aria-live="polite" data-testid="search-query">
          {query || <span className="placeholder">{t('search.hint')}</span>}
        </output>
      </label>
      <ul className="result-list" data-testid="search-results" aria-live="polite">
        {hits.map((hit) => (
          <li key={`${hit.kind}:${hit.id}`}>
            <button type="button" className="result" onClick={() => openGuide({ kind: hit.kind, id: hit.id })}>
              <span className="result-name">{hit.name}</span>
              {hit.kind === 'bundle' && <span className="badge">{t('search.bundleBadge')}</span>}
            </button>
          </li>
        ))}
      </ul>
      {query.trim() !== '' && hits.length === 0 && !failed && <p className="notice">{t('search.none')}</p>}
      {failed && (
        <p className="notice notice-error" role="alert">
          {t('common.loadFailed')}
        </p>
      )}
      <OnScreenKeyboard value={query} onChange={setQuery} layout="letters" maxLength={30} label={t('search.label')} />
    </ScreenFrame>
  );
}
