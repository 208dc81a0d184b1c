import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { bootstrap } from './bootstrap';
import { initI18n } from './i18n';
import { applyPreferencesToDocument } from './stores/preferences-store';
import './ui/global.css';

initI18n();
applyPreferencesToDocument();
bootstrap();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
// Kiosks have no context menu and no pinch zoom.
window.addEventListener('contextmenu', (e) => e.preventDefault());
