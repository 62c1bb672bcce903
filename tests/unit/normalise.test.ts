import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { crsFromName, featureLabel, isEmptyGeometry, normalise } from '../../scripts/geodata/steps/normalise';
import type { GeoFeature } from '../../layers/types';
import { box, line, point, polygon } from '../fixtures/territory';

const f = (geometry: GeoFeature['geometry'], properties: Record<string, unknown> = {}): GeoFeature => ({ type: 'Feature', properties, geometry });

/** Twice the signed planar area of a ring: > 0 counter-clockwise. */
const signedArea = (ring: Position[]) => ring.slice(0, -1).reduce((s, p, i) => s + p[0] * ring[i + 1][1] - ring[i + 1][0] * p[1], 0);

describe('crsFromName', () => {
  it('maps the usual spellings to EPSG codes', () => {
    expect(crsFromName('urn:ogc:def:crs:EPSG::2154')).toBe('EPSG:2154');
    expect(crsFromName('EPSG:3950')).toBe('EPSG:3950');
    expect(crsFromName('urn:ogc:def:crs:OGC:1.3:CRS84')).toBe('EPSG:4326');
    expect(crsFromName('urn:ogc:def:crs:EPSG::4326')).toBe('EPSG:4326');
    expect(crsFromName(null)).toBeNull();
  });
});

describe('normalise: coordinate reference systems', () => {
  it('reprojects Lambert-93 to lon/lat: (700000, 6600000) is lon 3°, lat 46.5°', () => {
    // x_0/y_0 of Lambert-93 are the false easting/northing at lon_0 = 3°, lat_0 = 46.5°.
    const { features, report } = normalise(
      [f({ type: 'Point', coordinates: [700_000, 6_600_000] }, { nom: 'origine' })],
      'urn:ogc:def:crs:EPSG::2154',
    );
    expect(report.crs).toBe('EPSG:2154');
    const [lon, lat] = (features[0].geometry as { coordinates: Position }).coordinates;
    expect(lon).toBeCloseTo(3, 9);
    expect(lat).toBeCloseTo(46.5, 9);
  });

  it('reprojects a Lambert-93 polygon: a 1 km step north moves the latitude by about 1/111 degree', () => {
    const ring = [
      [700_000, 6_600_000],
      [701_000, 6_600_000],
      [701_000, 6_601_000],
      [700_000, 6_601_000],
      [700_000, 6_600_000],
    ];
    const { features } = normalise([f({ type: 'Polygon', coordinates: [ring] })], 'EPSG:2154');
    const out = (features[0].geometry as { coordinates: Position[][] }).coordinates[0];
    expect(out).toHaveLength(5);
    for (const p of out) {
      expect(p[0]).toBeGreaterThan(2.99);
      expect(p[0]).toBeLessThan(3.02);
      expect(p[1]).toBeGreaterThan(46.49);
      expect(p[1]).toBeLessThan(46.52);
    }
    // 1 km of meridian on the ellipsoid at 46.5° is ≈ 0.00900° (1 / 111.1 km).
    const lats = out.map((p) => p[1]);
    expect(Math.max(...lats) - Math.min(...lats)).toBeCloseTo(1 / 111.13, 4);
  });

  it('reprojects the CC50 zone (EPSG:3950): (1700000, 9200000) is lon 3°, lat 50°', () => {
    const { features, report } = normalise([f({ type: 'Point', coordinates: [1_700_000, 9_200_000] })], 'urn:ogc:def:crs:EPSG::3950');
    expect(report.crs).toBe('EPSG:3950');
    const [lon, lat] = (features[0].geometry as { coordinates: Position }).coordinates;
    expect(lon).toBeCloseTo(3, 9);
    expect(lat).toBeCloseTo(50, 9);
  });

  it('rejects an unknown CRS with a French message naming it', () => {
    expect(() => normalise([point(1, 2) as GeoFeature], 'urn:ogc:def:crs:EPSG::987654')).toThrow(
      'système de coordonnées « urn:ogc:def:crs:EPSG::987654 » inconnu : reprojeter le fichier en WGS84 (EPSG:4326)',
    );
  });

  it('leaves WGS84 lon/lat untouched', () => {
    const { features, report } = normalise([point(2.83, 50.43) as GeoFeature], 'urn:ogc:def:crs:OGC:1.3:CRS84');
    expect(report).toEqual({ crs: 'EPSG:4326', dropped: [], swappedAxes: false });
    expect(features[0].geometry).toEqual({ type: 'Point', coordinates: [2.83, 50.43] });
  });

  it('detects lat/lon-swapped coordinates and swaps them back', () => {
    const { features, report } = normalise(
      [
        f({ type: 'Point', coordinates: [50.43, 2.83] }),
        f({
          type: 'LineString',
          coordinates: [
            [50.4, 2.8],
            [50.44, 2.82],
          ],
        }),
      ],
      null,
    );
    expect(report.swappedAxes).toBe(true);
    expect(features[0].geometry).toEqual({ type: 'Point', coordinates: [2.83, 50.43] });
    expect(features[1].geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [2.8, 50.4],
        [2.82, 50.44],
      ],
    });
  });

  it('does not swap when the coordinates are already lon/lat in France', () => {
    const { features, report } = normalise([point(2.83, 50.43) as GeoFeature, point(-1.5, 47.2) as GeoFeature], null);
    expect(report.swappedAxes).toBe(false);
    expect(features[1].geometry).toEqual({ type: 'Point', coordinates: [-1.5, 47.2] });
  });
});

describe('normalise: properties and geometry', () => {
  it('lower-cases property keys, keeping the values', () => {
    const { features } = normalise([f({ type: 'Point', coordinates: [2.8, 50.4] }, { NOM_USUEL: 'Terril 58', Code_INSEE: '62498', id: 3 })], null);
    expect(features[0].properties).toEqual({ nom_usuel: 'Terril 58', code_insee: '62498', id: 3 });
  });

  it('drops extra ordinates (Z, M)', () => {
    const { features } = normalise(
      [
        f({
          type: 'LineString',
          coordinates: [
            [2.8, 50.4, 35],
            [2.81, 50.41, 40, 7],
          ],
        }),
      ],
      null,
    );
    expect(features[0].geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [2.8, 50.4],
        [2.81, 50.41],
      ],
    });
  });

  it('drops empty geometries and names each one with its reason', () => {
    const input: GeoFeature[] = [
      f(null as unknown as GeoFeature['geometry'], { code: '62498' }),
      f({ type: 'Polygon', coordinates: [] }, { nom: 'Cité vide' }),
      f({ type: 'MultiPolygon', coordinates: [[]] }, { id_lsm: 348 }),
      f({ type: 'LineString', coordinates: [] }),
      f({ type: 'GeometryCollection', geometries: [] }),
      point(2.81, 50.43, { nom: 'gardé' }) as GeoFeature,
    ];
    const { features, report } = normalise(input, null);
    expect(features.map((x) => x.properties.nom)).toEqual(['gardé']);
    expect(report.dropped).toEqual([
      { id: 'code=62498', reason: 'géométrie vide' },
      { id: 'nom=Cité vide', reason: 'géométrie vide' },
      { id: 'id_lsm=348', reason: 'géométrie vide' },
      { id: 'n°3', reason: 'géométrie vide' },
      { id: 'n°4', reason: 'géométrie vide' },
    ]);
  });

  it('rewinds polygons to RFC 7946: outer rings counter-clockwise, holes clockwise', () => {
    const clockwiseOuter = [
      [2.8, 50.4],
      [2.8, 50.44],
      [2.84, 50.44],
      [2.84, 50.4],
      [2.8, 50.4],
    ];
    const counterClockwiseHole = [
      [2.81, 50.41],
      [2.83, 50.41],
      [2.83, 50.43],
      [2.81, 50.43],
      [2.81, 50.41],
    ];
    expect(signedArea(clockwiseOuter)).toBeLessThan(0);
    expect(signedArea(counterClockwiseHole)).toBeGreaterThan(0);
    const { features } = normalise(
      [polygon([clockwiseOuter, counterClockwiseHole]) as GeoFeature, f({ type: 'MultiPolygon', coordinates: [[clockwiseOuter]] })],
      null,
    );
    const [outer, hole] = (features[0].geometry as { coordinates: Position[][] }).coordinates;
    expect(signedArea(outer)).toBeGreaterThan(0);
    expect(signedArea(hole)).toBeLessThan(0);
    const multiOuter = (features[1].geometry as { coordinates: Position[][][] }).coordinates[0][0];
    expect(signedArea(multiOuter)).toBeGreaterThan(0);
    // Same vertices, only the order changed.
    expect([...outer].sort()).toEqual([...clockwiseOuter].sort());
  });

  it('keeps an already counter-clockwise polygon as it is', () => {
    const square = box(2.8, 50.4, 2.82, 50.42);
    const { features } = normalise([square as GeoFeature], null);
    expect(features[0].geometry).toEqual(square.geometry);
  });

  it('does not modify its input', () => {
    const input = [
      f(
        {
          type: 'LineString',
          coordinates: [
            [50.4, 2.8, 1],
            [50.44, 2.82, 2],
          ],
        },
        { NOM: 'x' },
      ),
    ];
    const copy = structuredClone(input);
    normalise(input, null);
    expect(input).toEqual(copy);
  });
});

describe('isEmptyGeometry / featureLabel', () => {
  it('tells empty from non-empty geometries', () => {
    expect(isEmptyGeometry(null)).toBe(true);
    expect(isEmptyGeometry({ type: 'MultiLineString', coordinates: [[], []] })).toBe(true);
    expect(isEmptyGeometry({ type: 'Point', coordinates: [2.8, 50.4] })).toBe(false);
    expect(
      isEmptyGeometry(
        line([
          [2.8, 50.4],
          [2.81, 50.4],
        ]).geometry,
      ),
    ).toBe(false);
    expect(isEmptyGeometry({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 2] }] })).toBe(false);
  });

  it('names a feature by its most specific identifier', () => {
    expect(featureLabel(f({ type: 'Point', coordinates: [0, 0] }, { nom: 'Cité 9', id_lsm: 12, id_unesco: '87-CI' }), 0)).toBe('id_unesco=87-CI');
    expect(featureLabel(f({ type: 'Point', coordinates: [0, 0] }, { nom: 'Cité 9', id_lsm: 12 }), 0)).toBe('id_lsm=12');
    expect(featureLabel(f({ type: 'Point', coordinates: [0, 0] }, { nom: 'Cité 9', code: '' }), 0)).toBe('nom=Cité 9');
    expect(featureLabel(f({ type: 'Point', coordinates: [0, 0] }, {}), 41)).toBe('n°41');
  });
});

describe('normalise: system names that only look registered', () => {
  // Found by fuzzing: proj4.defs is a function, so "bind" found Function.prototype.bind and proj4 threw a bare string.
  for (const name of ['bind', 'call', 'toString']) {
    it(`refuses « ${name} » in French`, () => {
      expect(() => normalise([], name)).toThrow(`système de coordonnées « ${name} » inconnu`);
    });
  }
});
