import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WireMaterial } from '../../src/contract';
import { base64Of } from '../camera/base64';
import { DocumentCamera } from '../camera/DocumentCamera';
import { useCameraStore } from '../camera/camera-store';
import { ScreenFrame } from '../ui/ScreenFrame';
import { useApplicationStore } from './application';
import { materialDone, pagesLine } from './material-progress';
import { StepIndicator } from './StepIndicator';

/** Materials the citizen brings (not provided by data sharing), of the members this application includes. */
export function materialsToCapture(materials: readonly WireMaterial[], included: readonly string[] | null): WireMaterial[] {
  return materials.filter((m) => !m.notNeededOnPaper && (included === null || m.usedBy.some((u) => included.includes(u))));
}

function MaterialRow({ material, onCapture }: { material: WireMaterial; onCapture(): void }) {
  const { t } = useTranslation();
  const pages = useApplicationStore((s) => s.pages[material.key] ?? 0);
  const promised = useApplicationStore((s) => s.promised.includes(material.key));
  const togglePromise = useApplicationStore((s) => s.togglePromise);
  return (
    <li className="material-row" data-testid={`material-${material.key}`} data-complete={materialDone(material, pages, promised ? [material.key] : [])}>
      <div className="material-row-text">
        <span className="material-name">{material.name}</span>
        <span className="material-meta">
          {promised ? t('citizen.materials.promised', { days: material.tolerancePromiseWorkdays ?? 0 }) : pagesLine(t, pages, material.minPages)}
          {material.necessity === 'conditional' && ` · ${t('citizen.materials.conditional')}`}
        </span>
      </div>
      <div className="material-row-actions">
        {material.necessity === 'tolerant' && pages === 0 && (
          <button type="button" className="button button-secondary" aria-pressed={promised} onClick={() => togglePromise(material.key)}>
            {promised ? t('citizen.materials.undoPromise') : t('citizen.materials.promise', { days: material.tolerancePromiseWorkdays ?? 0 })}
          </button>
        )}
        <button type="button" className={pages > 0 ? 'button button-secondary' : 'button button-primary'} onClick={onCapture} data-testid={`capture-${material.key}`}>
          {pages > 0 ? t('citizen.materials.recapture') : t('citizen.materials.capture')}
        </button>
      </div>
    </li>
  );
}

/** 提交材料: each material photographed with the document camera (preview, retake, pages), progress shown. */
export function MaterialsScreen() {
  const { t } = useTranslation();
  const app = useApplicationStore();
  const cameraStatus = useCameraStore((s) => s.status);
  const [capturing, setCapturing] = useState<WireMaterial | null>(null);
  const [saving, setSaving] = useState(false);
  const list = materialsToCapture(app.materials, app.included);
  const spared = app.materials.filter((m) => m.notNeededOnPaper);
  const needed = list.filter((m) => m.necessity !== 'conditional');
  const done = needed.filter((m) => materialDone(m, app.pages[m.key] ?? 0, app.promised)).length;
  const cameraPages = useCameraStore((s) => s.pages.length);

  const save = async () => {
    if (!capturing) return;
    setSaving(true);
    try {
      const pages = useCameraStore.getState().pages;
      if ((app.pages[capturing.key] ?? 0) > 0) await app.clearPages(capturing.key);
      for (const page of pages) await app.addPage(capturing.key, await base64Of(page.blob));
    } finally {
      useCameraStore.getState().reset();
      setSaving(false);
      setCapturing(null);
    }
  };
  const cancel = () => {
    useCameraStore.getState().reset();
    setCapturing(null);
  };

  if (capturing) {
    return (
      <ScreenFrame
        title={capturing.name}
        onBack={cancel}
        subtitle={
          <StepIndicator
            step="materials"
            extra={capturing.minPages > 1 ? t('citizen.materials.pagesOf', { count: cameraPages, min: capturing.minPages }) : t('citizen.materials.pages', { count: cameraPages })}
          />
        }
        footer={
          <div className="footer-row">
            <button type="button" className="button button-secondary" onClick={cancel}>
              {t('citizen.materials.cancel')}
            </button>
            <button type="button" className="button button-primary button-huge" disabled={saving} onClick={() => void save()} data-testid="capture-done">
              {saving ? t('citizen.materials.saving') : t('citizen.materials.done')}
            </button>
          </div>
        }
      >
        {(cameraStatus === 'denied' || cameraStatus === 'no-camera' || cameraStatus === 'error') && (
          <p className="notice notice-error" role="alert">
            {t('citizen.materials.cameraFault')}
          </p>
        )}
        <DocumentCamera />
      </ScreenFrame>
    );
  }

  return (
    <ScreenFrame
      title={t('citizen.materials.title')}
      subtitle={<StepIndicator step="materials" extra={t('citizen.materials.progress', { done, total: needed.length })} />}
      footer={
        <button type="button" className="button button-primary button-huge button-wide" disabled={app.busy} onClick={() => void app.runPrecheck()} data-testid="materials-next">
          {t('citizen.materials.next')}
        </button>
      }
    >
      {app.problem && (
        <p className="notice notice-error" role="alert">
          {app.problem} {t('citizen.askStaff')}
        </p>
      )}
      <p className="field-hint">{t('citizen.materials.intro')}</p>
      <ul className="material-rows">
        {list.map((m) => (
          <MaterialRow key={m.key} material={m} onCapture={() => setCapturing(m)} />
        ))}
      </ul>
      {spared.length > 0 && (
        <>
          <h2 className="subsection-title">{t('citizen.materials.provided')}</h2>
          <ul className="material-list material-list-spared" data-testid="materials-provided">
            {spared.map((m) => (
              <li key={m.key} className="material">
                <span className="material-name">{m.name}</span>
                <span className="material-meta">{t(`guide.acquisition.${m.acquisition.find((a) => a !== 'submit') ?? 'dataSharing'}`)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </ScreenFrame>
  );
}
