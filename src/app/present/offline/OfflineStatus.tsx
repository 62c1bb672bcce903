// Header chip: ready to work without network, offline now, or a new version to switch to. The
// service worker that feeds it is started by main.tsx once the page has loaded.
import { useSyncExternalStore } from 'react';
import { useI18n } from '../../i18n';
import { applyUpdate, getOfflineState, subscribeOffline } from './status';

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
