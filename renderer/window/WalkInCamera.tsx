import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WireMaterial } from '../../src/contract';
import { base64Of } from '../camera/base64';
import { DocumentCamera } from '../camera/DocumentCamera';
import { useCameraStore } from '../camera/camera-store';
import { useWalkInStore } from './walkin-store';

/**
 * The document camera (高拍仪) for one material of a walk-in, in a dialog over the intake: preview, capture
 * (Enter or space), retake and delete, pages counted against the material's minimum; saving sends the pages
 * to the privileged side (window.walkin.addPage), which holds them as the kiosk's session does.
 */
export function WalkInCamera({ material }: { material: WireMaterial }) {
  const { t } = useTranslation();
  const busy = useWalkInStore((s) => s.busy);
  const problem = useWalkInStore((s) => s.problem);
  const count = useCameraStore((s) => s.pages.length);
  const status = useCameraStore((s) => s.status);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    useCameraStore.getState().reset();
    dialog.current?.focus();
    // The pages live on the privileged side once saved; the camera's copies go with the dialog.
    return () => useCameraStore.getState().reset();
  }, []);

  const close = () => useWalkInStore.getState().closeCamera();
  const save = async () => {
    const pages = useCameraStore.getState().pages;
    if (busy || pages.length === 0) return;
    const jpegs = await Promise.all(pages.map((p) => base64Of(p.blob)));
    await useWalkInStore.getState().savePages(material.key, jpegs);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      return close();
    }
    if (event.key === 'Enter' && event.ctrlKey) {
      event.preventDefault();
      return void save();
    }
    // Enter or space captures, unless a button (retake, delete, save) has the focus and takes the key itself.
    if ((event.key === 'Enter' || event.key === ' ') && !(event.target instanceof HTMLButtonElement)) {
      event.preventDefault();
      dialog.current?.querySelector<HTMLButtonElement>('[data-testid="camera-capture"]:not(:disabled)')?.click();
    }
  };

  return (
    <div className="window-modal-backdrop" role="presentation">
      <div
        ref={dialog}
        className="window-modal walkin-camera"
        role="dialog"
        aria-modal="true"
        aria-label={t('window.walkin.cameraTitle', { name: material.name })}
        tabIndex={-1}
        onKeyDown={onKey}
        data-testid="walkin-camera"
      >
        <h2>{t('window.walkin.cameraTitle', { name: material.name })}</h2>
        <p className="window-muted">
          {t('window.walkin.cameraPages', { count, min: material.minPages })} · {t('window.walkin.cameraKeys')}
        </p>
        {(status === 'denied' || status === 'no-camera' || status === 'error') && (
          <p className="window-error" role="alert">
            {t('window.walkin.cameraFault')}
          </p>
        )}
        {problem && (
          <p className="window-error" role="alert">
            {problem}
          </p>
        )}
        <div className="window-modal-body">
          <DocumentCamera />
        </div>
        <div className="window-modal-buttons">
          <button type="button" className="wbtn" onClick={close}>
            {t('window.walkin.cancel')}
            <kbd>Esc</kbd>
          </button>
          <button type="button" className="wbtn wbtn-primary" disabled={busy || count === 0} onClick={() => void save()} data-testid="walkin-camera-save">
            {busy ? t('window.walkin.busy') : t('window.walkin.cameraSave')}
            <kbd>Ctrl+Enter</kbd>
          </button>
        </div>
      </div>
    </div>
  );
}
