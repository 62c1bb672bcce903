import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import type { GeoFeature } from '../../layers/types';
import { PbfReader } from 'pbf';
import { classifyRings, VectorTile, type VectorTileFeature } from '@mapbox/vector-tile';
import { boundsOf, decodeLayer, encodeFgb, encodeFgbAsync, geometryTypesOf, reprojectFeatures } from '../../src/core/codec/layer-codec';
import { writeFlatGeobufAsync } from '../../src/core/fgb/write';
import { LayerTiles } from '../../src/core/codec/tiles';
import { featureIndexOfTile, TILE_LAYER, TILE_MAX_ZOOM } from '../../src/core/codec/tile-url';
import { generatedParcels } from '../../scripts/bench/generate';
import '../../src/core/geo/crs';

/** The tile (x, y, z) that holds a lon/lat. */
function tileOf(z: number, lon: number, lat: number): [number, number, number] {
  const s = Math.sin((lat * Math.PI) / 180);
  const x = Math.floor(((lon + 180) / 360) * 2 ** z);
  const y = Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * 2 ** z);
  return [x, y, z];
}

function decodeTile(tiles: LayerTiles, z: number, lon: number, lat: number): VectorTileFeature[] {
  const [x, y] = tileOf(z, lon, lat);
  const bytes = tiles.tile(z, x, y);
  if (!bytes) return [];
  const layer = new VectorTile(new PbfReader(bytes)).layers[TILE_LAYER];
  return Array.from({ length: layer.length }, (_, i) => layer.feature(i));
}

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

  it('keeps features in the order they came, so an index survives a reload', async () => {
    const decoded = await decodeLayer(encodeFgb(features));
    expect(decoded.map((f) => f.properties.nom)).toEqual(['Lens', 'Liévin', 'Voie', 'Collection']);
  });

  it('writes the same file in slices, pausing between them (the worker answers tile requests meanwhile)', async () => {
    const parcels = [...generatedParcels(4100), ...features] as GeoFeature[];
    const shares: number[] = [];
    const sliced = await writeFlatGeobufAsync(parcels, async (done) => void shares.push(done), { name: 'atlas-lens-lievin', order: 'as-given' });
    // Byte for byte (compared as buffers: a deep equal of 700 kB takes seconds).
    expect(Buffer.from(sliced).equals(Buffer.from(encodeFgb(parcels)))).toBe(true);
    // Two passes over 4,104 features, a pause every 2,000, each saying how far the writing is.
    expect(shares.map((d) => Math.round(d * 100))).toEqual([24, 49, 74, 99]);
    expect(Buffer.from(await encodeFgbAsync(parcels)).equals(Buffer.from(sliced))).toBe(true);
  });

  it('cuts tiles carrying each feature’s index, geometry collections member by member', () => {
    const tiles = new LayerTiles(features);
    // Zoom 6: one tile holds Lens and Liévin (a tile edge runs at 2.8125° E from zoom 7).
    const decoded = decodeTile(tiles, 6, 2.85, 50.43);
    expect(decoded.map((f) => [f.id, f.type]).sort()).toEqual([
      [1, 1],
      [2, 1],
      [3, 2],
      [4, 1],
      [4, 2],
    ]);
    // Indices come back from the drawn ids.
    expect(decoded.map((f) => featureIndexOfTile(f.id!)).sort()).toEqual([0, 1, 2, 3, 3]);
    // Nothing outside the layer: no tile at all.
    expect(tiles.tile(6, 0, 0)).toBeNull();
  });

  it('keeps small parcels in the tiles of a phone’s territory view, where they are a pixel wide', () => {
    // A 30 m square at Lens: about 2.5 tile units at zoom 9.
    const [dx, dy] = [30 / (111_320 * Math.cos((50.43 * Math.PI) / 180)), 30 / 111_320];
    const square: GeoFeature = {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [2.83, 50.43],
            [2.83 + dx, 50.43],
            [2.83 + dx, 50.43 + dy],
            [2.83, 50.43 + dy],
            [2.83, 50.43],
          ],
        ],
      },
      properties: {},
    };
    for (const z of [9, 10, 12]) {
      const [parcel] = decodeTile(new LayerTiles([square]), z, 2.83, 50.43);
      expect(parcel?.id, `zoom ${z}`).toBe(1);
      // Still an area, not a ring collapsed to a line.
      expect(parcel.loadGeometry()[0].length, `zoom ${z}`).toBeGreaterThanOrEqual(4);
    }
  });

  it('keeps holes and parts of polygons in the tiles, at the precision of the deepest zoom', () => {
    const ring = (x: number, y: number, d: number) => [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ];
    const polygons: GeoFeature[] = [
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring(2.8, 50.4, 0.02), ring(2.805, 50.405, 0.005).reverse()] }, properties: {} },
      { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [[ring(2.83, 50.4, 0.01)], [ring(2.85, 50.4, 0.01)]] }, properties: {} },
    ];
    const [holed, parts] = decodeTile(new LayerTiles(polygons), 11, 2.82, 50.41).sort((a, b) => a.id! - b.id!);
    expect(holed.type).toBe(3);
    expect(classifyRings(holed.loadGeometry()).map((p) => p.length)).toEqual([2]);
    expect(classifyRings(parts.loadGeometry()).map((p) => p.length)).toEqual([1, 1]);
    // At zoom 16 a corner lands within a tile unit (~10 cm here) of where it is.
    const deep = decodeTile(new LayerTiles(polygons), TILE_MAX_ZOOM, 2.8, 50.4).find((f) => f.id === 1)!;
    const corner = deep.toGeoJSON(...tileOf(TILE_MAX_ZOOM, 2.8, 50.4)).geometry as { coordinates: number[][][] };
    const nearest = Math.min(...corner.coordinates[0].map(([x, y]) => Math.hypot(x - 2.8, y - 50.4)));
    expect(nearest).toBeLessThan(2e-6);
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
