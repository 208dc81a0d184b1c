import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentStream, useCameraStore } from './camera-store';

interface Props {
  /** What is being photographed, e.g. 户口簿; omitted where the surrounding page already says it. */
  title?: string;
  onDone?: () => void;
}

/** Live preview, capture, retake and delete for the pages of one material. */
export function DocumentCamera({ title, onDone }: Props) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const { status, pages, start, capture, remove, stop } = useCameraStore();
  const [retaking, setRetaking] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void start();
    return () => stop();
  }, [start, stop]);

  useEffect(() => {
    const stream = currentStream();
    if (status === 'live' && video.current && stream && video.current.srcObject !== stream) {
      video.current.srcObject = stream;
      void video.current.play().catch(() => {});
    }
  }, [status]);

  const shoot = async () => {
    if (!video.current) return;
    setBusy(true);
    try {
      await capture(video.current, retaking ?? undefined);
      setRetaking(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="camera" aria-label={title} data-testid="camera">
      {title && <h2 className="camera-title">{title}</h2>}
      <div className="camera-preview">
        {status === 'live' || status === 'starting' ? (
          <video ref={video} muted playsInline autoPlay data-testid="camera-video" />
        ) : (
          <p className="notice notice-error" role="alert" data-testid="camera-problem">
            {t(`camera.status.${status}`)}
          </p>
        )}
      </div>
      <p className="camera-progress" aria-live="polite">
        {retaking !== null ? t('camera.retaking', { page: retaking + 1 }) : t('camera.pages', { count: pages.length })}
      </p>
      <div className="camera-actions">
        <button type="button" className="button button-primary" disabled={status !== 'live' || busy} onClick={() => void shoot()} data-testid="camera-capture">
          {retaking !== null ? t('camera.captureAgain') : t('camera.capture')}
        </button>
        {onDone && (
          <button type="button" className="button button-secondary" disabled={pages.length === 0} onClick={onDone}>
            {t('camera.done')}
          </button>
        )}
      </div>
      <ol className="camera-pages" data-testid="camera-pages">
        {pages.map((page, index) => (
          <li key={page.id} className={retaking === index ? 'camera-page retaking' : 'camera-page'}>
            <img src={page.url} alt={t('camera.pageAlt', { page: index + 1 })} data-bytes={page.blob.size} data-type={page.blob.type} />
            <div className="camera-page-actions">
              <button type="button" className="button button-secondary" onClick={() => setRetaking(index)}>
                {t('camera.retake')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => remove(index)}>
                {t('camera.delete')}
              </button>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
