// `npm run inspect`: the command-line report, run as a user would (tsx on scripts/inspect.ts).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, project, SITES, utf8 } from '../support/import-fixtures';
import { shapefileFiles, writeShapefile, zipShapefile } from '../support/shapefile-writer';
import { PRJ_LAMBERT93 } from '../support/wkt';

const ROOT = resolve(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const run = promisify(execFile);

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function inspect(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(TSX, [join(ROOT, 'scripts', 'inspect.ts'), ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-inspect-'));
  const sites = SITES.map((s) => ({ type: 'Feature', properties: { nom: s.nom }, geometry: { type: 'Point', coordinates: s.lonLat } }));
  writeFileSync(file('sites.geojson'), json({ type: 'FeatureCollection', features: sites }));
  const parts = writeShapefile({
    shapeType: 'point',
    geometries: SITES.map((s) => ({ type: 'Point', coordinates: project('EPSG:2154', s.lonLat) })),
    fields: [{ name: 'NOM', type: 'C', length: 40 }],
    records: SITES.map((s) => ({ NOM: s.nom })),
    prj: PRJ_LAMBERT93,
  });
  writeFileSync(file('sites.zip'), zipShapefile('sites', parts));
  for (const [name, bytes] of Object.entries(shapefileFiles('vrac', parts))) writeFileSync(file(name), bytes);
  writeFileSync(
    file('xy.csv'),
    utf8(
      `nom;x;y\n${SITES.map(
        (s) =>
          `${s.nom};${project('EPSG:2154', s.lonLat)
            .map((v) => v.toFixed(2).replace('.', ','))
            .join(';')}`,
      ).join('\n')}\n`,
    ),
  );
  const folder = (name: string, i: number) =>
    `<Folder><name>${name}</name><Placemark><name>P</name><Point><coordinates>${SITES[i].lonLat.join(',')}</coordinates></Point></Placemark></Folder>`;
  writeFileSync(
    file('dossiers.kml'),
    utf8(`<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${folder('Stades', 0)}${folder('Églises', 1)}</Document></kml>`),
  );
  writeFileSync(file('casse.geojson'), utf8('{"type":"FeatureCollection","features":[{"type":"Feature",'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run inspect', () => {
  it('reports one GeoJSON file as one JSON object, exit 0', async () => {
    const { code, stdout } = await inspect(file('sites.geojson'));
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({
      file: file('sites.geojson'),
      format: 'geojson',
      crs: { code: 'EPSG:4326', source: 'etendue', candidates: ['EPSG:4326'] },
      crsUsed: 'EPSG:4326',
      featureCount: 3,
      geometryTypes: { Point: 3 },
      propertyNames: ['nom'],
      warnings: [],
      errors: [],
    });
    expect(report.bounds).toHaveLength(4);
    expect(report.layers).toBeUndefined();
  });

  it('reports several files (zipped Lambert-93 shapefile, loose parts, CSV, KML folders) under "files"', async () => {
    const { code, stdout } = await inspect(
      file('sites.zip'),
      file('vrac.shp'),
      file('vrac.dbf'),
      file('vrac.prj'),
      file('vrac.shx'),
      file('xy.csv'),
      file('dossiers.kml'),
    );
    expect(code).toBe(0);
    const { files } = JSON.parse(stdout);
    expect(files.map((f: { file: string }) => f.file)).toEqual([file('sites.zip'), file('vrac.shp'), file('xy.csv'), file('dossiers.kml')]);
    expect(files[0]).toMatchObject({ format: 'shapefile', crs: { code: 'EPSG:2154', source: 'prj' }, featureCount: 3, propertyNames: ['NOM'] });
    expect(files[1]).toMatchObject({ format: 'shapefile', crsUsed: 'EPSG:2154', featureCount: 3 });
    expect(files[2]).toMatchObject({ format: 'csv', crs: { code: 'EPSG:2154', source: 'etendue' }, featureCount: 3 });
    expect(files[3]).toMatchObject({ format: 'kml', featureCount: 2, geometryTypes: { Point: 2 } });
    expect(files[3].layers.map((l: { name: string; featureCount: number }) => [l.name, l.featureCount])).toEqual([
      ['Stades', 1],
      ['Églises', 1],
    ]);
  }, 30_000);

  it('applies --crs and reports a broken file with a French error and exit 1', async () => {
    const forced = JSON.parse((await inspect(file('sites.geojson'), '--crs', 'EPSG:4326')).stdout);
    expect(forced.crs).toMatchObject({ code: 'EPSG:4326', source: 'utilisateur' });
    const { code, stdout } = await inspect(file('casse.geojson'));
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ file: file('casse.geojson'), format: 'geojson', featureCount: 0, crs: null, bounds: null });
    expect(report.errors).toEqual([expect.stringMatching(/^casse\.geojson : le fichier GeoJSON s'arrête avant la fin/)]);
  }, 30_000);

  it('prints French usage for --help, and exit 2 on a usage error', async () => {
    const help = await inspect('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage : npm run inspect -- <fichier>/);
    const bad = await inspect(file('sites.geojson'), '--crs', 'EPSG:32631');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('système « EPSG:32631 » non pris en charge');
  }, 30_000);
});
