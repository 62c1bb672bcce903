// The deployment headers: one Content-Security-Policy, its hosts taken from the basemap list, the
// same in `vite preview`, dist/_headers and the README's server snippets; no eval needed by the app.
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

  it('writes the same headers into dist/_headers and the README’s nginx and Apache snippets', () => {
    const policy = contentSecurityPolicy({ embeddingOrigins: DEFAULT_EMBEDDING_ORIGINS });
    const file = headersFile(securityHeaders(policy));
    expect(file).toContain(`/*\n  Content-Security-Policy: ${policy}\n`);
    expect(file).toContain('/sw.js\n  Cache-Control: no-cache');
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    expect(readme).toContain(`add_header Content-Security-Policy "${policy}" always;`);
    expect(readme).toContain(`Header always set Content-Security-Policy "${policy}"`);
  });

  it('validates deck files with code compiled at build time (ajv would need eval at run time)', () => {
    const source = deckValidatorSource();
    expect(source).not.toMatch(/new Function|\beval\(|\brequire\(/);
    expect(source).toMatch(/^import \* as \w+ from "ajv\/dist\/runtime\/[\w]+\.js";/m);
  });
});
