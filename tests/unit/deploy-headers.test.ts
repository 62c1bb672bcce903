// The deployment headers: one Content-Security-Policy, its hosts taken from the basemap list, the
// same in `vite preview`, dist/_headers and the server snippets of docs/deployment.md; no eval needed by the app.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { basemapOrigins, basemaps } from '../../src/core/map-style/basemaps';
import { contentSecurityPolicy, DEFAULT_EMBEDDING_ORIGINS, embeddingOrigins, headersFile, securityHeaders } from '../../scripts/deploy/headers';
import { deckValidatorSource } from '../../scripts/build/deck-validator';

const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.split(' ')
    .slice(1);

describe('Content-Security-Policy', () => {
  it('allows the online basemaps’ tile servers, and only them, beside the atlas itself', () => {
    expect(basemapOrigins()).toEqual(['https://data.geopf.fr', 'https://tile.openstreetmap.org']);
    const tileHosts = new Set(basemaps.flatMap((b) => b.raster?.tiles ?? []).map((t) => new URL(t.replace(/[{}]/g, '')).origin));
    const policy = contentSecurityPolicy();
    expect(directive(policy, 'connect-src')).toEqual(["'self'", ...[...tileHosts].sort()]);
    expect(directive(policy, 'img-src')).toEqual(["'self'", 'data:', 'blob:', ...[...tileHosts].sort()]);
  });

  it('runs no inline script, no eval, no plugin; workers from the atlas only', () => {
    const policy = contentSecurityPolicy();
    expect(directive(policy, 'default-src')).toEqual(["'self'"]);
    expect(directive(policy, 'script-src')).toEqual(["'self'"]);
    expect(directive(policy, 'worker-src')).toEqual(["'self'"]);
    expect(directive(policy, 'style-src')).toEqual(["'self'"]);
    expect(directive(policy, 'object-src')).toEqual(["'none'"]);
    expect(directive(policy, 'base-uri')).toEqual(["'self'"]);
    expect(policy).not.toMatch(/unsafe|\*/);
  });

  it('lets the authority’s site embed the map; the list can be set at build time', () => {
    expect(directive(contentSecurityPolicy(), 'frame-ancestors')).toEqual(["'self'", ...embeddingOrigins()]);
    expect(embeddingOrigins({})).toEqual(DEFAULT_EMBEDDING_ORIGINS);
    expect(embeddingOrigins({ ATLAS_INTEGRATION_ORIGINES: ' https://a.example  https://b.example ' })).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
  });

  // Written out by hand: a change of the policy must be a deliberate change of this test too.
  const REVIEWED_POLICY =
    "default-src 'self'; script-src 'self'; worker-src 'self'; connect-src 'self' https://data.geopf.fr https://tile.openstreetmap.org; " +
    "img-src 'self' data: blob: https://data.geopf.fr https://tile.openstreetmap.org; style-src 'self'; font-src 'self'; object-src 'none'; " +
    "base-uri 'self'; form-action 'self'; frame-ancestors 'self' https://www.agglo-lenslievin.fr https://agglo-lenslievin.fr";

  it('is the reviewed policy, written into dist/_headers and the nginx and Apache snippets of docs/deployment.md', () => {
    expect(contentSecurityPolicy({ embeddingOrigins: DEFAULT_EMBEDDING_ORIGINS })).toBe(REVIEWED_POLICY);
    const file = headersFile(securityHeaders(REVIEWED_POLICY));
    expect(file).toContain(`/*\n  Content-Security-Policy: ${REVIEWED_POLICY}\n`);
    expect(file).toContain('/sw.js\n  Cache-Control: no-cache');
    const doc = readFileSync(join(import.meta.dirname, '../../docs/deployment.md'), 'utf8');
    expect(doc).toContain(`add_header Content-Security-Policy "${REVIEWED_POLICY}" always;`);
    expect(doc).toContain(`Header always set Content-Security-Policy "${REVIEWED_POLICY}"`);
  });

  it('validates deck files with code compiled at build time (ajv would need eval at run time)', () => {
    const source = deckValidatorSource();
    expect(source).not.toMatch(/new Function|\beval\(|\brequire\(/);
    expect(source).toMatch(/^import \* as \w+ from "ajv\/dist\/runtime\/[\w]+\.js";/m);
  });
});
