// Header buttons: present, share, export/print; and whether the atlas is ready without network.
// Part of the first screen, while what they open (src/app/present) is downloaded on the first click:
// the button only names the dialog the app shell should show.
import { lazy, Suspense } from 'react';
import { useI18n } from '../i18n';
import type { PresentDialog } from '../present/usePresent';

// The chip has nothing to say before the service worker is ready, which is after the page has loaded.
const OfflineStatus = lazy(() => import('../present/offline/OfflineStatus').then((m) => ({ default: m.OfflineStatus })));

/** Small line icons (no font needed: symbol glyphs are missing from many systems' fonts). */
const ICONS = {
  present: 'M6 4 L19 12 L6 20 Z',
  share: 'M17 5 a2.5 2.5 0 1 0 0.01 0 M7 12 a2.5 2.5 0 1 0 0.01 0 M17 19 a2.5 2.5 0 1 0 0.01 0 M9 11 L15 6.5 M9 13 L15 17.5',
  export: 'M7 9 V3 H17 V9 M5 9 H19 V17 H17 M7 17 H5 V9 M7 14 H17 V21 H7 Z',
} as const;

function Icon({ name }: { name: keyof typeof ICONS }) {
  return (
    <svg className="present-tool-icon" width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d={ICONS[name]}
        fill={name === 'present' ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  );
}

/** `offline`: show the offline chip (its code is fetched then). */
export function PresentToolbar({ onOpen, offline }: { onOpen: (dialog: NonNullable<PresentDialog>) => void; offline: boolean }) {
  const { t } = useI18n();
  return (
    <div className="present-toolbar" role="group" aria-label={t('present.toolbar.label')}>
      {offline && (
        <Suspense fallback={null}>
          <OfflineStatus />
        </Suspense>
      )}
      <button type="button" id="bouton-presenter" className="present-tool" onClick={() => onOpen('jeux')} aria-haspopup="dialog">
        <Icon name="present" />
        <span className="present-tool-text">{t('present.toolbar.present')}</span>
      </button>
      <button type="button" className="present-tool" onClick={() => onOpen('partager')} aria-haspopup="dialog">
        <Icon name="share" />
        <span className="present-tool-text">{t('present.toolbar.share')}</span>
      </button>
      <button type="button" className="present-tool" onClick={() => onOpen('exporter')} aria-haspopup="dialog">
        <Icon name="export" />
        <span className="present-tool-text">{t('present.toolbar.export')}</span>
      </button>
    </div>
  );
}
