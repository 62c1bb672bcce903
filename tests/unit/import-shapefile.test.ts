import { zipSync } from 'fflate';
import type { LineString, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { importFile, importFiles, ImportError } from '../../src/core/import';
import type { CrsCode } from '../../src/core/types';
import {
  boundsOf,
  expectBoundsClose,
  importOne,
  PARK_HOLE,
  PARK_OUTER,
  PATH,
  projectGeometry,
  signedArea,
  SITES,
  utf8,
} from '../support/import-fixtures';
import { shapefileFiles, writeShapefile, zipShapefile, type ShapefileInput } from '../support/shapefile-writer';
import { PRJ_CC50, PRJ_LAMBERT93, PRJ_UTM31N, PRJ_WEB_MERCATOR, PRJ_WGS84 } from '../support/wkt';

const FIELDS: ShapefileInput['fields'] = [
  { name: 'NOM', type: 'C', length: 40 },
  { name: 'COMMUNE', type: 'C', length: 30 },
  { name: 'RANG', type: 'N', length: 5 },
  { name: 'SURF_HA', type: 'N', length: 12, decimals: 3 },
];

function sitesShapefile(code: CrsCode, extra: Partial<ShapefileInput> = {}) {
  return writeShapefile({
    shapeType: 'point',
    geometries: SITES.map((s) => projectGeometry(code, { type: 'Point', coordinates: s.lonLat })),
    fields: FIELDS,
    records: SITES.map((s, i) => ({ NOM: s.nom, COMMUNE: s.commune, RANG: i + 1, SURF_HA: i === 1 ? null : 12.5 * (i + 1) })),
    ...extra,
  });
}

const siteBounds = boundsOf(SITES.map((s) => s.lonLat));

describe('zipped shapefile: systems', () => {
  const cases: [CrsCode, string | undefined, string][] = [
    ['EPSG:2154', PRJ_LAMBERT93, 'prj'],
    ['EPSG:3950', PRJ_CC50, 'prj'],
    ['EPSG:4326', PRJ_WGS84, 'prj'],
    ['EPSG:3857', PRJ_WEB_MERCATOR, 'prj'],
    ['EPSG:2154', undefined, 'etendue'],
    ['EPSG:3950', undefined, 'etendue'],
  ];
  for (const [code, prj, source] of cases) {
    it(`reads points in ${code} (${source}) back to lon/lat within 1e-6°`, async () => {
      const zip = zipShapefile('sites', sitesShapefile(code, { prj }));
      const layer = await importOne('sites.zip', zip);
      expect(layer).toMatchObject({ format: 'shapefile', name: 'sites', crsUsed: code, crs: { code, source } });
      expect(layer.features).toHaveLength(3);
      expect(layer.geometryTypes).toEqual({ Point: 3 });
      expect(layer.propertyNames).toEqual(['NOM', 'COMMUNE', 'RANG', 'SURF_HA']);
      expectBoundsClose(layer.bounds, siteBounds);
      layer.features.forEach((f, i) => {
        const [lon, lat] = (f.geometry as Point).coordinates;
        expect(lon).toBeCloseTo(SITES[i].lonLat[0], 6);
        expect(lat).toBeCloseTo(SITES[i].lonLat[1], 6);
      });
      expect(layer.features[1].properties).toEqual({ NOM: 'Église Saint-Amé', COMMUNE: 'Liévin', RANG: 2, SURF_HA: null });
      expect(layer.features[2].properties.SURF_HA).toBe(37.5);
      expect(layer.warnings).toEqual([]);
    });
  }

  it('reads lines and polygons with holes in Lambert-93, rewinding rings to RFC 7946', async () => {
    const lines = writeShapefile({
      shapeType: 'polyline',
      geometries: [projectGeometry('EPSG:2154', { type: 'LineString', coordinates: PATH })],
      fields: [{ name: 'NOM', type: 'C', length: 20 }],
      records: [{ NOM: 'Liaison Lens-Liévin' }],
      prj: PRJ_LAMBERT93,
    });
    const parks = writeShapefile({
      shapeType: 'polygon',
      geometries: [projectGeometry('EPSG:2154', { type: 'Polygon', coordinates: [PARK_OUTER, PARK_HOLE] })],
      fields: [{ name: 'NOM', type: 'C', length: 20 }],
      records: [{ NOM: 'Parc' }],
      prj: PRJ_LAMBERT93,
    });
    const zip = zipSync({ ...shapefileFiles('lignes', lines), ...shapefileFiles('parcs', parks) });
    const layers = await importFile({ name: 'amenagements.zip', bytes: zip });
    expect(layers.map((l) => [l.name, l.fileName, l.features.length])).toEqual([
      ['lignes', 'amenagements.zip', 1],
      ['parcs', 'amenagements.zip', 1],
    ]);
    const line = layers[0].features[0].geometry as LineString;
    line.coordinates.forEach((p, i) => {
      expect(p[0]).toBeCloseTo(PATH[i][0], 6);
      expect(p[1]).toBeCloseTo(PATH[i][1], 6);
    });
    const [outer, hole] = (layers[1].features[0].geometry as Polygon).coordinates;
    expect(signedArea(outer)).toBeGreaterThan(0);
    expect(signedArea(hole)).toBeLessThan(0);
    expectBoundsClose(layers[1].bounds, boundsOf(PARK_OUTER));
  });

  it('reads a shapefile inside a folder of the zip', async () => {
    const layer = await importOne(
      'dossier.zip',
      zipShapefile('sites', sitesShapefile('EPSG:2154', { prj: PRJ_LAMBERT93 }), { folder: 'export/couches' }),
    );
    expect(layer.features).toHaveLength(3);
  });
});

describe('shapefile: code pages', () => {
  it('reads windows-1252 attributes with a .cpg', async () => {
    const layer = await importOne('sites.zip', zipShapefile('sites', sitesShapefile('EPSG:2154', { encoding: 'windows-1252', cpg: '1252' })));
    expect(layer.features.map((f) => f.properties.NOM)).toEqual(SITES.map((s) => s.nom));
    expect(layer.warnings).toEqual([]);
  });

  it('reads windows-1252 attributes without a .cpg, with a warning', async () => {
    const layer = await importOne('sites.zip', zipShapefile('sites', sitesShapefile('EPSG:2154', { encoding: 'windows-1252', cpg: null })));
    expect(layer.features.map((f) => f.properties.COMMUNE)).toEqual(['Lens', 'Liévin', 'Avion']);
    expect(layer.warnings).toEqual([expect.stringMatching(/^sites\.zip : pas de fichier \.cpg .* windows-1252/)]);
  });

  it('reads UTF-8 attributes without a .cpg silently, and an "ISO-8859-1" .cpg', async () => {
    const utf = await importOne('a.zip', zipShapefile('a', sitesShapefile('EPSG:2154', { cpg: null })));
    expect(utf.features[1].properties.NOM).toBe('Église Saint-Amé');
    expect(utf.warnings).toEqual([]);
    const latin = await importOne('b.zip', zipShapefile('b', sitesShapefile('EPSG:2154', { encoding: 'windows-1252', cpg: 'ISO-8859-1' })));
    expect(latin.features[1].properties.NOM).toBe('Église Saint-Amé');
  });
});

describe('shapefile: loose parts', () => {
  it('groups .shp, .shx, .dbf, .prj and .cpg dropped together by base name', async () => {
    const files = shapefileFiles('Sites', sitesShapefile('EPSG:3950', { prj: PRJ_CC50 }));
    const inputs = Object.entries(files).map(([name, bytes]) => ({ name: name.replace('.dbf', '.DBF'), bytes }));
    const { layers, errors } = await importFiles([...inputs, { name: 'autre.geojson', bytes: utf8('{"type":"FeatureCollection","features":[]}') }]);
    expect(layers).toHaveLength(1);
    expect(layers[0]).toMatchObject({ fileName: 'Sites.shp', name: 'Sites', crsUsed: 'EPSG:3950', crs: { source: 'prj' } });
    expect(layers[0].features[0].properties.NOM).toBe('Stade Bollaert-Delelis');
    expect(errors.map((e) => [e.fileName, e.code])).toEqual([['autre.geojson', 'sans-geometrie']]);
  });

  it('reads a lone .shp without attributes, with a warning; a lone .dbf is an error naming the missing .shp', async () => {
    const parts = sitesShapefile('EPSG:2154');
    const layer = await importOne('sites.shp', parts.shp);
    expect(layer.features).toHaveLength(3);
    expect(layer.warnings).toContain('sites.shp : pas de fichier .dbf : les entités sont importées sans attributs.');
    await expect(importFile({ name: 'sites.dbf', bytes: parts.dbf })).rejects.toMatchObject({
      code: 'shp-incomplet',
      message: expect.stringContaining("sites.dbf : fichier d'un Shapefile déposé sans son fichier sites.shp"),
    });
  });
});

describe('shapefile: errors', () => {
  it('refuses a zip without .shp with the message that says what a zipped shapefile holds', async () => {
    const zip = zipSync({ 'lisezmoi.txt': utf8('rien ici') });
    await expect(importFile({ name: 'corridor.zip', bytes: zip })).rejects.toMatchObject({
      code: 'zip-sans-shp',
      message:
        "corridor.zip : l'archive ne contient pas de fichier .shp (ni de .kml). Un Shapefile zippé doit contenir au moins les fichiers .shp, .shx et .dbf.",
    });
  });

  it('refuses a truncated zip', async () => {
    const zip = zipShapefile('sites', sitesShapefile('EPSG:2154'));
    const error = await importFile({ name: 'sites.zip', bytes: zip.subarray(0, Math.floor(zip.length / 2)) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({
      code: 'tronque',
      fileName: 'sites.zip',
      message: expect.stringMatching(/^sites\.zip : le fichier ZIP s'arrête avant la fin/),
    });
  });

  it('refuses a truncated .shp', async () => {
    const { shp } = sitesShapefile('EPSG:2154');
    await expect(importFile({ name: 'sites.shp', bytes: shp.subarray(0, shp.length - 10) })).rejects.toMatchObject({ code: 'tronque' });
  });

  it('names an unsupported system from the .prj (UTM 31N) and lists ours', async () => {
    const zip = zipShapefile('sites', sitesShapefile('EPSG:2154', { prj: PRJ_UTM31N }));
    const error = (await importFile({ name: 'sites.zip', bytes: zip }).catch((e: unknown) => e)) as ImportError;
    expect(error.code).toBe('crs-inconnu');
    expect(error.message).toMatch(/^sites\.zip : système de coordonnées « WGS_1984_UTM_Zone_31N » non pris en charge\./);
    expect(error.message).toContain('RGF93 / Lambert-93 (EPSG:2154)');
    expect(error.message).toContain('choisissez le système');
  });

  it('imports the good shapefiles of a zip and warns about the bad one', async () => {
    const good = sitesShapefile('EPSG:2154', { prj: PRJ_LAMBERT93 });
    const bad = sitesShapefile('EPSG:2154', { prj: PRJ_UTM31N });
    const zip = zipSync({ ...shapefileFiles('bons', good), ...shapefileFiles('utm', bad) });
    const layers = await importFile({ name: 'lot.zip', bytes: zip });
    expect(layers.map((l) => l.name)).toEqual(['bons']);
    expect(layers[0].warnings.at(-1)).toMatch(
      /^lot\.zip \(utm\.shp\) : système de coordonnées « WGS_1984_UTM_Zone_31N » non pris en charge.*Cette couche n'est pas importée\.$/,
    );
  });

  it("uses the user's system over the .prj", async () => {
    // A .prj that lies (says WGS 84) over Lambert-93 coordinates, corrected by the user.
    const zip = zipShapefile('sites', sitesShapefile('EPSG:2154', { prj: PRJ_WGS84 }));
    const layer = await importOne('sites.zip', zip, { crs: 'EPSG:2154' });
    expect(layer.crs).toMatchObject({ code: 'EPSG:2154', source: 'utilisateur', candidates: ['EPSG:2154'] });
    expectBoundsClose(layer.bounds, siteBounds);
  });

  it('trusts the ranges over a .prj that says WGS 84 for Lambert-93 coordinates, with a warning', async () => {
    const zip = zipShapefile('sites', sitesShapefile('EPSG:2154', { prj: PRJ_WGS84 }));
    const layer = await importOne('sites.zip', zip);
    expect(layer.crs).toMatchObject({ code: 'EPSG:2154', source: 'etendue' });
    expect(layer.warnings[0]).toMatch(/^sites\.zip : le fichier déclare WGS 84 .* mais ses coordonnées correspondent à RGF93 \/ Lambert-93/);
    expectBoundsClose(layer.bounds, siteBounds);
  });
});

describe('shapefile: null shapes and deleted records', () => {
  it('skips null shapes with one counted warning', async () => {
    const geometries = [...SITES.map((s) => projectGeometry('EPSG:2154', { type: 'Point', coordinates: s.lonLat })), null, null];
    const records = [...SITES.map((s) => ({ NOM: s.nom })), { NOM: 'sans' }, { NOM: 'sans' }];
    const zip = zipShapefile(
      's',
      writeShapefile({ shapeType: 'point', geometries, fields: [{ name: 'NOM', type: 'C', length: 30 }], records, prj: PRJ_LAMBERT93 }),
    );
    const layer = await importOne('s.zip', zip);
    expect(layer.features).toHaveLength(3);
    expect(layer.warnings).toEqual(['s.zip : 2 entités sans géométrie ignorées.']);
  });

  it('skips records marked deleted in the .dbf', async () => {
    const parts = sitesShapefile('EPSG:2154', { prj: PRJ_LAMBERT93 });
    const view = new DataView(parts.dbf.buffer);
    const headerLength = view.getUint16(8, true);
    const recordLength = view.getUint16(10, true);
    parts.dbf[headerLength + recordLength] = 0x2a; // second record: '*'
    const layer = await importOne('s.zip', zipShapefile('s', parts));
    expect(layer.features.map((f) => f.properties.NOM)).toEqual([SITES[0].nom, SITES[2].nom]);
    expect(layer.warnings).toEqual(['s.zip : 1 entité marquée comme supprimée dans le .dbf ignorée.']);
  });
});
