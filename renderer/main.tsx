import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { bootstrap } from './bootstrap';
import { initI18n } from './i18n';
import './ui/global.css';

initI18n();
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
