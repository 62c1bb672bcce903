import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import type { GeoFeature } from '../../layers/types';
import { boundsOf, decodeLayer, drawableLayer, encodeFgb, encodeLayer, geometryTypesOf, reprojectFeatures } from '../../src/core/codec/layer-codec';
import { generatedParcels } from '../../scripts/bench/generate';
import { toBinary } from '../../src/core/codec/binary';
import '../../src/core/geo/crs';

const pt = (lon: number, lat: number, nom: string): GeoFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: { nom },
});

describe('workspace layer codec', () => {
  const features: GeoFeature[] = [
    pt(2.83, 50.43, 'Lens'),
    pt(2.78, 50.42, 'Liévin'),
    {
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: [
          [2.8, 50.4],
          [2.82, 50.44],
        ],
      },
      properties: { nom: 'Voie' },
    },
    {
      type: 'Feature',
      geometry: {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [2.9, 50.45] },
          {
            type: 'LineString',
            coordinates: [
              [2.9, 50.45],
              [2.91, 50.46],
            ],
          },
        ],
      },
      properties: { nom: 'Collection' },
    },
  ];

  it('keeps features in the FlatGeobuf file’s order, so an index survives a reload', async () => {
    const encoded = encodeLayer(features);
    const decoded = await decodeLayer(encoded.fgb);
    expect(decoded.map((f) => f.properties.nom)).toEqual(encoded.features.map((f) => f.properties.nom));
    expect(new Set(decoded.map((f) => f.properties.nom))).toEqual(new Set(['Lens', 'Liévin', 'Voie', 'Collection']));
  });

  it('draws a layer before its file is written, in the order the file then has', async () => {
    const parcels = [...generatedParcels(300), ...features] as GeoFeature[];
    const drawn = drawableLayer(parcels);
    const decoded = await decodeLayer(encodeFgb(drawn.features));
    expect(decoded.map((f) => f.properties)).toEqual(drawn.features.map((f) => f.properties));
    // The same order the writer picks on its own.
    expect(encodeLayer(parcels).features).toEqual(drawn.features);
  });

  it('triangulates polygons, holes and multipolygons so the fill covers exactly their area', () => {
    const ring = (x: number, y: number, d: number) => [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ];
    const polygons: GeoFeature[] = [
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring(2.8, 50.4, 0.02), ring(2.805, 50.405, 0.005).reverse()] }, properties: {} },
      { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [[ring(2.9, 50.4, 0.01)], [ring(2.95, 50.4, 0.01)]] }, properties: {} },
    ];
    const binary = toBinary(polygons);
    const p = binary.polygons!;
    const xy = p.positions.value;
    const t = p.triangles.value;
    // Planar area of the triangles, per feature, against the rings' planar area (shoelace).
    const byFeature = [0, 0];
    for (let i = 0; i < t.length; i += 3) {
      const [a, b, c] = [t[i], t[i + 1], t[i + 2]];
      const twice = (xy[2 * b] - xy[2 * a]) * (xy[2 * c + 1] - xy[2 * a + 1]) - (xy[2 * c] - xy[2 * a]) * (xy[2 * b + 1] - xy[2 * a + 1]);
      byFeature[p.globalFeatureIds.value[a]] += Math.abs(twice) / 2;
    }
    expect(byFeature[0]).toBeCloseTo(0.02 ** 2 - 0.005 ** 2, 10);
    expect(byFeature[1]).toBeCloseTo(2 * 0.01 ** 2, 10);
    // One outline per ring, one polygon per part.
    expect([...p.primitivePolygonIndices.value]).toEqual([0, 5, 10, 15, 20]);
    expect([...p.polygonIndices.value]).toEqual([0, 10, 15, 20]);
  });

  it('always gives deck.gl the three parts, empty ones included (it colours each for picking)', () => {
    const binary = toBinary(features.slice(0, 2));
    expect(binary.points.globalFeatureIds.value.length).toBe(2);
    expect([...binary.lines.pathIndices.value]).toEqual([0]);
    expect(binary.lines.globalFeatureIds.value.length).toBe(0);
    expect(binary.polygons.triangles.value.length).toBe(0);
    expect([...binary.polygons.polygonIndices.value]).toEqual([0]);
  });

  it('draws a geometry collection member by member under its feature’s index', () => {
    const binary = toBinary(features);
    expect([...binary.points!.globalFeatureIds.value]).toEqual([0, 1, 3]);
    const lineIds = new Set(binary.lines!.globalFeatureIds.value);
    expect(lineIds).toEqual(new Set([2, 3]));
  });

  it('says what a layer holds: geometry types and bounds', () => {
    expect(geometryTypesOf(features)).toEqual({ Point: 2, LineString: 1, GeometryCollection: 1 });
    expect(boundsOf(features)).toEqual([2.78, 50.4, 2.91, 50.46]);
  });

  it('reads a layer again in another system: Lambert-93 numbers first taken for Web Mercator come back to Lens', () => {
    const places = features.slice(0, 2);
    // What a wrong guess gives: the file's Lambert-93 numbers read as Web Mercator (north of the Netherlands).
    const wrong = places.map((f) => {
      const raw = proj4('EPSG:4326', 'EPSG:2154').forward((f.geometry as { coordinates: number[] }).coordinates);
      return pt(...(proj4('EPSG:3857', 'EPSG:4326').forward(raw) as [number, number]), String(f.properties.nom));
    });
    expect((wrong[0].geometry as { coordinates: number[] }).coordinates[1]).toBeGreaterThan(52);
    const fixed = reprojectFeatures(wrong, 'EPSG:3857', 'EPSG:2154');
    expect(fixed.dropped).toBe(0);
    fixed.features.forEach((f, i) => {
      const [lon, lat] = (f.geometry as { coordinates: number[] }).coordinates;
      const [lon0, lat0] = (places[i].geometry as { coordinates: number[] }).coordinates;
      expect(lon).toBeCloseTo(lon0, 6);
      expect(lat).toBeCloseTo(lat0, 6);
    });
    // A choice that sends everything out of France drops the features and counts them.
    const away = reprojectFeatures(places, 'EPSG:2154', 'EPSG:3950');
    expect(away.features).toHaveLength(0);
    expect(away.dropped).toBe(2);
  });
});
