import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { acquire, ChecksumError, missingSourcesMessage, resolveMirrorDir, type AcquireOptions } from '../../scripts/geodata/acquire';
import type { SourceEntry } from '../../scripts/geodata/manifest';
import { sourceEntry } from '../fixtures/source-entry';

const utf8 = (s: string) => new TextEncoder().encode(s);
const hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const text = (b: Uint8Array) => new TextDecoder().decode(b);

const MIRROR_BYTES = utf8('{"type":"FeatureCollection","features":[],"version":"miroir"}');
const LOCAL_BYTES = utf8('{"type":"FeatureCollection","features":[],"version":"local"}');
const UPSTREAM_BYTES = utf8('{"type":"FeatureCollection","features":[],"version":"amont"}');

function entry(over: Partial<SourceEntry> = {}): SourceEntry {
  return sourceEntry({ id: 'essai-terrils', title: 'Terrils d’essai', path: 'parcs/terrils-essai.geojson', sha256: hex(MIRROR_BYTES), ...over });
}

let root: string;
let project: string;
let mirror: string;
let cache: string;
const log: string[] = [];

function options(over: Partial<AcquireOptions> = {}): AcquireOptions {
  return { projectRoot: project, mirrorDir: null, mirrorUrl: null, online: false, cacheDir: cache, log: (l) => log.push(l), ...over };
}
function put(file: string, bytes: Uint8Array) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
}

/** A tiny HTTP server on 127.0.0.1: path → bytes, and a log of requested paths. */
const served = new Map<string, Uint8Array>();
const requests: string[] = [];
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const body = served.get(req.url ?? '');
    if (!body) {
      res.writeHead(404).end('introuvable');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'atlas-acquire-'));
  project = join(root, 'projet');
  mirror = join(root, 'miroir');
  cache = join(project, '.cache', 'geodata');
  mkdirSync(project, { recursive: true });
  mkdirSync(mirror, { recursive: true });
  served.clear();
  requests.length = 0;
  log.length = 0;
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('acquire: local override and mirror folder', () => {
  it('reads the mirror file and verifies its checksum', async () => {
    put(join(mirror, 'parcs/terrils-essai.geojson'), MIRROR_BYTES);
    const got = await acquire(entry(), options({ mirrorDir: mirror }));
    expect(got?.origin).toBe('miroir');
    expect(text(got!.bytes)).toBe(text(MIRROR_BYTES));
    expect(got?.sha256).toBe(hex(MIRROR_BYTES));
    expect(got?.location).toBe(join(mirror, 'parcs/terrils-essai.geojson'));
  });

  it('prefers a file dropped in geodata/local over the mirror, without checksum', async () => {
    put(join(mirror, 'parcs/terrils-essai.geojson'), MIRROR_BYTES);
    put(join(project, 'geodata', 'local', 'essai-terrils.geojson'), LOCAL_BYTES);
    const got = await acquire(entry(), options({ mirrorDir: mirror, mirrorUrl: base, online: true }));
    expect(got?.origin).toBe('local');
    expect(text(got!.bytes)).toBe(text(LOCAL_BYTES));
    expect(got?.sha256).toBe(hex(LOCAL_BYTES));
    expect(requests).toEqual([]);
  });

  it('uses the manifest’s `local` file name when set', async () => {
    put(join(project, 'geodata', 'local', 'qpv.geojson'), LOCAL_BYTES);
    const got = await acquire(entry({ id: 'qpv-contours', local: 'qpv.geojson', optional: true }), options({ mirrorDir: mirror }));
    expect(got?.origin).toBe('local');
    expect(got?.location).toBe(join(project, 'geodata', 'local', 'qpv.geojson'));
  });

  it('throws a ChecksumError naming the source when the mirror file differs from the manifest', async () => {
    put(join(mirror, 'parcs/terrils-essai.geojson'), utf8('{"type":"FeatureCollection","features":[],"version":"modifié"}'));
    const error = await acquire(entry(), options({ mirrorDir: mirror })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChecksumError);
    const message = (error as Error).message;
    expect(message).toContain('source « essai-terrils » (Terrils d’essai)');
    expect(message).toContain(join(mirror, 'parcs/terrils-essai.geojson'));
    expect(message).toContain(`attendue ${hex(MIRROR_BYTES)}`);
  });
});

describe('acquire: HTTP mirror', () => {
  it('downloads, verifies and caches the file, then reads the cache without a request', async () => {
    served.set('/parcs/terrils-essai.geojson', MIRROR_BYTES);
    const got = await acquire(entry(), options({ mirrorUrl: `${base}/` }));
    expect(got?.origin).toBe('telechargement');
    expect(text(got!.bytes)).toBe(text(MIRROR_BYTES));
    expect(got?.sha256).toBe(hex(MIRROR_BYTES));
    expect(got?.location).toBe(`${base}/parcs/terrils-essai.geojson`);
    expect(requests).toEqual(['/parcs/terrils-essai.geojson']);
    const cached = join(cache, 'miroir', 'parcs/terrils-essai.geojson');
    expect(text(new Uint8Array(readFileSync(cached)))).toBe(text(MIRROR_BYTES));
    expect(log.some((l) => l.includes(`${base}/parcs/terrils-essai.geojson`))).toBe(true);

    const again = await acquire(entry(), options({ mirrorUrl: base }));
    expect(again?.location).toBe(cached);
    expect(text(again!.bytes)).toBe(text(MIRROR_BYTES));
    expect(requests).toHaveLength(1);
  });

  it('downloads again when the cached copy is corrupted', async () => {
    served.set('/parcs/terrils-essai.geojson', MIRROR_BYTES);
    put(join(cache, 'miroir', 'parcs/terrils-essai.geojson'), utf8('tronqué'));
    const got = await acquire(entry(), options({ mirrorUrl: base }));
    expect(text(got!.bytes)).toBe(text(MIRROR_BYTES));
    expect(requests).toHaveLength(1);
    expect(text(new Uint8Array(readFileSync(join(cache, 'miroir', 'parcs/terrils-essai.geojson'))))).toBe(text(MIRROR_BYTES));
  });

  it('rejects a download whose checksum differs, and caches nothing', async () => {
    served.set('/parcs/terrils-essai.geojson', UPSTREAM_BYTES);
    const error = await acquire(entry(), options({ mirrorUrl: base })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChecksumError);
    expect((error as Error).message).toContain('essai-terrils');
    expect(existsSync(join(cache, 'miroir', 'parcs/terrils-essai.geojson'))).toBe(false);
  });

  it('reports an HTTP error with its status', async () => {
    await expect(acquire(entry(), options({ mirrorUrl: base }))).rejects.toThrow(`HTTP 404 pour ${base}/parcs/terrils-essai.geojson`);
  });

  it('prefers the mirror folder over the HTTP mirror', async () => {
    put(join(mirror, 'parcs/terrils-essai.geojson'), MIRROR_BYTES);
    served.set('/parcs/terrils-essai.geojson', MIRROR_BYTES);
    const got = await acquire(entry(), options({ mirrorDir: mirror, mirrorUrl: base }));
    expect(got?.origin).toBe('miroir');
    expect(requests).toEqual([]);
  });
});

describe('acquire: upstream originals', () => {
  const upstream = () => ({ url: `${base}/amont/terrils.geojson`, format: 'geojson', sha256: hex(UPSTREAM_BYTES) });

  it('downloads the upstream original when no mirror is configured, verifies and caches it', async () => {
    served.set('/amont/terrils.geojson', UPSTREAM_BYTES);
    const got = await acquire(entry({ upstream: upstream() }), options());
    expect(got?.origin).toBe('telechargement');
    expect(text(got!.bytes)).toBe(text(UPSTREAM_BYTES));
    expect(existsSync(join(cache, 'amont', 'essai-terrils.geojson'))).toBe(true);
    await acquire(entry({ upstream: upstream() }), options());
    expect(requests).toEqual(['/amont/terrils.geojson']);
  });

  it('rejects an upstream file whose pinned checksum differs', async () => {
    served.set('/amont/terrils.geojson', MIRROR_BYTES);
    await expect(acquire(entry({ upstream: upstream() }), options())).rejects.toBeInstanceOf(ChecksumError);
  });

  it('does not go online for an optional source when a mirror exists, unless asked to', async () => {
    served.set('/amont/terrils.geojson', UPSTREAM_BYTES);
    const optional = entry({ path: null, sha256: null, optional: true, upstream: upstream() });
    expect(await acquire(optional, options({ mirrorDir: mirror }))).toBeNull();
    expect(requests).toEqual([]);
    const got = await acquire(optional, options({ mirrorDir: mirror, online: true }));
    expect(got?.origin).toBe('telechargement');
  });

  it('uses the fetch implementation it is given', async () => {
    const seen: string[] = [];
    const fakeFetch = (async (url: string | URL | Request) => {
      seen.push(String(url));
      return new Response(UPSTREAM_BYTES, { status: 200 });
    }) as typeof fetch;
    const got = await acquire(entry({ upstream: upstream() }), options({ fetchImpl: fakeFetch }));
    expect(seen).toEqual([`${base}/amont/terrils.geojson`]);
    expect(text(got!.bytes)).toBe(text(UPSTREAM_BYTES));
  });
});

describe('acquire: missing everywhere', () => {
  it('returns null when neither local, mirror nor upstream provide the source', async () => {
    expect(await acquire(entry(), options({ mirrorDir: mirror }))).toBeNull();
    expect(await acquire(entry({ upstream: null }), options())).toBeNull();
    expect(requests).toEqual([]);
  });

  it('missingSourcesMessage lists the source, the reason, and every way to provide it', () => {
    const message = missingSourcesMessage(
      [
        { entry: entry(), reason: 'absente du miroir (parcs/terrils-essai.geojson)' },
        {
          entry: entry({ id: 'ev5-essai', title: 'EV5 d’essai', upstream: { url: 'https://exemple.invalid/ev5.gpx', format: 'gpx' } }),
          reason: 'aucune source configurée',
        },
      ],
      project,
    );
    expect(message).toContain('Sources de données introuvables (2)');
    expect(message).toContain('essai-terrils (Terrils d’essai) : absente du miroir (parcs/terrils-essai.geojson)');
    expect(message).toContain('ev5-essai (EV5 d’essai) : aucune source configurée');
    expect(message).toContain('en ligne : https://exemple.invalid/ev5.gpx');
    expect(message).toContain(join(root, 'shared', 'geodata-sources'));
    expect(message).toContain('GEODATA_SOURCES=');
    expect(message).toContain('GEODATA_MIRROR_URL=');
    expect(message).toContain('accès à Internet');
    expect(message).toContain(join(project, '.cache', 'geodata'));
    expect(message).toContain(join(project, 'geodata', 'local'));
  });
});

describe('resolveMirrorDir', () => {
  it('uses GEODATA_SOURCES (relative to the project), else ../shared/geodata-sources, else null', () => {
    expect(resolveMirrorDir(project, {})).toBeNull();
    mkdirSync(join(root, 'shared', 'geodata-sources'), { recursive: true });
    expect(resolveMirrorDir(project, {})).toBe(join(root, 'shared', 'geodata-sources'));
    expect(resolveMirrorDir(project, { GEODATA_SOURCES: '../miroir' })).toBe(mirror);
  });

  it('throws a French message when GEODATA_SOURCES names a missing folder', () => {
    expect(() => resolveMirrorDir(project, { GEODATA_SOURCES: '/nulle/part' })).toThrow(
      'GEODATA_SOURCES désigne un dossier introuvable : /nulle/part',
    );
  });
});
