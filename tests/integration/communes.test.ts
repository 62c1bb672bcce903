// « Ma commune »: the per-commune figures of public/data/communes.json, built from the open-data
// mirror, checked against the catalog's CALL totals, against a plain Turf computation over the
// built .fgb files for three communes, and every report quote against the report itself.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { area, booleanPointInPolygon, distance, featureCollection, intersect, length, lineSplit, along, pointOnFeature, union } from '@turf/turf';
import type { Feature, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import { buildGeodata } from '../../scripts/geodata/build';
import { resolveMirrorDir } from '../../scripts/geodata/acquire';
import type { Catalog } from '../../layers/types';
import type { CommunesFile, CommuneProfile } from '../../layers/commune-profile';
import { placeKey } from '../../layers/commune-profile';
import { loadReport, quoteUnder } from '../support/report';

const projectRoot = resolve(__dirname, '..', '..');
const mirrorDir = resolveMirrorDir(projectRoot, process.env);
const report = loadReport();

type Area = Feature<Polygon | MultiPolygon, Record<string, unknown>>;

async function readAll(file: string): Promise<Feature[]> {
  const out: Feature[] = [];
  for await (const f of deserialize(new Uint8Array(readFileSync(file)))) out.push(f as Feature);
  return out;
}

// ------------------------------------------------------------ plain Turf, written here on purpose --

function linePieces(f: Feature): Feature<LineString>[] {
  const g = f.geometry;
  const parts = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
  return parts
    .filter((c) => c.length >= 2)
    .map((coordinates) => ({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } }));
}

/** km of the lines inside the polygon: split at its boundary, keep the pieces whose midpoint is in. */
function kmInside(lines: Feature[], polygon: Area): number {
  let km = 0;
  for (const line of lines.flatMap(linePieces)) {
    const split = lineSplit(line, polygon).features;
    for (const piece of split.length > 0 ? split : [line]) {
      const len = length(piece, { units: 'kilometers' });
      if (len > 0 && booleanPointInPolygon(along(piece, len / 2, { units: 'kilometers' }), polygon)) km += len;
    }
  }
  return km;
}

function haInside(polygons: Feature[], polygon: Area): number {
  let ha = 0;
  for (const f of polygons) {
    const part = intersect(featureCollection([f as Area, polygon]));
    if (part) ha += area(part) / 10_000;
  }
  return ha;
}

/** The commune holding the largest part of each polygon counts it. */
function ownedBy(polygons: Feature[], communes: Area[], code: string): Feature[] {
  return polygons.filter((f) => {
    const parts = communes.map((c) => ({ code: c.properties.code, ha: haInside([f], c) }));
    const best = parts.reduce((a, b) => (b.ha > a.ha ? b : a));
    return best.ha > 0 && best.code === code;
  });
}

describe.skipIf(!mirrorDir)('« Ma commune » figures built from the open-data mirror', () => {
  let outDir: string;
  let catalog: Catalog;
  let file: CommunesFile;
  const cacheDir = mkdtempSync(join(tmpdir(), 'atlas-communes-cache-'));
  const metric = (layer: string, id: string) => catalog.layers.find((l) => l.id === layer)!.metrics.find((m) => m.id === id)!;
  const fig = (p: CommuneProfile, id: string) => p.figures.find((f) => f.id === id)!;
  const commune = (code: string) => file.communes.find((c) => c.code === code)!;

  beforeAll(async () => {
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    outDir = mkdtempSync(join(tmpdir(), 'atlas-communes-out-'));
    ({ catalog } = await buildGeodata({ projectRoot, mirrorDir, mirrorUrl: null, online: false, cacheDir, outDir, force: false, log: () => {} }));
    file = JSON.parse(readFileSync(join(outDir, 'communes.json'), 'utf8')) as CommunesFile;
  });
  afterAll(() => {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('profiles the 36 communes, each with the same figures', () => {
    expect(file.communes).toHaveLength(36);
    expect(new Set(file.communes.map((c) => c.code)).size).toBe(36);
    const ids = file.communes[0].figures.map((f) => f.id);
    for (const id of [
      'population',
      'surface',
      'ev5',
      'cavaliers',
      'terrils',
      'terrils-surface',
      'espaces',
      'cites',
      'cites-erbm',
      'batis',
      'puits',
      'qpv',
      'dechets',
      'dechets-distance',
      'captages',
    ])
      expect(ids).toContain(id);
    for (const c of file.communes) expect(c.figures.map((f) => f.id)).toEqual(ids);
    expect(file.populationYear).toMatch(/^\d{4}$/);
  });

  it('adds up, commune by commune, to the CALL totals of the catalog (within the rounding and the outline gap it states)', async () => {
    const sum = (id: string) => file.communes.reduce((s, c) => s + fig(c, id).value, 0);
    const total = (id: string) => file.totals.find((t) => t.id === id)!;
    expect(metric('ev5', 'longueur-call').value).toBe(35.37);
    expect(metric('parcs', 'cavaliers-longueur').value).toBe(145.6);
    // The catalog measures within the EPCI outline, the communes within their own polygons (two
    // sources): the sums equal a plain Turf measure over the union of the 36 polygons, within the
    // rounding of 36 values, and the stated gap is what separates that from the catalog's total.
    const communes = (await readAll(join(outDir, 'communes.fgb'))) as Area[];
    const all = union(featureCollection(communes)) as Area;
    const read = (name: string) => readAll(join(outDir, `${name}.fgb`));
    const cites = await read('cites');
    const checks: [string, number, number, number][] = [
      ['ev5', 35.37, kmInside(await read('ev5-troncons'), all), 0.005],
      ['cavaliers', 145.6, kmInside(await read('parcs-cavaliers'), all), 0.005],
      ['terrils-surface', metric('parcs', 'terrils-surface').value, haInside(await read('parcs-terrils'), all), 0.05],
      ['espaces', metric('parcs', 'espaces-surface').value, haInside(await read('parcs-espaces'), all), 0.05],
      ['cites-surface', metric('cites', 'cites-surface').value, haInside(cites, all), 0.05],
      [
        'cites-erbm-surface',
        metric('cites', 'erbm-surface').value,
        haInside(
          cites.filter((f) => f.properties!.erbm === true),
          all,
        ),
        0.05,
      ],
    ];
    for (const [id, catalogTotal, overUnion, halfUnit] of checks) {
      const t = total(id);
      expect(t.callTotal, id).toBe(catalogTotal);
      expect(t.sumOfCommunes, id).toBeCloseTo(sum(id), 6);
      expect(Math.abs(sum(id) - overUnion), `${id}: ${sum(id)} vs ${overUnion} over the 36 polygons`).toBeLessThanOrEqual(36 * halfUnit + 1e-6);
      expect(t.gap, id).toBeCloseTo(catalogTotal - sum(id), 6);
      expect(Math.abs(t.gap) / catalogTotal, `${id} gap ${t.gap}`).toBeLessThan(0.025);
    }
    expect(sum('population')).toBe(metric('communes', 'population').value);
    expect(Math.abs(sum('surface') - metric('communes', 'surface-communes').value)).toBeLessThanOrEqual(36 * 0.05 + 0.5);
    // Counts: every feature counted in exactly one commune.
    expect(sum('cites')).toBe(metric('cites', 'cites').value);
    expect(sum('cites-erbm')).toBe(metric('cites', 'erbm').value);
    expect(sum('terrils')).toBe(metric('parcs', 'terrils').value);
    expect(sum('terrils-unesco') + sum('terrils-zone-tampon')).toBe(metric('parcs', 'terrils').value);
    expect(sum('batis')).toBe(metric('cites', 'batis').value);
    expect(sum('puits')).toBe(metric('cites', 'puits').value);
    expect(sum('dechets')).toBe(metric('dechets', 'etablissements').value);
    // Every figure's stored CALL total is the catalog's.
    for (const c of file.communes) expect(fig(c, 'ev5').callTotal).toBe(35.37);
    // A QPV straddling a limit is listed in each of its communes: the union is the CALL's list.
    const codes = new Set(file.communes.flatMap((c) => c.qpv.map((q) => q.code)));
    expect(codes.size).toBe(metric('qpv', 'qpv').value);
    expect(file.communes.filter((c) => c.qpv.length > 0)).toHaveLength(metric('qpv', 'communes-qpv').value);
    // The distance is the one the Déchets layer measures from the same reference point.
    const perCommune = Object.fromEntries(metric('dechets', 'distance-communes').details!.map((d) => [d.label, d.value]));
    for (const c of file.communes) expect(fig(c, 'dechets-distance').value).toBe(perCommune[c.nom]);
  });

  it('ranks every figure consistently with the values (1 = largest, ties share a rank)', () => {
    for (const id of file.communes[0].figures.map((f) => f.id)) {
      const values = file.communes.map((c) => fig(c, id).value);
      for (const c of file.communes) {
        const f = fig(c, id);
        expect(f.rank, `${c.nom} ${id}`).toBe(1 + values.filter((v) => v > f.value).length);
        expect(f.tiedWith).toBe(values.filter((v) => v === f.value).length);
      }
    }
    const lens = commune('62498');
    const byEv5 = [...file.communes].sort((a, b) => fig(b, 'ev5').value - fig(a, 'ev5').value);
    expect(byEv5.findIndex((c) => c.code === lens.code) + 1).toBe(fig(lens, 'ev5').rank);
  });

  it('says plainly when a commune has nothing on a layer', () => {
    const without = file.communes.filter((c) => fig(c, 'terrils').value === 0);
    for (const c of without) expect(fig(c, 'terrils').none).toBe('aucun terril recensé');
    for (const c of file.communes.filter((x) => fig(x, 'ev5').value === 0)) expect(fig(c, 'ev5').none).toMatch(/ne traverse pas/);
    expect(file.communes.filter((c) => fig(c, 'ev5').value === 0).length).toBeGreaterThan(0);
  });

  it('for Lens, Liévin and Loos-en-Gohelle, equals a plain Turf computation over the built .fgb files', async () => {
    const communes = (await readAll(join(outDir, 'communes.fgb'))) as Area[];
    const ev5 = await readAll(join(outDir, 'ev5-troncons.fgb'));
    const cavaliers = await readAll(join(outDir, 'parcs-cavaliers.fgb'));
    const terrils = await readAll(join(outDir, 'parcs-terrils.fgb'));
    const espaces = await readAll(join(outDir, 'parcs-espaces.fgb'));
    const cites = await readAll(join(outDir, 'cites.fgb'));
    const puits = await readAll(join(outDir, 'cites-puits.fgb'));
    const dechets = await readAll(join(outDir, 'dechets-etablissements.fgb'));
    const files: Record<string, Feature[]> = {};
    for (const code of ['62498', '62510', '62528']) {
      const polygon = communes.find((c) => c.properties.code === code)!;
      const p = commune(code);
      expect(p.nom).toBe(polygon.properties.nom);
      expect(fig(p, 'surface').value).toBeCloseTo(area(polygon) / 10_000, 0);
      expect(fig(p, 'population').value).toBe(polygon.properties.population);
      expect(Math.abs(fig(p, 'ev5').value - kmInside(ev5, polygon)), `${p.nom} ev5`).toBeLessThanOrEqual(0.01);
      expect(Math.abs(fig(p, 'cavaliers').value - kmInside(cavaliers, polygon)), `${p.nom} cavaliers`).toBeLessThanOrEqual(0.01);
      expect(Math.abs(fig(p, 'terrils-surface').value - haInside(terrils, polygon)), `${p.nom} terrils ha`).toBeLessThanOrEqual(0.1);
      expect(Math.abs(fig(p, 'espaces').value - haInside(espaces, polygon)), `${p.nom} espaces`).toBeLessThanOrEqual(0.1);
      expect(Math.abs(fig(p, 'cites-surface').value - haInside(cites, polygon)), `${p.nom} cités ha`).toBeLessThanOrEqual(0.1);
      const erbm = cites.filter((f) => f.properties!.erbm === true);
      expect(Math.abs(fig(p, 'cites-erbm-surface').value - haInside(erbm, polygon))).toBeLessThanOrEqual(0.1);
      expect(fig(p, 'terrils').value, `${p.nom} terrils`).toBe(ownedBy(terrils, communes, code).length);
      expect(fig(p, 'cites').value, `${p.nom} cités`).toBe(ownedBy(cites, communes, code).length);
      expect(fig(p, 'puits').value).toBe(puits.filter((f) => booleanPointInPolygon(f as Feature<Point>, polygon)).length);
      expect(fig(p, 'dechets').value).toBe(dechets.filter((f) => placeKey(String(f.properties!.commune)) === placeKey(p.nom)).length);
      // Distance from the named reference point (Turf's pointOnFeature) to the nearest site.
      const ref = pointOnFeature(polygon);
      expect(p.referencePoint[0]).toBeCloseTo(ref.geometry.coordinates[0], 5);
      const nearest = Math.min(...dechets.map((d) => distance(ref, d as Feature<Point>, { units: 'kilometers' })));
      expect(fig(p, 'dechets-distance').value).toBeCloseTo(nearest, 1);
      // The nearest site's precision is carried: an approximate site makes an approximate distance.
      const site = dechets[p.nearestWasteSite!.feature.index];
      expect(site.properties!.nom).toBe(p.nearestWasteSite!.name);
      expect(p.nearestWasteSite!.precisionM).toBe(site.properties!.precision_m);
      expect(p.nearestWasteSite!.position).toEqual((site.geometry as Point).coordinates.slice(0, 2));
      if (p.nearestWasteSite!.precisionM > 0) expect(fig(p, 'dechets-distance').approximate).toMatch(/^± /);
      // Every feature link points at the feature of that name in the file the app reads.
      for (const f of p.figures.flatMap((x) => x.features ?? [])) {
        files[f.sublayer] ??= await readAll(join(outDir, `${f.sublayer}.fgb`));
        expect(String(files[f.sublayer][f.index].properties!.nom)).toBe(f.name);
      }
    }
  });

  it('for Lens: 7.5 km of EV5, its QPV by name, its cards', () => {
    const lens = commune('62498');
    expect(lens.nom).toBe('Lens');
    expect(fig(lens, 'ev5').value).toBeCloseTo(7.5, 1);
    expect(lens.qpv.length).toBeGreaterThan(0);
    expect(lens.qpv.every((q) => q.nom.length > 0 && q.communes.includes('Lens'))).toBe(true);
    expect(lens.cards.map((c) => c.id)).toContain('ev5');
    expect(lens.cards.map((c) => c.id)).toContain('louvre-lens-accessibilite');
  });

  it.skipIf(!report)('quotes every sentence verbatim under its heading, naming the commune (lez ≡ lès)', () => {
    expect(file.report).not.toBeNull();
    let total = 0;
    for (const c of file.communes) {
      for (const q of c.quotes) {
        total++;
        expect(quoteUnder(report!, q.section, q.quote), `${c.nom}: « ${q.quote} » under « ${q.section} »`).toBe(true);
        expect(placeKey(q.quote).includes(placeKey(c.nom)), `${c.nom} in « ${q.quote} »`).toBe(true);
      }
    }
    expect(total).toBeGreaterThan(50);
    const fouquieres = file.communes.find((c) => c.nom === 'Fouquières-lès-Lens')!;
    expect(fouquieres.quotes.some((q) => /Fouquières-lez-Lens/.test(q.quote))).toBe(true);
    // « Lens-Liévin » is the CALL, the Louvre-Lens a museum: neither makes a sentence about Lens.
    const lens = commune('62498');
    for (const q of lens.quotes)
      expect(
        placeKey(q.quote)
          .replace(/ (LENS LIEVIN|LOUVRE LENS|RACING CLUB DE LENS) /g, ' ')
          .includes(' LENS '),
      ).toBe(true);
  });
});
