import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import { App } from './App';
import { I18nProvider, readLocalePreference } from './i18n';

const root = document.getElementById('root');
document.documentElement.lang = readLocalePreference();
if (!root) throw new Error('élément #root absent de index.html');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
