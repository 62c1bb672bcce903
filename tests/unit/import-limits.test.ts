import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importFile, importFiles, MAX_FILE_BYTES, ZIP_MAX_RATIO, ZIP_MAX_TOTAL_BYTES, type ImporterOptions } from '../../src/core/import';
import type { ImportProgress } from '../../src/core/types';
import { importOne, json, project, SITES, utf8 } from '../support/import-fixtures';
import { writeShapefile, zipShapefile } from '../support/shapefile-writer';
import { PRJ_LAMBERT93 } from '../support/wkt';

/** n points spread over Lens–Liévin, as a GeoJSON FeatureCollection. */
function manyPoints(n: number, code: 'EPSG:4326' | 'EPSG:2154' = 'EPSG:4326') {
  const features = new Array(n);
  for (let i = 0; i < n; i++) {
    const lonLat = [2.78 + ((i * 7919) % 8000) / 100_000, 50.4 + ((i * 104_729) % 5000) / 100_000];
    features[i] = {
      type: 'Feature',
      properties: { id: i, nom: `Point ${i}`, commune: i % 2 ? 'Lens' : 'Liévin' },
      geometry: { type: 'Point', coordinates: project(code, lonLat) },
    };
  }
  return { type: 'FeatureCollection', features };
}

describe('limits', () => {
  it('documents its defaults', () => {
    expect(MAX_FILE_BYTES).toBe(200 * 1024 * 1024);
    expect(ZIP_MAX_TOTAL_BYTES).toBe(1024 * 1024 * 1024);
    expect(ZIP_MAX_RATIO).toBe(200);
  });

  it('refuses a file over the size limit before parsing it', async () => {
    const bytes = json(manyPoints(10));
    await expect(importFile({ name: 'gros.geojson', bytes }, { limits: { maxFileBytes: 100 } })).rejects.toMatchObject({
      code: 'trop-gros',
      message: expect.stringMatching(/^gros\.geojson : le fichier pèse .* au-delà de la limite de .*Découpez-le ou filtrez-le/),
    });
  });

  it('refuses a zip entry compressed beyond the ratio cap, from the central directory', async () => {
    // 2 MB of spaces in a .dbf: deflate compresses it about 1000 times.
    const zip = zipSync({ 'bombe.shp': new Uint8Array(100), 'bombe.dbf': new Uint8Array(2 * 1024 * 1024).fill(0x20) });
    await expect(importFile({ name: 'bombe.zip', bytes: zip })).rejects.toMatchObject({
      code: 'zip-bombe',
      message: expect.stringMatching(/^bombe\.zip : l'entrée « bombe\.dbf » est compressée .* fois \(limite 200\)/),
    });
  });

  it('refuses a zip whose entries would inflate beyond the total cap', async () => {
    const parts = writeShapefile({
      shapeType: 'point',
      geometries: SITES.map((s) => ({ type: 'Point', coordinates: project('EPSG:2154', s.lonLat) })),
      fields: [{ name: 'NOM', type: 'C', length: 200 }],
      records: SITES.map((s) => ({ NOM: s.nom })),
      prj: PRJ_LAMBERT93,
    });
    const zip = zipShapefile('sites', parts);
    await expect(importFile({ name: 'sites.zip', bytes: zip }, { limits: { zipMaxTotalBytes: 500 } })).rejects.toMatchObject({ code: 'zip-bombe' });
    await expect(importFile({ name: 'sites.zip', bytes: zip })).resolves.toHaveLength(1);
  });
});

describe('progress and cancellation', () => {
  it('reports the stages in order with a fraction that never goes back, ending at 1', async () => {
    const progress: ImportProgress[] = [];
    await importOne('p.geojson', json(manyPoints(12_000)), { onProgress: (p) => progress.push(p) });
    const stages = [...new Set(progress.map((p) => p.stage))];
    expect(stages).toEqual(['lecture', 'analyse', 'reprojection', 'vérification']);
    const fractions = progress.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
  });

  it('reports décompression for a zip', async () => {
    const stages = new Set<string>();
    const zip = zipShapefile(
      's',
      writeShapefile({
        shapeType: 'point',
        geometries: SITES.map((s) => ({ type: 'Point', coordinates: s.lonLat })),
        fields: [],
        records: SITES.map(() => ({})),
      }),
    );
    await importOne('s.zip', zip, { onProgress: (p) => stages.add(p.stage) });
    expect([...stages]).toContain('décompression');
  });

  it('stops between chunks when the signal is aborted, with code "annule"', async () => {
    const signal = { aborted: false };
    const options: ImporterOptions = {
      signal,
      onProgress: (p) => {
        if (p.stage === 'reprojection') signal.aborted = true;
      },
    };
    await expect(importFile({ name: 'long.geojson', bytes: json(manyPoints(20_000)) }, options)).rejects.toMatchObject({
      code: 'annule',
      message: 'long.geojson : import annulé.',
    });
  });

  it('stops a batch at the cancelled file', async () => {
    const signal = { aborted: true };
    const { layers, errors } = await importFiles(
      [
        { name: 'a.geojson', bytes: json(manyPoints(3)) },
        { name: 'b.geojson', bytes: json(manyPoints(3)) },
      ],
      { signal },
    );
    expect(layers).toEqual([]);
    expect(errors.map((e) => [e.fileName, e.code])).toEqual([['a.geojson', 'annule']]);
  });
});

describe('large inputs (works; not a timing assertion)', () => {
  it('imports 100,000 points of GeoJSON', async () => {
    const layer = await importOne('grand.geojson', utf8(JSON.stringify(manyPoints(100_000))));
    expect(layer.features).toHaveLength(100_000);
    expect(layer.geometryTypes).toEqual({ Point: 100_000 });
    expect(layer.propertyNames).toEqual(['id', 'nom', 'commune']);
  }, 60_000);

  it('imports 20,000 Lambert-93 points of a zipped shapefile', async () => {
    const n = 20_000;
    const geometries = Array.from({ length: n }, (_, i) => ({
      type: 'Point' as const,
      coordinates: project('EPSG:2154', [2.78 + (i % 200) / 2500, 50.4 + Math.floor(i / 200) / 2000]),
    }));
    const records = Array.from({ length: n }, (_, i) => ({ NOM: `Site n°${i}`, RANG: i }));
    const zip = zipShapefile(
      'grand',
      writeShapefile({
        shapeType: 'point',
        geometries,
        fields: [
          { name: 'NOM', type: 'C', length: 30 },
          { name: 'RANG', type: 'N', length: 8 },
        ],
        records,
        prj: PRJ_LAMBERT93,
      }),
    );
    const layer = await importOne('grand.zip', zip);
    expect(layer.features).toHaveLength(n);
    expect(layer.features[n - 1].properties).toEqual({ NOM: `Site n°${n - 1}`, RANG: n - 1 });
  }, 60_000);
});
