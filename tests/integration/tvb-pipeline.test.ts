// The trame verte et bleue built on the real mirror: offline (the blue sublayer says what is
// missing), with a watercourse file dropped in geodata/local (drawn, measured per commune, crossed
// by the workbench), and online against a local server in the shape of the Géoplateforme WFS and
// of Overpass. The watercourse is a test line written here, placed from the built commune of Lens;
// it is never committed into geodata/local.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { bbox, pointOnFeature } from '@turf/turf';
import type { Feature, LineString } from 'geojson';
import { buildGeodata } from '../../scripts/geodata/build';
import { resolveMirrorDir } from '../../scripts/geodata/acquire';
import type { Catalog, CatalogLayer, GeoFeature } from '../../layers/types';
import { findSublayer } from '../../layers/index';
import { BLUE_MISSING, GREEN_CORRIDORS } from '../../layers/tvb/layer';
import { SOURCE_LABELS } from '../../layers/tvb/blue';
import { analyseBuffer, type ThematicInput } from '../../src/core/analysis/buffer-analysis';
import { analysedSublayers, thematicTitle } from '../../src/core/analysis/thematic-data';
import { corridorCrossings } from '../../src/core/analysis/corridors';

const projectRoot = resolve(__dirname, '..', '..');
const mirrorDir = resolveMirrorDir(projectRoot, process.env);
const tmp = (name: string) => mkdtempSync(join(tmpdir(), `atlas-tvb-${name}-`));
const temps: string[] = [];

/** A project folder with the real manifest and cards, and a geodata/local of its own. */
function projectCopy(local: Record<string, unknown> = {}): string {
  const root = tmp('projet');
  temps.push(root);
  mkdirSync(join(root, 'geodata', 'local'), { recursive: true });
  // The build digests its code folders; the code itself runs from the repository.
  for (const dir of ['layers', 'scripts/geodata', 'src/core/fgb', 'src/core/geo', 'src/core/report']) mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, 'geodata', 'sources.json'), readFileSync(join(projectRoot, 'geodata', 'sources.json')));
  cpSync(join(projectRoot, 'geodata', 'cards'), join(root, 'geodata', 'cards'), { recursive: true });
  for (const [name, content] of Object.entries(local)) writeFileSync(join(root, 'geodata', 'local', name), JSON.stringify(content));
  return root;
}

async function readAll(file: string): Promise<GeoFeature[]> {
  const out: GeoFeature[] = [];
  for await (const f of deserialize(new Uint8Array(readFileSync(file)))) out.push(f as GeoFeature);
  return out;
}

async function build(root: string, over: { online?: boolean; fetchImpl?: typeof fetch } = {}) {
  const outDir = tmp('out');
  const cacheDir = tmp('cache');
  temps.push(outDir, cacheDir);
  const log: string[] = [];
  const { catalog } = await buildGeodata({
    projectRoot: root,
    mirrorDir,
    mirrorUrl: null,
    online: over.online ?? false,
    fetchImpl: over.fetchImpl,
    cacheDir,
    outDir,
    force: true,
    log: (l) => log.push(l),
  });
  return { catalog, outDir, log };
}

const layer = (catalog: Catalog, id: string): CatalogLayer => catalog.layers.find((l) => l.id === id)!;
const sub = (catalog: Catalog, id: string) => catalog.layers.flatMap((l) => l.sublayers).find((s) => s.id === id)!;

describe.skipIf(!mirrorDir)('trame verte et bleue on the open-data mirror', () => {
  let offline: Awaited<ReturnType<typeof build>>;
  /** A test watercourse: 0.006° of longitude, slightly oblique, through a point of Lens. */
  let brook: Feature<LineString>;

  beforeAll(async () => {
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    offline = await build(projectCopy());
    const lens = (await readAll(join(offline.outDir, 'communes.fgb'))).find((c) => c.properties.nom === 'Lens')!;
    const [x, y] = pointOnFeature(lens).geometry.coordinates;
    brook = {
      type: 'Feature',
      properties: { nom: "Ruisseau d'essai", nature: "Cours d'eau" },
      geometry: {
        type: 'LineString',
        coordinates: [
          [x - 0.003, y - 0.0002],
          [x + 0.003, y + 0.0002],
        ],
      },
    };
  });
  afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('offline: the green part equals the Chaîne des Parcs, read from its files; the blue part says what is missing', async () => {
    const { catalog, outDir } = offline;
    const tvb = layer(catalog, 'tvb');
    expect(tvb.status).toBe('partiel');
    expect(tvb.missing).toContain(BLUE_MISSING);
    for (const g of GREEN_CORRIDORS) {
      expect(sub(catalog, g.id).file).toBe(sub(catalog, g.from).file);
      expect(sub(catalog, g.id).featureCount).toBe(sub(catalog, g.from).featureCount);
    }
    const elements = tvb.metrics.find((m) => m.id === 'vert-elements')!;
    const parcs = layer(catalog, 'parcs').sublayers.reduce((n, s) => n + s.featureCount, 0);
    expect(elements.value).toBe(parcs);
    // Nothing copied, nothing invented: no TVB file but the measured gaps.
    expect(readdirSync(outDir).filter((f) => f.startsWith('tvb-'))).toEqual(['tvb-discontinuites.fgb']);
    expect(sub(catalog, 'tvb-cours-d-eau')).toMatchObject({ file: null, featureCount: 0 });
    expect(sub(catalog, 'tvb-plans-d-eau')).toMatchObject({ file: null, featureCount: 0 });
    expect(tvb.metrics.map((m) => m.id)).not.toContain('eau-lineaire');
    const gaps = await readAll(join(outDir, 'tvb-discontinuites.fgb'));
    expect(gaps.length).toBe(tvb.metrics.find((m) => m.id === 'discontinuites')!.value);
    expect(gaps.some((g) => g.properties.le_long_de === 'EuroVelo 5')).toBe(true);
    expect(gaps.some((g) => g.properties.le_long_de === 'cavaliers')).toBe(true);
  });

  it('a watercourse file in geodata/local is drawn, measured per commune and crossed by the workbench', async () => {
    const { catalog, outDir } = await build(projectCopy({ 'hydrographie.geojson': { type: 'FeatureCollection', features: [brook] } }));
    expect(catalog.sources.find((s) => s.id === 'hydro-local')!.origin).toBe('local');
    const drawn = await readAll(join(outDir, 'tvb-cours-d-eau.fgb'));
    expect(drawn.map((f) => [f.properties.nom, f.properties.source])).toEqual([["Ruisseau d'essai", SOURCE_LABELS.local]]);
    const tvb = layer(catalog, 'tvb');
    expect(tvb.missing).not.toContain(BLUE_MISSING);
    const total = tvb.metrics.find((m) => m.id === 'eau-lineaire')!;
    // 0.006° of longitude at 50.43° N ≈ 0.425 km.
    expect(total.value).toBeGreaterThan(0.4);
    expect(total.value).toBeLessThan(0.45);
    expect(total.details!.map((d) => d.label)).toContain('Lens');
    expect(total.details!.reduce((n, d) => n + d.value, 0)).toBeCloseTo(total.value, 1);

    // The workbench: a 20 m buffer around a project line crossing the brook at right angles.
    const [x, y] = pointOnFeature(brook).geometry.coordinates;
    const project: GeoFeature = {
      type: 'Feature',
      properties: { nom: 'Projet' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [x, y - 0.002],
          [x, y + 0.002],
        ],
      },
    };
    const inputs: ThematicInput[] = [];
    for (const s of analysedSublayers(catalog)) {
      const def = findSublayer(s.sublayerId)!.sublayer;
      const features = await readAll(join(outDir, s.file));
      inputs.push({
        layerId: s.layerId,
        sublayerId: s.sublayerId,
        title: thematicTitle(s.sublayerId),
        geometry: def.geometry,
        nameField: def.nameField,
        features,
      });
    }
    const { summary } = analyseBuffer([project], 20, inputs, { kind: 'espace', itemId: 'p', name: 'Projet' });
    const hit = summary.hits.find((h) => h.sublayerId === 'tvb-cours-d-eau')!;
    expect(hit.count).toBe(1);
    expect(hit.features[0].name).toBe("Ruisseau d'essai");
    expect(hit.lengthKm).toBeGreaterThan(0.035);
    expect(corridorCrossings(summary.hits)).toMatchObject({ watercourses: 1, blueKnown: true });
  });

  describe('online, against a server in the shape of the WFS and of Overpass', () => {
    let server: Server;
    let base = '';
    const asked: string[] = [];
    /** type name → answer of the WFS; set per test. */
    let wfs: Record<string, { status: number; body: string }> = {};

    beforeAll(async () => {
      server = createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://x');
        asked.push(`${url.pathname} ${url.searchParams.get('TYPENAMES') ?? ''}`);
        if (url.pathname === '/wfs/ows') {
          const answer = wfs[url.searchParams.get('TYPENAMES') ?? ''] ?? { status: 404, body: '{}' };
          res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(answer.body);
          return;
        }
        if (url.pathname === '/api/interpreter') {
          const coords = brook.geometry.coordinates.map(([lon, lat]) => ({ lat, lon }));
          res
            .writeHead(200)
            .end(JSON.stringify({ elements: [{ type: 'way', id: 42, tags: { waterway: 'canal', name: 'Canal (OSM)' }, geometry: coords }] }));
          return;
        }
        res.writeHead(404).end('introuvable');
      });
      await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

    // Every online request of the build goes to the local server, whatever its host.
    const fetchImpl: typeof fetch = (input, init) => {
      const url = new URL(String(input));
      return fetch(`${base}${url.pathname}${url.search}`, init);
    };
    const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', numberMatched: features.length, features });

    it('takes the BD TOPO; a failing WFS type is one French message naming it, and the build goes on', async () => {
      asked.length = 0;
      const [a, b] = brook.geometry.coordinates;
      wfs = {
        'BDTOPO_V3:troncon_hydrographique': {
          status: 200,
          body: collection([
            {
              type: 'Feature',
              properties: { nature: 'Canal', cpx_toponyme_de_cours_d_eau: "Canal d'essai" },
              geometry: { type: 'LineString', coordinates: [a, b] },
            },
          ]),
        },
        'BDTOPO_V3:surface_hydrographique': { status: 500, body: 'erreur interne' },
        'BDTOPO_V3:cours_d_eau': { status: 200, body: '{"type":"FeatureCollection","features":[' },
      };
      const { catalog, log } = await build(projectCopy(), { online: true, fetchImpl });
      expect(log).toContain(
        '  source facultative « hydro-bdtopo-surfaces » indisponible : IGN BD TOPO – surfaces hydrographiques (WFS Géoplateforme) : le service a répondu HTTP 500 à la page 1',
      );
      expect(log.find((l) => l.includes('« hydro-bdtopo-cours-d-eau » indisponible'))).toContain('réponse illisible à la page 1 (JSON invalide');
      expect(asked.some((r) => r.startsWith('/api/interpreter'))).toBe(false);
      const tvb = layer(catalog, 'tvb');
      expect(tvb.metrics.find((m) => m.id === 'canaux')!.note).toBe(`Source : ${SOURCE_LABELS.bdtopo}`);
      expect(catalog.sources.find((s) => s.id === 'hydro-bdtopo-troncons')!.origin).toBe('telechargement');
      expect(catalog.sources.find((s) => s.id === 'hydro-osm')!.origin).toBe('absente');
      // The rest of the build is whole.
      expect(catalog.layers.filter((l) => l.status === 'erreur')).toEqual([]);
      expect(layer(catalog, 'parcs').status).toBe('ok');
    });

    it('falls back to OpenStreetMap when the BD TOPO answers nothing, and credits it', async () => {
      wfs = {
        'BDTOPO_V3:troncon_hydrographique': { status: 200, body: collection([]) },
        'BDTOPO_V3:surface_hydrographique': { status: 200, body: collection([]) },
        'BDTOPO_V3:cours_d_eau': { status: 200, body: collection([]) },
      };
      const { catalog, outDir, log } = await build(projectCopy(), { online: true, fetchImpl });
      expect(log.find((l) => l.includes('« hydro-bdtopo-troncons » indisponible'))).toContain("aucune entité dans l'emprise de la CALL");
      const drawn = await readAll(join(outDir, 'tvb-cours-d-eau.fgb'));
      expect(drawn.map((f) => [f.properties.nom, f.properties.categorie, f.properties.source])).toEqual([
        ['Canal (OSM)', 'canal', SOURCE_LABELS.osm],
      ]);
      expect(bbox(drawn[0])).toEqual(bbox(brook));
      const osm = catalog.sources.find((s) => s.id === 'hydro-osm')!;
      expect(osm.origin).toBe('telechargement');
      expect(osm.licence).toBe('ODbL 1.0');
      expect(layer(catalog, 'tvb').report.messages.join()).toContain('OpenStreetMap (IGN BD TOPO indisponible)');
    });
  });
});
