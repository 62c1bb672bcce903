// Pure helpers of the bundle bench: which chunks a page loads before anything is clicked.

/** One entry of Vite's build manifest (.vite/manifest.json). */
export interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  /** Keys of chunks this one imports statically (loaded with it). */
  imports?: string[];
  /** Keys of chunks it imports with import(): loaded only when that code runs. */
  dynamicImports?: string[];
  css?: string[];
}

export type Manifest = Record<string, ManifestChunk>;

/** The entry's chunk and every chunk reachable through static imports, entry first; dynamic imports are not followed. */
export function initialChunks(manifest: Manifest, entryKey = 'index.html'): ManifestChunk[] {
  if (!manifest[entryKey]) throw new Error(`bundle: no manifest entry « ${entryKey} »`);
  const seen = new Set<string>();
  const out: ManifestChunk[] = [];
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`bundle: manifest imports unknown chunk « ${key} »`);
    out.push(chunk);
    for (const next of chunk.imports ?? []) visit(next);
  };
  visit(entryKey);
  return out;
}

/** Script and modulepreload URLs of the built index.html, in document order. */
export function htmlScripts(html: string): string[] {
  const urls: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isModuleScript = /^<script\b/.test(tag) && /\btype="module"/.test(tag);
    const isPreload = /^<link\b/.test(tag) && /\brel="modulepreload"/.test(tag);
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if ((isModuleScript || isPreload) && url) urls.push(url.replace(/^\.?\//, ''));
  }
  return urls;
}

/** Source modules of the app (paths under src/) that match `pattern`, from a chunk's source-map `sources`. */
export function appModules(sources: string[], pattern: RegExp): string[] {
  return sources
    .map((s) => s.replace(/\\/g, '/'))
    .filter((s) => !s.includes('node_modules/'))
    .map((s) => s.replace(/^.*?\bsrc\//, 'src/'))
    .filter((s) => pattern.test(s));
}

/** Owner of a bundled module: the npm package (scoped or not), or the app's top folder under src/. */
export function moduleOwner(source: string): string {
  const s = source.replace(/\\/g, '/');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(s.slice(s.lastIndexOf('node_modules/')));
  if (pkg) return pkg[1];
  // src/app/<folder>, src/core/<folder>, src/worker: the app's parts by responsibility.
  const part = /\bsrc\/(app|core|worker)\/([^/]+)/.exec(s);
  if (part) return part[2].includes('.') ? `src/${part[1]}` : `src/${part[1]}/${part[2]}`;
  const app = /\bsrc\/([^/]+)/.exec(s);
  if (app) return app[1].includes('.') ? 'src (root)' : `src/${app[1]}`;
  return s.replace(/^(\.\.\/)+/, '');
}
