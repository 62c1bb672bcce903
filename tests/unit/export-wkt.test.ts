import { describe, expect, it } from 'vitest';
import { exportFileName, slugify } from '../../src/core/export/filename';
import { formatCoordinate, toWkt } from '../../src/core/export/wkt';

describe('toWkt', () => {
  it('writes every GeoJSON geometry type in 2D', () => {
    expect(toWkt({ type: 'Point', coordinates: [2.83, 50.43, 45] })).toBe('POINT (2.83 50.43)');
    expect(
      toWkt({
        type: 'MultiLineString',
        coordinates: [
          [
            [2.8, 50.4],
            [2.81, 50.41],
          ],
          [
            [2.9, 50.5],
            [2.91, 50.51],
          ],
        ],
      }),
    ).toBe('MULTILINESTRING ((2.8 50.4, 2.81 50.41), (2.9 50.5, 2.91 50.51))');
    expect(
      toWkt({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
          [
            [
              [2, 2],
              [3, 2],
              [3, 3],
              [2, 2],
            ],
          ],
        ],
      }),
    ).toBe('MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((2 2, 3 2, 3 3, 2 2)))');
    expect(
      toWkt({
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [1, 2] },
          {
            type: 'LineString',
            coordinates: [
              [1, 2],
              [3, 4],
            ],
          },
        ],
      }),
    ).toBe('GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (1 2, 3 4))');
  });

  it('writes empty geometries as EMPTY', () => {
    expect(toWkt({ type: 'Point', coordinates: [] })).toBe('POINT EMPTY');
    expect(toWkt({ type: 'Polygon', coordinates: [] })).toBe('POLYGON EMPTY');
    expect(toWkt({ type: 'GeometryCollection', geometries: [] })).toBe('GEOMETRYCOLLECTION EMPTY');
  });

  it('keeps at most 7 decimals, in fixed notation, without negative zero', () => {
    expect(formatCoordinate(2.123456789)).toBe('2.1234568');
    expect(formatCoordinate(1e-7)).toBe('0.0000001');
    expect(formatCoordinate(-1e-9)).toBe('0');
    expect(formatCoordinate(50)).toBe('50');
    expect(formatCoordinate(-0.5)).toBe('-0.5');
  });
});

describe('export file names', () => {
  it('strips accents, ligatures and path characters', () => {
    expect(slugify('Cœur de Liévin — étude n°2')).toBe('coeur-de-lievin-etude-n-2');
    expect(slugify('C:\\Users\\x\\..\\evil')).toBe('c-users-x-evil');
    expect(slugify('  \u0000 ')).toBe('export');
    expect(slugify('a'.repeat(200))).toHaveLength(80);
  });

  it('does not repeat the extension', () => {
    expect(exportFileName('corridor.geojson', 'geojson')).toBe('corridor.geojson');
    expect(exportFileName('geojson', 'geojson')).toBe('geojson.geojson');
  });
});
