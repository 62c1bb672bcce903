// Fetch step: find the bytes of each source, in this order: a file the GIS team dropped in
// geodata/local/, the mirror folder, an HTTP mirror, then the upstream original (cached). Every
// mirror read is checked against the manifest's sha256.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { SourceEntry } from './manifest';
import { localFileName } from './manifest';
import type { Bounds } from '../../layers/types';
import { readOverpass, readWfs } from './online/readers';

export type Origin = 'local' | 'miroir' | 'telechargement';

export interface Acquired {
  entry: SourceEntry;
  bytes: Uint8Array;
  origin: Origin;
  sha256: string;
  /** Where the bytes were read, for messages. */
  location: string;
}

export class ChecksumError extends Error {}

export interface AcquireOptions {
  projectRoot: string;
  /** A local mirror folder (GEODATA_SOURCES, or ../shared/geodata-sources). */
  mirrorDir: string | null;
  /** An HTTP mirror with the same layout (GEODATA_MIRROR_URL). */
  mirrorUrl: string | null;
  /** Download upstream originals (no mirror, or --en-ligne for optional sources). */
  online: boolean;
  cacheDir: string;
  fetchImpl?: typeof fetch;
  log?: (line: string) => void;
  /** The box query services are asked for (the territory's), once known. */
  queryBounds?: () => Bounds | null;
  /** Whether a source is already present in this build (for `upstream.unlessAvailable`). */
  available?: (id: string) => boolean;
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Picks the mirror folder as docs/data.md documents it. */
export function resolveMirrorDir(projectRoot: string, env: NodeJS.ProcessEnv): string | null {
  if (env.GEODATA_SOURCES) {
    const dir = resolve(projectRoot, env.GEODATA_SOURCES);
    if (!existsSync(dir)) throw new Error(`GEODATA_SOURCES désigne un dossier introuvable : ${dir}`);
    return dir;
  }
  const shared = resolve(projectRoot, '..', 'shared', 'geodata-sources');
  return existsSync(shared) ? shared : null;
}

function verify(entry: SourceEntry, bytes: Uint8Array, expected: string | null | undefined, where: string): string {
  const actual = sha256(bytes);
  if (expected && actual !== expected) {
    throw new ChecksumError(
      `source « ${entry.id} » (${entry.title}) : empreinte sha256 inattendue pour ${where}\n  attendue ${expected}\n  obtenue  ${actual}\n` +
        '  Le fichier a changé ou est corrompu : remplacez-le par la version attendue, ou mettez à jour geodata/sources.json après vérification.',
    );
  }
  return actual;
}

async function download(url: string, fetchImpl: typeof fetch): Promise<Uint8Array> {
  const response = await fetchImpl(url, { signal: AbortSignal.timeout(120_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status} pour ${url}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** A query service's answer for the territory's box, as GeoJSON bytes. */
async function query(entry: SourceEntry, options: AcquireOptions, fetchImpl: typeof fetch): Promise<Uint8Array> {
  const upstream = entry.upstream!;
  const bounds = options.queryBounds?.();
  if (!bounds) throw new Error(`${entry.title} : emprise du territoire inconnue, requête impossible`);
  const q = { title: entry.title, url: upstream.url, bounds, fetchImpl, log: options.log };
  const collection = upstream.protocol === 'wfs' ? await readWfs(q, upstream.typeName ?? '') : await readOverpass(q, upstream.query ?? '');
  return new TextEncoder().encode(JSON.stringify(collection));
}

/** Returns the source's bytes, or null when nothing provides it (the caller decides if that is fatal). */
export async function acquire(entry: SourceEntry, options: AcquireOptions): Promise<Acquired | null> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const local = join(options.projectRoot, 'geodata', 'local', localFileName(entry));
  if (existsSync(local)) {
    const bytes = new Uint8Array(readFileSync(local));
    return { entry, bytes, origin: 'local', sha256: sha256(bytes), location: local };
  }
  if (entry.path && options.mirrorDir) {
    const file = join(options.mirrorDir, entry.path);
    if (existsSync(file)) {
      const bytes = new Uint8Array(readFileSync(file));
      return { entry, bytes, origin: 'miroir', sha256: verify(entry, bytes, entry.sha256, file), location: file };
    }
  }
  if (entry.path && options.mirrorUrl) {
    const cached = join(options.cacheDir, 'miroir', entry.path);
    const url = `${options.mirrorUrl.replace(/\/$/, '')}/${entry.path}`;
    if (existsSync(cached)) {
      const bytes = new Uint8Array(readFileSync(cached));
      if (sha256(bytes) === entry.sha256) return { entry, bytes, origin: 'telechargement', sha256: entry.sha256!, location: cached };
    }
    options.log?.(`  téléchargement ${url}`);
    const bytes = await download(url, fetchImpl);
    const digest = verify(entry, bytes, entry.sha256, url);
    mkdirSync(dirname(cached), { recursive: true });
    writeFileSync(cached, bytes);
    return { entry, bytes, origin: 'telechargement', sha256: digest, location: url };
  }
  const useUpstream = entry.upstream && (options.online || (!options.mirrorDir && !options.mirrorUrl && !entry.optional));
  if (entry.upstream && useUpstream) {
    const cached = join(options.cacheDir, 'amont', `${entry.id}.${entry.upstream.format}`);
    if (existsSync(cached)) {
      const bytes = new Uint8Array(readFileSync(cached));
      return { entry, bytes, origin: 'telechargement', sha256: verify(entry, bytes, entry.upstream.sha256, cached), location: cached };
    }
    const better = entry.upstream.unlessAvailable?.find((id) => options.available?.(id));
    if (better) {
      options.log?.(`  ${entry.title} : non téléchargée, la source « ${better} » est disponible`);
      return null;
    }
    options.log?.(`  téléchargement ${entry.upstream.url}`);
    const bytes = entry.upstream.protocol ? await query(entry, options, fetchImpl) : await download(entry.upstream.url, fetchImpl);
    const digest = verify(entry, bytes, entry.upstream.sha256, entry.upstream.url);
    mkdirSync(dirname(cached), { recursive: true });
    writeFileSync(cached, bytes);
    return { entry, bytes, origin: 'telechargement', sha256: digest, location: entry.upstream.url };
  }
  return null;
}

/** The one message printed when required sources cannot be found anywhere. */
export function missingSourcesMessage(missing: { entry: SourceEntry; reason: string }[], projectRoot: string): string {
  const lines = missing.map(
    ({ entry, reason }) => `  - ${entry.id} (${entry.title}) : ${reason}${entry.upstream ? `\n      en ligne : ${entry.upstream.url}` : ''}`,
  );
  return [
    `Sources de données introuvables (${missing.length}) :`,
    ...lines,
    '',
    'Pour les fournir, au choix :',
    `  1. placer le miroir des données ouvertes dans ${resolve(projectRoot, '..', 'shared', 'geodata-sources')}`,
    '     ou désigner son dossier avec la variable GEODATA_SOURCES=/chemin/du/miroir ;',
    '  2. désigner un miroir HTTP de même structure avec GEODATA_MIRROR_URL=https://… ;',
    '  3. lancer la commande avec un accès à Internet : les fichiers d’origine sont alors téléchargés',
    `     dans ${join(projectRoot, '.cache', 'geodata')} et vérifiés ;`,
    `  4. déposer un fichier remplaçant dans ${join(projectRoot, 'geodata', 'local')} (voir son README).`,
  ].join('\n');
}
