// Builds the real territory data from the open-data mirror and checks the figures a user would
// check against the report. Needs the mirror (../shared/geodata-sources or GEODATA_SOURCES).
import { createServer, type Server } from 'node:http';
import { createHash } from 'node:crypto';
import {
  mkdtempSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  existsSync,
  statSync,
  cpSync,
  chmodSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { Feature } from 'geojson';
import { buildGeodata, MissingSourcesError } from '../../scripts/geodata/build';
import { ChecksumError, resolveMirrorDir } from '../../scripts/geodata/acquire';
import type { Catalog, CatalogLayer } from '../../layers/types';
import type { CardsFile } from '../../layers/cards';
import { EXCLUSIONS_FILE } from '../../scripts/geodata/cards';
import { outlineOverlap } from '../../layers/cites/merge';
import type { AreaFeature } from '../../layers/metrics';

const projectRoot = resolve(__dirname, '..', '..');
const mirrorDir = resolveMirrorDir(projectRoot, process.env);
const quiet = () => {};
const tmp = (name: string) => mkdtempSync(join(tmpdir(), `atlas-${name}-`));

function layer(catalog: Catalog, id: string): CatalogLayer {
  const found = catalog.layers.find((l) => l.id === id);
  if (!found) throw new Error(`layer ${id} missing`);
  return found;
}
const metric = (l: CatalogLayer, id: string) => l.metrics.find((m) => m.id === id)!;

async function readAll(file: string): Promise<Feature[]> {
  const out: Feature[] = [];
  for await (const f of deserialize(new Uint8Array(readFileSync(file)))) out.push(f as Feature);
  return out;
}

async function readBbox(file: string, rect: { minX: number; minY: number; maxX: number; maxY: number }): Promise<Feature[]> {
  const out: Feature[] = [];
  for await (const f of deserialize(new Uint8Array(readFileSync(file)), { rect })) out.push(f as Feature);
  return out;
}

describe.skipIf(!mirrorDir)('pipeline on the open-data mirror', () => {
  let outDir: string;
  let catalog: Catalog;
  const cacheDir = tmp('cache');

  beforeAll(async () => {
    // flatgeobuf's index search logs every step at debug level.
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    outDir = tmp('out');
    ({ catalog } = await buildGeodata({ projectRoot, mirrorDir, mirrorUrl: null, online: false, cacheDir, outDir, force: false, log: quiet }));
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('keeps the 36 member communes and the territory outline', async () => {
    const communes = layer(catalog, 'communes');
    expect(communes.sublayers.find((s) => s.id === 'communes')!.featureCount).toBe(36);
    const features = await readAll(join(outDir, 'communes.fgb'));
    const names = features.map((f) => f.properties!.nom);
    expect(names).toContain('Liévin');
    expect(names).toContain('Bouvigny-Boyeffles');
    expect(new Set(features.map((f) => f.properties!.code)).size).toBe(36);
    expect(metric(communes, 'population').value).toBeGreaterThan(230_000);
    expect(metric(communes, 'population').value).toBeLessThan(260_000);
    // The territory: about 240 km² (23,987 ha per the EPCI outline's source).
    expect(metric(communes, 'surface').value).toBeGreaterThan(23_000);
    expect(metric(communes, 'surface').value).toBeLessThan(25_000);
  });

  it('measures the EuroVelo 5 inside the CALL between 30 and 40 km, per commune too', () => {
    const ev5 = layer(catalog, 'ev5');
    const total = metric(ev5, 'longueur-call').value;
    expect(total).toBeGreaterThan(30);
    expect(total).toBeLessThan(40);
    const perCommune = metric(ev5, 'longueur-par-commune').details!;
    expect(perCommune.map((d) => d.label)).toContain('Lens');
    // Clipped per commune, the pieces add up to the whole (communes tile the territory).
    const sum = perCommune.reduce((s, d) => s + d.value, 0);
    expect(Math.abs(sum - total) / total).toBeLessThan(0.03);
  });

  it('counts the mining cités once each: ~30 UNESCO, 18 ERBM, 58 buffer-zone', async () => {
    const cites = layer(catalog, 'cites');
    const byStatus = Object.fromEntries(metric(cites, 'cites').details!.map((d) => [d.label, d.value]));
    expect(byStatus['du bien UNESCO']).toBeGreaterThanOrEqual(25);
    expect(byStatus['du bien UNESCO']).toBeLessThanOrEqual(35);
    expect(byStatus['du programme ERBM']).toBe(18);
    expect(byStatus['de la zone tampon']).toBe(58);
    const features = (await readAll(join(outDir, 'cites.fgb'))) as AreaFeature[];
    expect(features.length).toBe(metric(cites, 'cites').value);
    const ids = features.map((f) => f.properties!.id_lsm).filter((v) => v !== undefined && v !== null);
    expect(new Set(ids).size).toBe(ids.length);
    const unescoIds = features.map((f) => f.properties!.id_unesco).filter((v) => v !== undefined && v !== null);
    expect(new Set(unescoIds).size).toBe(unescoIds.length);
    // No two outlines describe the same place.
    for (let i = 0; i < features.length; i++)
      for (let j = i + 1; j < features.length; j++) expect(outlineOverlap(features[i], features[j])).toBeLessThan(0.8);
  });

  it('lists the 22 QPV of the 2024 list over 19 communes, without inventing outlines', async () => {
    const qpv = layer(catalog, 'qpv');
    expect(metric(qpv, 'qpv').value).toBe(22);
    expect(qpv.items).toHaveLength(22);
    expect(metric(qpv, 'communes-qpv').value).toBe(19);
    expect(qpv.sublayers.find((s) => s.id === 'qpv-contours')!.file).toBeNull();
    expect(qpv.missing).toMatch(/contours officiels/);
    const communes = await readAll(join(outDir, 'qpv-communes.fgb'));
    expect(communes.every((f) => String(f.properties!.precision).includes('contours des QPV non disponibles'))).toBe(true);
  });

  it('says captages have no geometry and lists them', () => {
    const captages = layer(catalog, 'captages');
    expect(captages.status).toBe('sans-geometrie');
    expect(captages.items.map((i) => i.name)).toContain('Champ captant de Wingles');
    expect(captages.missing).toMatch(/Aucune géométrie/);
  });

  it('places each waste establishment once, with the precision of its position', async () => {
    const features = await readAll(join(outDir, 'dechets-etablissements.fgb'));
    expect(features.length).toBeGreaterThanOrEqual(8);
    const ids = features.map((f) => f.properties!.identifiant_irep);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of features) {
      expect(['adresse', 'arrondie', 'commune']).toContain(f.properties!.precision);
      expect(String(f.properties!.precision_texte)).toMatch(/approximative|fournie/);
    }
  });

  it('keeps the parks, terrils and cavaliers of the territory with their measures', async () => {
    const parcs = layer(catalog, 'parcs');
    const espaces = (await readAll(join(outDir, 'parcs-espaces.fgb'))).map((f) => f.properties!.nom);
    expect(espaces).toEqual(expect.arrayContaining(['Parc de la Glissoire', 'Val de Souchez']));
    expect(metric(parcs, 'terrils').value).toBeGreaterThan(30);
    // 146 km of cavalier alignments in the CALL per the mirror's own measurement.
    expect(metric(parcs, 'cavaliers-longueur').value).toBeGreaterThan(130);
    expect(metric(parcs, 'cavaliers-longueur').value).toBeLessThan(160);
  });

  it('writes files that the flatgeobuf bbox reader can read, with their sources credited', async () => {
    const [w, s, e, n] = catalog.territory.bounds;
    for (const l of catalog.layers) {
      for (const sub of l.sublayers.filter((x) => x.file)) {
        const file = join(outDir, sub.file!);
        const whole = await readBbox(file, { minX: w - 1, minY: s - 1, maxX: e + 1, maxY: n + 1 });
        expect(whole.length, sub.id).toBe(sub.featureCount);
        // A small window returns fewer features than the whole file for the big layers.
        if (sub.featureCount > 50) {
          const cx = (w + e) / 2;
          const cy = (s + n) / 2;
          const part = await readBbox(file, { minX: cx - 0.01, minY: cy - 0.01, maxX: cx + 0.01, maxY: cy + 0.01 });
          expect(part.length, sub.id).toBeLessThan(sub.featureCount);
        }
      }
      for (const id of l.sources)
        expect(
          catalog.sources.find((src) => src.id === id),
          `${l.id} → ${id}`,
        ).toBeDefined();
    }
    const osm = catalog.sources.find((src) => src.id === 'ev5-gpx')!;
    expect(osm.licence).toMatch(/ODbL/);
    expect(osm.attribution).toMatch(/OpenStreetMap/);
  });

  it('measures every report card with the catalog’s own figures', () => {
    const file = JSON.parse(readFileSync(join(outDir, 'cards.json'), 'utf8')) as CardsFile;
    const authored = readdirSync(join(projectRoot, 'geodata', 'cards')).filter(
      (f) => f.endsWith('.json') && !f.endsWith('.schema.json') && f !== EXCLUSIONS_FILE,
    );
    expect(file.cards.map((c) => `${c.id}.json`).sort()).toEqual(authored.sort());
    let compared = 0;
    for (const card of file.cards) {
      for (const figure of card.figures) {
        const m = figure.measure?.metric;
        if (!m) continue;
        const metric = layer(catalog, m.layer).metrics.find((x) => x.id === m.id)!;
        const expected = m.detail ? metric.details!.find((d) => d.label === m.detail)!.value : metric.value;
        expect(card.measured[figure.id].value, `${card.id}/${figure.id}`).toBe(expected);
        compared += 1;
      }
      for (const figure of card.figures) expect(figure.id in card.measured, `${card.id}/${figure.id}`).toBe(!!figure.measure);
      for (const extra of card.mapMeasures ?? []) {
        const m = extra.measure.metric;
        const built = card.mapMeasured.find((x) => x.id === extra.id)!;
        if (m && !m.detail) expect(built.value, `${card.id}/${extra.id}`).toBe(layer(catalog, m.layer).metrics.find((x) => x.id === m.id)!.value);
      }
    }
    expect(compared).toBeGreaterThan(0);
    const ev5 = file.cards.find((c) => c.id === 'ev5')!;
    expect(ev5.measured.total.value).toBe(metric(layer(catalog, 'ev5'), 'longueur-call').value);
    expect(ev5.measured.total.difference).toBeCloseTo(ev5.measured.total.value - 37, 2);
  });

  it('does no work when run again with unchanged inputs', async () => {
    const lines: string[] = [];
    const before = statSync(join(outDir, 'cites.fgb')).mtimeMs;
    const again = await buildGeodata({
      projectRoot,
      mirrorDir,
      mirrorUrl: null,
      online: false,
      cacheDir,
      outDir,
      force: false,
      log: (l) => lines.push(l),
    });
    expect(again.skipped).toBe(true);
    expect(lines.join('\n')).toMatch(/rien à faire/);
    expect(statSync(join(outDir, 'cites.fgb')).mtimeMs).toBe(before);
  });
});

describe.skipIf(!mirrorDir)('sources fetched over HTTP, checksums, missing sources', () => {
  let server: Server;
  let base: string;
  let served: string;

  beforeAll(async () => {
    // A copy of the mirror that the test may corrupt, served by a local HTTP server.
    served = tmp('served');
    cpSync(mirrorDir!, served, { recursive: true });
    chmodSync(served, 0o755);
    server = createServer((req, res) => {
      const file = normalize(join(served, decodeURIComponent(new URL(req.url!, 'http://x').pathname)));
      if (!file.startsWith(served) || !existsSync(file) || statSync(file).isDirectory()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200).end(readFileSync(file));
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const address = server.address() as { port: number };
    base = `http://127.0.0.1:${address.port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(served, { recursive: true, force: true });
  });

  it('downloads every source from an HTTP mirror, verifies it, and builds the same layers', async () => {
    const outDir = tmp('http-out');
    const cacheDir = tmp('http-cache');
    const { catalog } = await buildGeodata({
      projectRoot,
      mirrorDir: null,
      mirrorUrl: base,
      online: false,
      cacheDir,
      outDir,
      force: false,
      log: quiet,
    });
    expect(catalog.sources.filter((s) => s.origin === 'telechargement').length).toBeGreaterThan(15);
    expect(layer(catalog, 'communes').sublayers[0].featureCount).toBe(36);
    expect(metric(layer(catalog, 'qpv'), 'qpv').value).toBe(22);
    expect(existsSync(join(cacheDir, 'miroir', 'communes', 'communes-call.geojson'))).toBe(true);
    rmSync(outDir, { recursive: true, force: true });
  });

  it('stops with a message naming the source when a checksum does not match', async () => {
    const file = join(served, 'qpv', 'qpv2024-list-call.json');
    const target = join(served, 'qpv', 'qpv2024-communes-centroids-call.geojson');
    chmodSync(join(served, 'qpv'), 0o755);
    chmodSync(target, 0o644);
    writeFileSync(target, readFileSync(file));
    const outDir = tmp('bad-out');
    await expect(
      buildGeodata({ projectRoot, mirrorDir: null, mirrorUrl: base, online: false, cacheDir: tmp('bad-cache'), outDir, force: false, log: quiet }),
    ).rejects.toThrow(ChecksumError);
    await expect(
      buildGeodata({ projectRoot, mirrorDir: null, mirrorUrl: base, online: false, cacheDir: tmp('bad-cache'), outDir, force: false, log: quiet }),
    ).rejects.toThrow(/qpv-liste/);
    expect(existsSync(join(outDir, 'catalog.json'))).toBe(false);
  });

  it('offline with no mirror: one message listing what is missing and how to provide it', async () => {
    const offline = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const outDir = tmp('offline-out');
    const attempt = buildGeodata({
      projectRoot,
      mirrorDir: null,
      mirrorUrl: null,
      online: false,
      cacheDir: tmp('offline-cache'),
      outDir,
      force: false,
      fetchImpl: offline,
      log: quiet,
    });
    await expect(attempt).rejects.toThrow(MissingSourcesError);
    const message = await attempt.catch((e: Error) => e.message);
    expect(message).toMatch(/Sources de données introuvables/);
    expect(message).toMatch(/communes/);
    expect(message).toMatch(/GEODATA_SOURCES/);
    expect(existsSync(join(outDir, 'catalog.json'))).toBe(false);
  });
});

describe.skipIf(!mirrorDir)('one unreadable source', () => {
  // The source's file is garbled (its manifest checksum matches: an upstream that published a
  // broken file). The project root is a copy pointing at the real rules and cards.
  const BROKEN = 'dechets-irep2021';
  let catalog: Catalog;
  let outDir: string;
  const roots: string[] = [];

  beforeAll(async () => {
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    const mirror = tmp('broken-mirror');
    const root = tmp('broken-root');
    outDir = tmp('broken-out');
    roots.push(mirror, root, outDir);
    cpSync(mirrorDir!, mirror, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(projectRoot, 'geodata', 'sources.json'), 'utf8')) as {
      sources: { id: string; path?: string; sha256?: string }[];
    };
    const entry = manifest.sources.find((s) => s.id === BROKEN)!;
    const garbled = Buffer.from('{"type":"FeatureCollection","features":[{"type":"Feat');
    const file = join(mirror, entry.path!);
    chmodSync(join(file, '..'), 0o755);
    writeFileSync(file, garbled);
    entry.sha256 = createHash('sha256').update(garbled).digest('hex');
    mkdirSync(join(root, 'geodata'), { recursive: true });
    mkdirSync(join(root, 'scripts'), { recursive: true });
    writeFileSync(join(root, 'geodata', 'sources.json'), JSON.stringify(manifest));
    for (const linked of ['layers', 'scripts/geodata', 'geodata/cards', 'src', 'package-lock.json'])
      symlinkSync(join(projectRoot, linked), join(root, linked));
    ({ catalog } = await buildGeodata({
      projectRoot: root,
      mirrorDir: mirror,
      mirrorUrl: null,
      online: false,
      cacheDir: tmp('broken-cache'),
      outDir,
      force: true,
      log: quiet,
    }));
  });
  afterAll(() => {
    for (const dir of roots) rmSync(dir, { recursive: true, force: true });
  });

  it('marks only the layers reading it, with a French message naming the source', () => {
    const dechets = layer(catalog, 'dechets');
    expect(dechets.status).toBe('erreur');
    expect(dechets.statusMessage).toMatch(new RegExp(`source « ${BROKEN} » : JSON illisible`));
    expect(dechets.sublayers.every((s) => s.file === null)).toBe(true);
    expect(catalog.layers.filter((l) => l.status === 'erreur').map((l) => l.id)).toEqual(['dechets']);
  });

  it('still writes every other layer, readable, and the catalog and cards', () => {
    const written = catalog.layers
      .filter((l) => l.id !== 'dechets')
      .flatMap((l) => l.sublayers.map((s) => s.file))
      .filter((f): f is string => !!f);
    expect(written.length).toBeGreaterThan(10);
    for (const f of written) expect(statSync(join(outDir, f)).size).toBeGreaterThan(0);
    expect(existsSync(join(outDir, 'catalog.json'))).toBe(true);
    expect(existsSync(join(outDir, 'cards.json'))).toBe(true);
    expect(layer(catalog, 'communes').sublayers[0].featureCount).toBe(36);
    expect(metric(layer(catalog, 'qpv'), 'qpv').value).toBe(22);
  });
});
