import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { deploymentHeaders } from './scripts/deploy/headers.js';
import { deckValidator } from './scripts/build/deck-validator.js';

/**
 * FlatGeobuf is read with HTTP Range requests: a gzipped 206 response breaks them (vite preview
 * compresses unknown types, and a later Range read then fails with 416). Dropping Accept-Encoding
 * for .fgb keeps those responses byte-exact.
 */
function fgbUncompressed(): Plugin {
  const strip = (
    req: { url?: string; headers: Record<string, unknown> },
    res: { setHeader(name: string, value: string): void },
    next: () => void,
  ) => {
    if (req.url && /\.fgb(\?|$)/.test(req.url)) {
      delete req.headers['accept-encoding'];
      res.setHeader('Content-Type', 'application/octet-stream');
    }
    next();
  };
  return {
    name: 'atlas-fgb-uncompressed',
    configureServer(server) {
      server.middlewares.use(strip);
    },
    configurePreviewServer(server) {
      server.middlewares.use(strip);
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    fgbUncompressed(),
    // Content-Security-Policy and friends on `vite preview` / `npm start`, and dist/_headers.
    deploymentHeaders(),
    deckValidator(),
    // Offline: web app manifest + our service worker (src/app/present/offline/sw.ts) with the build's
    // precache list injected: app shell, workers, every data file (the offline basemap included).
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/app/present/offline',
      filename: 'sw.ts',
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      manifest: {
        name: 'Atlas Lens-Liévin',
        short_name: 'Atlas CALL',
        description:
          "Carte du territoire de la Communauté d'Agglomération de Lens-Liévin : couches thématiques, fiches du rapport, présentation hors ligne.",
        lang: 'fr',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#1d2327',
        theme_color: '#1d2327',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{html,js,mjs,css,wasm,svg,png,webmanifest}', 'data/*.{fgb,json}'],
        // The main bundle (MapLibre, deck.gl) is over Workbox's 2 MiB default.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // SQLite for the GeoPackage export (~480 kB gzip) loads only when a planner asks for one:
        // precaching it would make every visitor download it.
        globIgnores: ['**/sql-asm-*.js'],
      },
    }),
  ],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2500,
  },
  // The workbench worker imports code split into chunks: only ES module workers can load them.
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], environment: 'node', testTimeout: 180_000, hookTimeout: 180_000 },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One Chromium at a time: these machines have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
