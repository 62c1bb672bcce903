// Offline readiness as a tiny store the UI subscribes to (useSyncExternalStore); register.ts
// (loaded after the page) feeds it from the service worker's life cycle.
export interface OfflineState {
  /** The browser can run the service worker (and this is a production build). */
  supported: boolean;
  /** The app, its data and the offline basemap are cached: the atlas opens without network. */
  ready: boolean;
  /** A new version is installed and waits for this page to let it take over. */
  updateWaiting: boolean;
  online: boolean;
}

let state: OfflineState = {
  supported: false,
  ready: false,
  updateWaiting: false,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
};
const listeners = new Set<() => void>();

export function setOfflineState(patch: Partial<OfflineState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

export const getOfflineState = (): OfflineState => state;

export function subscribeOffline(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let updater: (() => void) | null = null;
/** register.ts hands over how to switch to the waiting version. */
export function setUpdater(fn: () => void): void {
  updater = fn;
}
export function applyUpdate(): void {
  updater?.();
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => setOfflineState({ online: true }));
  window.addEventListener('offline', () => setOfflineState({ online: false }));
}
