// The HTTP headers the built atlas is served with. One definition for `vite preview` (and so
// `npm start`), for the `_headers` file written into dist/ (Netlify, Cloudflare Pages…) and for the
// nginx and Apache snippets of docs/deployment.md (a unit test keeps them equal to this).
import type { Plugin } from 'vite';
import { basemapOrigins } from '../../src/core/map-style/basemaps.js';

/**
 * Sites allowed to show the atlas in an <iframe> (the share dialog's `integration=1` snippet).
 * The fragment is never sent to the server, so the policy cannot differ for embed mode: it is the
 * same header everywhere, naming the authority's site. Override at build time with
 * `ATLAS_INTEGRATION_ORIGINES="https://a.example https://b.example"`.
 */
export const DEFAULT_EMBEDDING_ORIGINS = ['https://www.agglo-lenslievin.fr', 'https://agglo-lenslievin.fr'];

export function embeddingOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  const configured = env.ATLAS_INTEGRATION_ORIGINES?.split(/\s+/).filter(Boolean);
  return configured && configured.length > 0 ? configured : DEFAULT_EMBEDDING_ORIGINS;
}

/**
 * Strict policy: code only from the atlas's own files (no inline script, no eval, no WebAssembly),
 * connections only to the atlas and the online basemaps' tile servers.
 * - `img-src data: blob:`: the PNG export composes its page from blob images; the print sheet shows
 *   the map as a data: image.
 * - `style-src 'self'`: the stylesheets are files; inline styles set from script (React's `style`
 *   prop, MapLibre's and deck.gl's element styles) go through the CSSOM, which CSP does not restrict.
 * - `worker-src 'self'`: MapLibre's and the workbench's workers, and the service worker, are files.
 */
export function contentSecurityPolicy(options: { embeddingOrigins?: string[]; basemapOrigins?: string[] } = {}): string {
  const tiles = options.basemapOrigins ?? basemapOrigins();
  const embedders = options.embeddingOrigins ?? embeddingOrigins();
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['worker-src', "'self'"],
    ['connect-src', "'self'", ...tiles],
    ['img-src', "'self'", 'data:', 'blob:', ...tiles],
    ['style-src', "'self'"],
    ['font-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'self'", ...embedders],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

export function securityHeaders(policy = contentSecurityPolicy()): Record<string, string> {
  return {
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    // The browsers' default, said explicitly: OpenStreetMap's tile policy asks for a Referer.
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  };
}

/** `_headers` (Netlify / Cloudflare Pages syntax) for dist/. */
export function headersFile(headers = securityHeaders()): string {
  const lines = ['/*', ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)];
  // The service worker is checked at each visit: an HTTP cache on it delays updates.
  lines.push('/sw.js', '  Cache-Control: no-cache');
  return `${lines.join('\n')}\n`;
}

/** Serves the headers from `vite preview` (hence `npm start`) and writes `_headers` into the build. */
export function deploymentHeaders(): Plugin {
  const headers = securityHeaders();
  return {
    name: 'atlas-deployment-headers',
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        next();
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile(headers) });
    },
  };
}
