import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DocumentCamera } from '../camera/DocumentCamera';
import { useCameraStore } from '../camera/camera-store';
import { LanguageToggle } from '../ui/LanguageToggle';
import { DeviceList } from './DeviceList';
import { InputTest } from './InputTest';

/** The technician console: live device status and per-device tests. */
export function TechnicianApp() {
  const { t } = useTranslation();
  const [cameraTest, setCameraTest] = useState(false);
  const resetCamera = useCameraStore((s) => s.reset);
  const endCameraTest = () => {
    resetCamera();
    setCameraTest(false);
  };
  return (
    <main className="technician">
      <header className="attract-header">
        <h1>{t('technician.title')}</h1>
        <div className="header-actions">
          <LanguageToggle />
        </div>
      </header>
      <div className="technician-body">
        <DeviceList />
        <InputTest />
        <section className="panel">
          <h2>{t('technician.cameraTest')}</h2>
          {cameraTest ? (
            <>
              <DocumentCamera />
              <button type="button" className="button button-secondary" onClick={endCameraTest}>
                {t('technician.endCameraTest')}
              </button>
            </>
          ) : (
            <button type="button" className="button button-primary" onClick={() => setCameraTest(true)} data-testid="start-camera-test">
              {t('technician.startCameraTest')}
            </button>
          )}
        </section>
      </div>
    </main>
  );
}
