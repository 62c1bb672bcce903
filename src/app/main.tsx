import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
// In this order: each sheet adapts the rules of the ones before it.
import './panel.css';
import './feature-sheet.css';
import './responsive.css';
import './pages.css';
import { App } from './App';
import { I18nProvider, isLanguageLoaded, loadLanguage, readLocalePreference } from './i18n';

const root = document.getElementById('root');
if (!root) throw new Error('élément #root absent de index.html');
const locale = readLocalePreference();
// A reader who chose English gets English from the first frame: its catalogue (a chunk of its own)
// is fetched before rendering, which costs less than a French page switching under their eyes.
// Should it fail to load (offline without cache), the page opens in French.
const render = () => {
  document.documentElement.lang = isLanguageLoaded(locale) ? locale : 'fr';
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <App />
      </I18nProvider>
    </StrictMode>,
  );
};
loadLanguage(locale).then(render, render);

// Offline: the service worker starts once the page has loaded (production builds only); it feeds
// the header's offline chip (src/app/present/offline/status.ts).
if (import.meta.env.PROD)
  window.addEventListener('load', () => void import('./present/offline/register').then((m) => m.registerServiceWorker()), { once: true });
