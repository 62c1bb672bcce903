import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

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
  plugins: [react(), fgbUncompressed()],
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
