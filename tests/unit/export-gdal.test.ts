// Every export format × coordinate system, read back by GDAL (the reader QGIS uses): same feature
// count, the declared EPSG code, the same bounds once PROJ reprojects them, the same attribute
// values with French text (« œ », « ’ », « € », accents), and unique 10-character Shapefile names.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { Geometry } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GeoFeature } from '../../layers/types';
import { exportFeatures, exportFeaturesAsync } from '../../src/core/export';
import type { Credit, ExportCrs, ExportFormat } from '../../src/core/types';
import { boundsOfGeometries, gdalOrSkip, ogrFeatures, ogrSummary } from '../support/gdal';

const RUN = gdalOrSkip();

const CREDITS: Credit[] = [
  { producer: 'Mission Bassin Minier', date: '2026', licence: 'Licence Ouverte / Etalab 2.0', attribution: 'Mission Bassin Minier' },
  {
    producer: "© les contributeurs d'OpenStreetMap",
    date: '2022-01-23',
    licence: 'ODbL 1.0',
    attribution: "© les contributeurs d'OpenStreetMap (ODbL)",
  },
];
const LONG_A = 'Intitulé du périmètre réglementaire';
const LONG_B = 'Intitulé du périmètre communal';

const f = (geometry: Geometry | null, properties: Record<string, unknown>): GeoFeature => ({ type: 'Feature', geometry, properties }) as GeoFeature;
const square = (x: number, y: number, d: number) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];

/** Small geometries around Lens written for this test, with the text planners type. */
function layer(): GeoFeature[] {
  return [
    f(
      { type: 'Point', coordinates: [2.8312345, 50.4321987] },
      {
        nom: 'Fosse 11/19 – l’Œuvre',
        commune: 'Loos-en-Gohelle',
        surface_ha: 12.5,
        logements: 240,
        protege: true,
        [LONG_A]: 'cœur',
        [LONG_B]: 'oui',
      },
    ),
    f(
      {
        type: 'LineString',
        coordinates: [
          [2.82, 50.43],
          [2.835, 50.4355],
          [2.85, 50.44],
        ],
      },
      {
        nom: 'Cavalier d’Éleu – 3 €/m',
        commune: 'Éleu-dit-Leauwette',
        surface_ha: 0.25,
        logements: 0,
        protege: false,
        [LONG_A]: 'sœur',
        [LONG_B]: 'non',
      },
    ),
    f(
      { type: 'Polygon', coordinates: [square(2.76, 50.4, 0.03), square(2.77, 50.41, 0.005).reverse()] },
      { nom: 'Cité n° 9 « Œillets »', commune: 'Liévin', surface_ha: 31.75, logements: 1200, protege: true, [LONG_A]: 'bœuf', [LONG_B]: 'peut-être' },
    ),
    f(
      { type: 'MultiPolygon', coordinates: [[square(2.9, 50.45, 0.01)], [square(2.92, 50.46, 0.01)]] },
      { nom: 'Parc – coût 1 200 € l’hectare', commune: 'Harnes', surface_ha: 4, logements: 12, protege: false, [LONG_A]: 'œuvre', [LONG_B]: '' },
    ),
  ];
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-export-gdal-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function write(format: ExportFormat, crs: ExportCrs, features: GeoFeature[], name = 'Périmètres d’étude'): Promise<string> {
  const file = await exportFeaturesAsync(features, { format, crs, name, credits: CREDITS, generatedAt: '2026-12-03T10:00:00Z' });
  const path = join(dir, `${crs.slice(5)}-${file.fileName}`);
  writeFileSync(path, file.bytes);
  return format === 'shapefile' ? `/vsizip/${path}` : path;
}

const CSV_OPTIONS = ['GEOM_POSSIBLE_NAMES=geometrie_wkt', 'KEEP_GEOM_COLUMNS=NO'];
const expectedBounds = boundsOfGeometries(layer().map((x) => x.geometry));

/** Extent GDAL computes for the source reprojected by PROJ (not proj4) into `crs`. */
function gdalProjectedExtent(crs: ExportCrs): [number, number, number, number] {
  const source = join(dir, 'source.geojson');
  writeFileSync(source, JSON.stringify({ type: 'FeatureCollection', features: layer() }));
  const out = join(dir, `source-${crs.slice(5)}.fgb`);
  rmSync(out, { force: true });
  // ogr2ogr's own reprojection: the reference for "bounds after reprojection".
  execFileSync('ogr2ogr', ['-t_srs', crs, '-f', 'FlatGeobuf', out, source]);
  return ogrSummary(out)[0].extent!;
}

const FORMATS: ExportFormat[] = ['geojson', 'flatgeobuf', 'csv', 'shapefile', 'geopackage'];
const SYSTEMS: ExportCrs[] = ['EPSG:4326', 'EPSG:2154', 'EPSG:3950'];

// Generous timeouts: GDAL runs as child processes, and the GeoPackage writer loads SQLite on first use.
describe.runIf(RUN)('exports read by GDAL', { timeout: 90_000 }, () => {
  for (const format of FORMATS)
    for (const crs of SYSTEMS)
      it(`${format} in ${crs}: count, EPSG, bounds and French text as written`, async () => {
        const path = await write(format, crs, layer());
        const openOptions = format === 'csv' ? CSV_OPTIONS : [];
        const layers = ogrSummary(path, openOptions);
        expect(layers.reduce((n, l) => n + l.count, 0)).toBe(4);
        // CSV cannot declare a system: GDAL reads none (the LISEZMOI-less CSV names x/y columns instead).
        for (const l of layers) expect(l.epsg).toBe(format === 'csv' ? null : Number(crs.slice(5)));
        // Declared extent in the export's system = PROJ's reprojection of the source (1 cm).
        const extents = layers.map((l) => l.extent!);
        const union = [
          Math.min(...extents.map((e) => e[0])),
          Math.min(...extents.map((e) => e[1])),
          Math.max(...extents.map((e) => e[2])),
          Math.max(...extents.map((e) => e[3])),
        ];
        const reference = gdalProjectedExtent(crs);
        const tolerance = crs === 'EPSG:4326' ? 1e-7 : 0.01;
        union.forEach((v, i) => expect(Math.abs(v - reference[i])).toBeLessThan(tolerance));
        // Back to WGS 84 by PROJ: the same bounds as the source (1e-7° ≈ 1 cm).
        const read = layers.flatMap(
          (l) => ogrFeatures(path, { layer: l.name, toWgs84: true, openOptions, sourceSrs: format === 'csv' ? crs : undefined }).features,
        );
        boundsOfGeometries(read.map((x) => x.geometry)).forEach((v, i) => expect(Math.abs(v - expectedBounds[i])).toBeLessThan(2e-7));
        // Attribute values, matched by name (FlatGeobuf reorders along its Hilbert curve).
        const names = fieldNames(format, path);
        for (const source of layer()) {
          const props = source.properties;
          const got = read.find((x) => x.properties?.nom === props.nom);
          expect(got, `« ${String(props.nom)} » relu par GDAL`).toBeDefined();
          for (const [key, value] of Object.entries(props)) {
            const field = names[key] ?? key;
            const actual = got!.properties?.[field];
            if (format === 'csv' && typeof value === 'number') expect(Number(String(actual).replace(',', '.'))).toBe(value);
            else if (format === 'csv' && typeof value === 'boolean') expect(actual).toBe(String(value));
            // dBase logical fields: GDAL 3.6 reads them as "T"/"F", later versions as booleans.
            else if (format === 'shapefile' && typeof value === 'boolean') expect([value, value ? 'T' : 'F']).toContainEqual(actual);
            else if (value === '' && format === 'shapefile') expect(actual ?? '').toBe('');
            else expect(actual).toStrictEqual(value);
          }
        }
      });

  it('KML is WGS 84 only, read by GDAL with its text intact', async () => {
    const path = await write('kml', 'EPSG:4326', layer());
    const [l] = ogrSummary(path);
    expect(l.count).toBe(4);
    expect(l.epsg).toBe(4326);
    expect(() => exportFeatures(layer(), { format: 'kml', crs: 'EPSG:2154', name: 'x', credits: CREDITS })).toThrow(/KML ne s'écrit qu'en WGS 84/);
  });

  it('Shapefile: one file per geometry kind, a table for features without geometry, unique 10-character names, LISEZMOI with credits', () => {
    const features = [
      ...layer(),
      f(null, { nom: 'Projet sans tracé – 5 €', commune: 'Lens', surface_ha: 1, logements: 3, protege: false, [LONG_A]: 'œ', [LONG_B]: '’' }),
    ];
    const file = exportFeatures(features, { format: 'shapefile', name: 'Périmètres d’étude', credits: CREDITS });
    expect(file.fileName).toBe('perimetres-d-etude-l93.shp.zip');
    const entries = unzipSync(file.bytes);
    expect(Object.keys(entries).sort()).toEqual(
      [
        'LISEZMOI.txt',
        ...['lignes', 'points', 'polygones'].flatMap((k) => ['cpg', 'dbf', 'prj', 'shp', 'shx'].map((e) => `perimetres-d-etude-l93_${k}.${e}`)),
        'perimetres-d-etude-l93_sans_geometrie.cpg',
        'perimetres-d-etude-l93_sans_geometrie.dbf',
      ].sort(),
    );
    expect(strFromU8(entries['perimetres-d-etude-l93_points.cpg'])).toBe('UTF-8');
    const readme = strFromU8(entries['LISEZMOI.txt']);
    expect(readme).toContain("© les contributeurs d'OpenStreetMap (ODbL)");
    expect(readme).toContain('même licence');
    expect(readme).toContain('Lambert-93 (EPSG:2154)');
    const path = join(dir, file.fileName);
    writeFileSync(path, file.bytes);
    const layers = ogrSummary(`/vsizip/${path}`);
    expect(layers.map((l) => [l.name, l.count]).sort()).toEqual([
      ['perimetres-d-etude-l93_lignes', 1],
      ['perimetres-d-etude-l93_points', 1],
      ['perimetres-d-etude-l93_polygones', 2],
      ['perimetres-d-etude-l93_sans_geometrie', 1],
    ]);
    const table = ogrFeatures(`/vsizip/${path}`, { layer: 'perimetres-d-etude-l93_sans_geometrie' }).features[0];
    const names = fieldNames('shapefile', `/vsizip/${path}`);
    expect(table.properties?.[names[LONG_A]]).toBe('œ');
    expect(table.properties?.[names[LONG_B]]).toBe('’');
    expect(new Set(Object.values(names)).size).toBe(Object.keys(names).length);
    expect(names[LONG_A]).toBe('Intitule_d');
    expect(names[LONG_B]).toBe('Intitule_2');
    for (const name of Object.keys(table.properties ?? {})) expect(name.length).toBeLessThanOrEqual(10);
  });
});

describe.runIf(RUN)('GeoPackage read by GDAL', { timeout: 90_000 }, () => {
  it('has a valid R-tree spatial index that GDAL uses for a bbox query, over several tree levels', async () => {
    // 6,000 points on a grid over the CALL: more than 51 × 51 leaves' worth, so the tree has three levels.
    const grid: GeoFeature[] = [];
    for (let i = 0; i < 6000; i++)
      grid.push(f({ type: 'Point', coordinates: [2.7 + (i % 100) * 0.003, 50.35 + Math.floor(i / 100) * 0.002] }, { n: i, nom: `point ${i} – œ` }));
    const file = await exportFeaturesAsync(grid, { format: 'geopackage', name: 'Grille', credits: CREDITS });
    expect(file.fileName).toBe('grille-l93.gpkg');
    const path = join(dir, file.fileName);
    writeFileSync(path, file.bytes);
    const sql = (query: string) => execFileSync('ogrinfo', ['-ro', '-q', path, '-sql', query], { encoding: 'utf8' });
    expect(sql("SELECT HasSpatialIndex('grille_l93', 'geom')")).toMatch(/HasSpatialIndex \(Integer\) = 1/);
    // SQLite's own consistency check of an R*Tree (boxes contain children, rowid/parent tables agree).
    expect(sql("SELECT rtreecheck('rtree_grille_l93_geom') AS chk")).toMatch(/chk \(String\) = ok/);
    expect(sql('SELECT count(*) AS n FROM rtree_grille_l93_geom')).toMatch(/n \(Integer\) = 6000/);
    // A bbox read through the index returns exactly the points inside (brute force in Lambert-93 by GDAL).
    const all = ogrFeatures(path).features;
    const box = [690_000, 7_030_000, 695_000, 7_036_000];
    const inside = all.filter((x) => {
      const [px, py] = (x.geometry as { coordinates: number[] }).coordinates;
      return px >= box[0] && px <= box[2] && py >= box[1] && py <= box[3];
    });
    expect(inside.length).toBeGreaterThan(50);
    const listed = execFileSync('ogrinfo', ['-ro', '-al', '-spat', ...box.map(String), path], { encoding: 'utf8' });
    expect(listed.match(/^OGRFeature\(/gm)?.length).toBe(inside.length);
    // Credits as layer metadata, which QGIS shows in the layer's properties.
    const info = execFileSync('ogrinfo', ['-ro', '-so', '-al', path], { encoding: 'utf8' });
    expect(info).toContain('ATTRIBUTION=Sources : Mission Bassin Minier');
    expect(info).toMatch(/ODBL=.*même licence/);
    expect(info).toContain('IDENTIFIER=Grille');
  });
});

/** Property → field name in the file: the Shapefile's LISEZMOI lists the cut names ("- court = long"). */
function fieldNames(format: ExportFormat, path: string): Record<string, string> {
  if (format !== 'shapefile') return {};
  const entries = unzipSync(new Uint8Array(readFileSync(path.replace(/^\/vsizip\//, ''))));
  const readme = strFromU8(entries['LISEZMOI.txt']);
  const names: Record<string, string> = {};
  for (const m of readme.matchAll(/^- (\S{1,10}) = (.+?)\r?$/gm)) names[m[2]] = m[1];
  for (const m of readme.matchAll(/^- (\S{1,10})\r?$/gm)) names[m[1]] = m[1];
  return names;
}
