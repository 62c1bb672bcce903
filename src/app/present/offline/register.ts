// Registers the service worker (src/app/present/offline/sw.ts, built by vite-plugin-pwa) once the page
// has loaded, and reports its life cycle to the offline store. A new version installs in the
// background and waits: it takes over at the next visit (every tab of the atlas closed), or at
// once when the user accepts the update offered in the header.
import { Workbox } from 'workbox-window';
import { setOfflineState, setUpdater } from './status';

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  setOfflineState({ supported: true });
  // Relative: the atlas may be served from a sub-folder; the worker's scope is its folder.
  const wb = new Workbox('./sw.js', { scope: './' });
  let reloadWhenControlled = false;
  wb.addEventListener('activated', () => setOfflineState({ ready: true, updateWaiting: false }));
  wb.addEventListener('waiting', () => setOfflineState({ updateWaiting: true }));
  wb.addEventListener('controlling', () => {
    if (reloadWhenControlled) window.location.reload();
  });
  setUpdater(() => {
    reloadWhenControlled = true;
    wb.messageSkipWaiting();
  });
  try {
    const registration = await wb.register();
    // Registration blocked (some test browsers, strict privacy settings): the atlas works online only.
    if (!registration) return setOfflineState({ supported: false });
    if (registration.active) setOfflineState({ ready: true });
    if (registration.waiting && registration.active) setOfflineState({ updateWaiting: true });
  } catch (error) {
    console.warn('Atlas : service worker non enregistré :', error instanceof Error ? error.message : error);
    setOfflineState({ supported: false });
  }
}
