// `npm run convert`: run as a GIS team's script runs it (tsx on scripts/convert.ts), each output
// format written and read back — by our own importer where it reads the format, by GDAL otherwise.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { FeatureCollection, Point, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gdalOrSkip, ogrFeatures, ogrSummary } from '../support/gdal';

const ROOT = resolve(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const run = promisify(execFile);

async function convert(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    // INIT_CWD as `npm run` sets it: relative paths are the caller's folder.
    const { stdout, stderr } = await run(TSX, [join(ROOT, 'scripts', 'convert.ts'), ...args], { cwd: ROOT, env: { ...process.env, INIT_CWD: dir } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
const SOURCE: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { nom: 'Fosse 9 – l’œuvre', cout: '12 €' }, geometry: { type: 'Point', coordinates: [2.8312, 50.4322] } },
    { type: 'Feature', properties: { nom: 'Cité des Œillets', cout: '3 €' }, geometry: { type: 'Point', coordinates: [2.7801, 50.4213] } },
    {
      type: 'Feature',
      properties: { nom: 'Parc d’Éleu', cout: '' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [2.79, 50.41],
            [2.8, 50.41],
            [2.8, 50.42],
            [2.79, 50.42],
            [2.79, 50.41],
          ],
        ],
      },
    },
  ],
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-convert-'));
  writeFileSync(join(dir, 'sites.geojson'), JSON.stringify(SOURCE));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The converted file read back by our importer, as GeoJSON in WGS 84. */
async function readBack(file: string): Promise<FeatureCollection> {
  const back = `${file}.retour.geojson`;
  const result = await convert(file, back);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(readFileSync(join(dir, back), 'utf8')) as FeatureCollection;
}

function expectSameSites(read: FeatureCollection): void {
  expect(read.features).toHaveLength(3);
  for (const source of SOURCE.features) {
    const got = read.features.find((f) => f.properties?.nom === source.properties?.nom);
    expect(got, String(source.properties?.nom)).toBeDefined();
    if (source.geometry.type === 'Point') {
      const [x, y] = (got!.geometry as Point).coordinates;
      const [sx, sy] = source.geometry.coordinates;
      expect(Math.abs(x - sx)).toBeLessThan(1e-6);
      expect(Math.abs(y - sy)).toBeLessThan(1e-6);
    } else {
      const ring = (got!.geometry as Polygon).coordinates[0];
      expect(Math.min(...ring.map((p) => p[0]))).toBeCloseTo(2.79, 6);
      expect(Math.max(...ring.map((p) => p[1]))).toBeCloseTo(50.42, 6);
    }
  }
}

describe('npm run convert', { timeout: 120_000 }, () => {
  for (const [output, crs] of [
    ['sites.geojson.out.geojson', '2154'],
    ['sites.fgb', '3950'],
    ['sites.kml', '4326'],
    ['sites.shp.zip', '2154'],
    ['sites-cc50.shp.zip', '3950'],
  ] as const)
    it(`round-trips ${output} written in EPSG:${crs}`, async () => {
      const result = await convert('sites.geojson', output, '--crs', crs);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`écrit : 3 entités, .*EPSG:${crs}`));
      const read = await readBack(output);
      expectSameSites(read);
      // Text survives the trip through every format (CSV and Shapefile included).
      expect(read.features.map((f) => f.properties?.cout).sort()).toEqual(['', '12 €', '3 €'].sort());
    });

  it.runIf(gdalOrSkip())('writes a CSV in Lambert-93 whose WKT column GDAL reads back in place', async () => {
    // Our importer reads a CSV's x/y columns first (points only); GDAL reads every row's WKT.
    const result = await convert('sites.geojson', 'sites.csv', '--crs', '2154');
    expect(result.code, result.stderr).toBe(0);
    const read = ogrFeatures(join(dir, 'sites.csv'), {
      toWgs84: true,
      sourceSrs: 'EPSG:2154',
      openOptions: ['GEOM_POSSIBLE_NAMES=geometrie_wkt', 'KEEP_GEOM_COLUMNS=NO'],
    });
    expectSameSites(read as FeatureCollection);
  });

  it.runIf(gdalOrSkip())('writes a GeoPackage in Lambert-93 by default, which GDAL reads', async () => {
    const result = await convert('sites.geojson', 'sites.gpkg');
    expect(result.code, result.stderr).toBe(0);
    const [layer] = ogrSummary(join(dir, 'sites.gpkg'));
    expect(layer.count).toBe(3);
    expect(layer.epsg).toBe(2154);
    const read = ogrFeatures(join(dir, 'sites.gpkg'), { toWgs84: true });
    expectSameSites(read as FeatureCollection);
  });

  it('fails with exit code 1 and a French message, leaving an existing output untouched', async () => {
    writeFileSync(join(dir, 'casse.geojson'), '{"type": "FeatureCollection", "features": [');
    writeFileSync(join(dir, 'existant.fgb'), 'ancien contenu');
    const broken = await convert('casse.geojson', 'existant.fgb');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/casse\.geojson/);
    expect(readFileSync(join(dir, 'existant.fgb'), 'utf8')).toBe('ancien contenu');

    const missing = await convert('absent.geojson', 'x.geojson');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("fichier d'entrée introuvable ou illisible");

    const extension = await convert('sites.geojson', 'sites.dxf');
    expect(extension.code).toBe(1);
    expect(extension.stderr).toContain('extension de sortie non reconnue');

    const kml = await convert('sites.geojson', 'sites-l93.kml', '--crs', '2154');
    expect(kml.code).toBe(1);
    expect(kml.stderr).toContain("ne s'écrit qu'en WGS 84");
    expect(existsSync(join(dir, 'sites-l93.kml'))).toBe(false);
  });
});
