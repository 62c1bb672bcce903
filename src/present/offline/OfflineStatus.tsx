// Header chip: ready to work without network, offline now, or a new version to switch to.
import { useEffect, useSyncExternalStore } from 'react';
import { useI18n } from '../../i18n';
import { applyUpdate, getOfflineState, subscribeOffline } from './status';

/** Starts the service worker after the page has loaded (production builds only). */
export function useServiceWorker(): void {
  useEffect(() => {
    if (!import.meta.env.PROD) return;
    const start = () => void import('./register').then((m) => m.registerServiceWorker());
    if (document.readyState === 'complete') start();
    else window.addEventListener('load', start, { once: true });
  }, []);
}

export function OfflineStatus() {
  const { t } = useI18n();
  const state = useSyncExternalStore(subscribeOffline, getOfflineState);
  return (
    <>
      {!state.online && (
        <span className="present-chip present-chip-offline" role="status">
          {state.ready ? t('present.offline.offlineReady') : t('present.offline.offline')}
        </span>
      )}
      {state.online && state.ready && (
        <span className="present-chip" title={t('present.offline.readyTitle')} data-hors-ligne="pret">
          <span aria-hidden="true">✓ </span>
          {t('present.offline.ready')}
        </span>
      )}
      {state.updateWaiting && (
        <button type="button" className="present-chip present-chip-update" onClick={applyUpdate} title={t('present.offline.updateTitle')}>
          {t('present.offline.update')}
        </button>
      )}
    </>
  );
}
