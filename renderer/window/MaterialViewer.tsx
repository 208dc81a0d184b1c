import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { SHORTCUT_LABEL } from './shortcuts';
import type { Command } from './shortcuts';
import { useWindowStore } from './window-store';

interface Shown {
  sha256: string;
  pages: { mediaType: string; base64: string }[];
  unsupported: boolean;
  failed: boolean;
}

const ZOOMS = [0.5, 0.75, 1, 1.5, 2, 3];

/** The material checklist with the captured pages: zoom, rotate, page through. Pages come through main. */
export function MaterialViewer() {
  const { t } = useTranslation();
  const view = useWindowStore((s) => s.view);
  const [shown, setShown] = useState<Shown | null>(null);
  const [page, setPage] = useState(0);
  const [zoom, setZoom] = useState(2);
  const [rotation, setRotation] = useState(0);
  const applicationId = view?.applicationId ?? null;

  useEffect(() => {
    setShown(null);
  }, [applicationId]);

  const open = async (sha256: string) => {
    if (!applicationId) return;
    setPage(0);
    setZoom(2);
    setRotation(0);
    try {
      const result = await api.call('window.material', { applicationId, sha256 });
      setShown({ sha256, pages: result.pages, unsupported: result.unsupported, failed: false });
    } catch {
      setShown({ sha256, pages: [], unsupported: false, failed: true });
    }
  };

  const total = shown?.pages.length ?? 0;
  const command = (c: Command) => {
    if (c === 'zoomIn') setZoom((z) => Math.min(ZOOMS.length - 1, z + 1));
    if (c === 'zoomOut') setZoom((z) => Math.max(0, z - 1));
    if (c === 'rotate') setRotation((r) => (r + 90) % 360);
    if (c === 'nextPage') setPage((p) => Math.min(Math.max(0, total - 1), p + 1));
    if (c === 'prevPage') setPage((p) => Math.max(0, p - 1));
  };
  useEffect(() => {
    const onCommand = (event: Event) => command((event as CustomEvent<Command>).detail);
    document.addEventListener('window-viewer', onCommand);
    return () => document.removeEventListener('window-viewer', onCommand);
  });

  if (!view) return <aside className="window-viewer" aria-label={t('window.viewer.title')} />;
  const current = shown?.pages[page];
  return (
    <aside className="window-viewer" aria-label={t('window.viewer.title')} data-testid="viewer">
      <h3>{t('window.detail.materials')}</h3>
      <ul className="window-materials" data-testid="materials">
        {view.materials.map((m) => (
          <li key={m.key}>
            <span className={m.pages.length === 0 && !m.checkedOriginal ? 'window-material-missing' : ''}>{m.name}</span>
            {m.pages.length === 0 ? (
              <span className="window-muted">{m.checkedOriginal ? t('window.detail.checkedOriginal') : t('window.detail.noPages')}</span>
            ) : (
              m.pages.map((p, i) => (
                <button key={p.sha256} type="button" className={`wbtn wbtn-small${shown?.sha256 === p.sha256 ? ' wbtn-primary' : ''}`} data-testid="material-open" disabled={!p.complete} onClick={() => void open(p.sha256)}>
                  {t('window.detail.pages', { count: i + 1 })}
                </button>
              ))
            )}
          </li>
        ))}
      </ul>
      <div className="window-viewer-tools">
        <button type="button" className="wbtn wbtn-small" onClick={() => command('prevPage')} disabled={page === 0}>
          {t('window.viewer.prev')}
          <kbd>{SHORTCUT_LABEL.prevPage}</kbd>
        </button>
        <span data-testid="viewer-page">{total > 0 ? t('window.viewer.page', { n: page + 1, total }) : ''}</span>
        <button type="button" className="wbtn wbtn-small" onClick={() => command('nextPage')} disabled={page >= total - 1}>
          {t('window.viewer.next')}
          <kbd>{SHORTCUT_LABEL.nextPage}</kbd>
        </button>
        <button type="button" className="wbtn wbtn-small" onClick={() => command('zoomOut')} aria-label={t('window.viewer.zoomOut')}>
          −<kbd>{SHORTCUT_LABEL.zoomOut}</kbd>
        </button>
        <button type="button" className="wbtn wbtn-small" onClick={() => command('zoomIn')} aria-label={t('window.viewer.zoomIn')}>
          +<kbd>{SHORTCUT_LABEL.zoomIn}</kbd>
        </button>
        <button type="button" className="wbtn wbtn-small" onClick={() => command('rotate')} data-testid="viewer-rotate">
          {t('window.viewer.rotate')}
          <kbd>{SHORTCUT_LABEL.rotate}</kbd>
        </button>
      </div>
      <div className="window-viewer-stage" data-testid="viewer-stage">
        {!shown && <p className="window-muted">{t('window.viewer.choose')}</p>}
        {shown?.failed && <p className="window-error">{t('window.viewer.failed')}</p>}
        {shown?.unsupported && <p className="window-muted">{t('window.viewer.unsupported')}</p>}
        {current && (
          <img
            data-testid="viewer-image"
            alt={t('window.viewer.page', { n: page + 1, total })}
            src={`data:${current.mediaType};base64,${current.base64}`}
            style={{ transform: `rotate(${rotation}deg) scale(${ZOOMS[zoom] ?? 1})` }}
          />
        )}
      </div>
    </aside>
  );
}
