import { serialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { writeFlatGeobuf } from '../../src/core/fgb/write';
import { importFile } from '../../src/core/import';
import { boundsOf, expectBoundsClose, importOne, PARK_OUTER, PATH, projectGeometry, SITES } from '../support/import-fixtures';

const features = [
  ...SITES.map((s, i) => ({
    type: 'Feature' as const,
    properties: { nom: s.nom, rang: i + 1 },
    geometry: { type: 'Point', coordinates: s.lonLat } as Geometry,
  })),
  { type: 'Feature' as const, properties: { nom: 'Liaison', rang: 4 }, geometry: { type: 'LineString', coordinates: PATH } as Geometry },
  {
    type: 'Feature' as const,
    properties: { nom: 'Parc', rang: 5 },
    geometry: { type: 'Polygon', coordinates: [[...PARK_OUTER].reverse()] } as Geometry,
  },
];

describe('FlatGeobuf', () => {
  it('reads a file written by our indexed writer (WGS 84 in its header)', async () => {
    const layer = await importOne('couche.fgb', writeFlatGeobuf(features, { name: 'couche' }));
    expect(layer).toMatchObject({ format: 'flatgeobuf', name: 'couche', crsUsed: 'EPSG:4326', crs: { code: 'EPSG:4326', source: 'membre-crs' } });
    expect(layer.crs.detail).toContain('en-tête FlatGeobuf : EPSG:4326');
    expect(layer.features).toHaveLength(5);
    expect(layer.geometryTypes).toEqual({ Point: 3, LineString: 1, Polygon: 1 });
    expect(layer.propertyNames).toEqual(['nom', 'rang']);
    // Hilbert order: compare as sets.
    expect(layer.features.map((f) => f.properties.nom).sort()).toEqual(features.map((f) => f.properties.nom).sort());
    expectBoundsClose(layer.bounds, boundsOf([...SITES.map((s) => s.lonLat), ...PATH, ...PARK_OUTER]), 9);
  });

  it('reads the header CRS of a Lambert-93 file and reprojects', async () => {
    const collection: FeatureCollection = {
      type: 'FeatureCollection',
      features: SITES.map((s) => ({
        type: 'Feature',
        properties: { nom: s.nom },
        geometry: projectGeometry('EPSG:2154', { type: 'Point', coordinates: s.lonLat }),
      })),
    };
    const layer = await importOne('l93.fgb', serialize(collection, 2154));
    expect(layer.crs).toMatchObject({ code: 'EPSG:2154', source: 'membre-crs' });
    expectBoundsClose(layer.bounds, boundsOf(SITES.map((s) => s.lonLat)));
  });

  it('names an unsupported header CRS', async () => {
    const collection: FeatureCollection = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [486_900, 5_587_000] } }],
    };
    await expect(importFile({ name: 'utm.fgb', bytes: serialize(collection, 32631) })).rejects.toMatchObject({
      code: 'crs-inconnu',
      message: expect.stringContaining('« EPSG:32631 » non pris en charge'),
    });
  });

  it('reports a truncated file', async () => {
    const bytes = writeFlatGeobuf(features);
    await expect(importFile({ name: 'coupe.fgb', bytes: bytes.subarray(0, bytes.length - 40) })).rejects.toMatchObject({
      code: 'tronque',
      fileName: 'coupe.fgb',
    });
  });
});
