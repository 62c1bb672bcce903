/// <reference lib="webworker" />
// The atlas's service worker (built by vite-plugin-pwa, strategy injectManifest). It precaches the
// app shell, every data file (FlatGeobuf, catalog.json, cards.json: the offline basemap is drawn
// from them) and the workers, so that after one visit the atlas opens with the network off.
// Revisions come from the build: a new build (code or data) is a new worker, installed in the
// background and used at the next visit, all at once (the data stay consistent with the code).
import { cleanupOutdatedCaches, createHandlerBoundToURL, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { partialResponse } from './range';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

/**
 * Range requests (FlatGeobuf read by parts) go to the network while it answers: the server's 206
 * is exact. Without network the whole cached file is sliced to the requested range (206, or 416
 * when the range does not fit): a precache route would answer 200 with the whole file, which a
 * range reader would take for the bytes it asked for.
 */
registerRoute(
  ({ request }) => request.headers.has('range'),
  async ({ request }) => {
    try {
      return await fetch(request);
    } catch (error) {
      const url = new URL(request.url);
      url.search = '';
      const cached = await matchPrecache(url.href);
      if (!cached) throw error;
      return partialResponse(request, cached);
    }
  },
);

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every address of the app (its view state is in the fragment) opens the cached page.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// The first install controls the open page at once (nothing to be inconsistent with yet).
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
