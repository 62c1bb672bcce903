import { area } from '@turf/turf';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { validate, validateFeature } from '../../scripts/geodata/steps/validate';
import type { GeoFeature } from '../../layers/types';
import { box, boxAreaHa, line, point, polygon } from '../fixtures/territory';

const f = (geometry: GeoFeature['geometry'], properties: Record<string, unknown> = {}): GeoFeature => ({ type: 'Feature', properties, geometry });
const signedArea = (ring: Position[]) => ring.slice(0, -1).reduce((s, p, i) => s + p[0] * ring[i + 1][1] - ring[i + 1][0] * p[1], 0);

describe('validateFeature: valid input passes unchanged', () => {
  it('keeps a clean polygon, line and point with no issue', () => {
    for (const feature of [
      box(2.8, 50.4, 2.82, 50.42, { nom: 'carré' }),
      line([
        [2.8, 50.4],
        [2.81, 50.41],
      ]),
      point(2.8, 50.4),
    ]) {
      const { feature: out, issue } = validateFeature(feature as GeoFeature, 0);
      expect(issue).toBeUndefined();
      expect(out).toEqual(feature);
    }
  });
});

describe('validateFeature: repairs', () => {
  it('closes an unclosed ring', () => {
    const { feature, issue } = validateFeature(
      polygon(
        [
          [
            [2.8, 50.4],
            [2.82, 50.4],
            [2.82, 50.42],
            [2.8, 50.42],
          ],
        ],
        { nom: 'Parc ouvert' },
      ) as GeoFeature,
      0,
    );
    expect(feature?.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [2.8, 50.4],
          [2.82, 50.4],
          [2.82, 50.42],
          [2.8, 50.42],
          [2.8, 50.4],
        ],
      ],
    });
    expect(issue).toEqual({ id: 'nom=Parc ouvert', problem: 'anneau non fermé', action: 'réparé' });
  });

  it('removes consecutive duplicate vertices from rings and lines', () => {
    const ring = [
      [2.8, 50.4],
      [2.82, 50.4],
      [2.82, 50.4],
      [2.82, 50.42],
      [2.8, 50.42],
      [2.8, 50.42],
      [2.8, 50.4],
    ];
    const poly = validateFeature(polygon([ring], { id: 'P1' }) as GeoFeature, 0);
    expect(poly.feature?.geometry).toEqual(box(2.8, 50.4, 2.82, 50.42).geometry);
    expect(poly.issue).toEqual({ id: 'id=P1', problem: 'sommets consécutifs dupliqués', action: 'réparé' });

    const ln = validateFeature(
      line([
        [2.8, 50.4],
        [2.8, 50.4],
        [2.81, 50.41],
        [2.82, 50.41],
        [2.82, 50.41],
      ]) as GeoFeature,
      4,
    );
    expect(ln.feature?.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [2.8, 50.4],
        [2.81, 50.41],
        [2.82, 50.41],
      ],
    });
    expect(ln.issue).toMatchObject({ id: 'n°4', problem: 'sommets consécutifs dupliqués', action: 'réparé' });
  });

  it('lists every repair of one feature once', () => {
    const ring = [
      [2.8, 50.4],
      [2.82, 50.4],
      [2.82, 50.4],
      [2.82, 50.42],
      [2.8, 50.42],
    ];
    const { issue } = validateFeature(polygon([ring]) as GeoFeature, 0);
    expect(issue?.problem).toBe('sommets consécutifs dupliqués, anneau non fermé');
  });

  it('splits a self-intersecting "bow-tie" polygon into its two lobes, keeping the area', () => {
    // The diagonals of the 0.02° square cross at its centre (2.81, 50.41).
    const bowTie = [
      [2.8, 50.4],
      [2.82, 50.42],
      [2.82, 50.4],
      [2.8, 50.42],
      [2.8, 50.4],
    ];
    const { feature, issue } = validateFeature(polygon([bowTie], { nom: 'Noeud' }) as GeoFeature, 0);
    expect(issue).toEqual({ id: 'nom=Noeud', problem: 'polygone auto-intersecté découpé', action: 'réparé' });
    expect(feature?.geometry.type).toBe('MultiPolygon');
    const parts = (feature!.geometry as { coordinates: Position[][][] }).coordinates;
    expect(parts).toHaveLength(2);
    // Each lobe is a triangle with the crossing point as a vertex.
    for (const part of parts) {
      expect(part).toHaveLength(1);
      expect(part[0]).toHaveLength(4);
      expect(part[0].some((p) => Math.abs(p[0] - 2.81) < 1e-9 && Math.abs(p[1] - 50.41) < 1e-9)).toBe(true);
    }
    // Two triangles of a quarter of the square each: half the square.
    const half = boxAreaHa(2.8, 50.4, 2.82, 50.42) / 2;
    expect(area(feature!) / 10_000).toBeCloseTo(half, 0);
    expect(Math.abs(area(feature!) / 10_000 - half) / half).toBeLessThan(1e-3);
  });

  it('gives the lobes of a split polygon RFC 7946 winding (outer rings counter-clockwise)', () => {
    const bowTie = [
      [2.8, 50.4],
      [2.82, 50.42],
      [2.82, 50.4],
      [2.8, 50.42],
      [2.8, 50.4],
    ];
    const { feature } = validateFeature(polygon([bowTie]) as GeoFeature, 0);
    for (const part of (feature!.geometry as { coordinates: Position[][][] }).coordinates) expect(signedArea(part[0])).toBeGreaterThan(0);
  });

  it('removes a degenerate hole and drops a degenerate part of a MultiLineString', () => {
    const outer = box(2.8, 50.4, 2.82, 50.42).geometry.coordinates[0];
    const hole = polygon([
      outer,
      [
        [2.81, 50.41],
        [2.81, 50.41],
        [2.81, 50.41],
      ],
    ]);
    const h = validateFeature(hole as GeoFeature, 0);
    expect(h.feature?.geometry).toEqual({ type: 'Polygon', coordinates: [outer] });
    expect(h.issue?.problem).toContain('trou dégénéré supprimé');

    const ml = validateFeature(
      f({
        type: 'MultiLineString',
        coordinates: [
          [
            [2.8, 50.4],
            [2.81, 50.4],
          ],
          [[2.9, 50.5]],
        ],
      }),
      0,
    );
    expect(ml.feature?.geometry).toEqual({
      type: 'MultiLineString',
      coordinates: [
        [
          [2.8, 50.4],
          [2.81, 50.4],
        ],
      ],
    });
    expect(ml.issue).toMatchObject({ problem: 'partie de ligne dégénérée supprimée', action: 'réparé' });
  });

  it('drops a degenerate part of a MultiPolygon and keeps the others', () => {
    const good = box(2.8, 50.4, 2.82, 50.42).geometry.coordinates;
    const { feature, issue } = validateFeature(
      f({
        type: 'MultiPolygon',
        coordinates: [
          good,
          [
            [
              [2.9, 50.5],
              [2.91, 50.5],
              [2.9, 50.5],
            ],
          ],
        ],
      }),
      0,
    );
    expect(feature?.geometry).toEqual({ type: 'Polygon', coordinates: good });
    expect(issue?.problem).toContain('partie de polygone dégénérée supprimée');
  });
});

describe('validateFeature: skipped and named', () => {
  const skipped = (g: GeoFeature['geometry'], props: Record<string, unknown> = {}, index = 0) => {
    const { feature, issue } = validateFeature(f(g, props), index);
    expect(feature).toBeNull();
    expect(issue?.action).toBe('ignoré');
    return issue!;
  };

  it('skips a line with one point', () => {
    expect(skipped({ type: 'LineString', coordinates: [[2.8, 50.4]] }, { id_troncon: 'T12' })).toEqual({
      id: 'id_troncon=T12',
      problem: 'ligne de moins de deux sommets distincts',
      action: 'ignoré',
    });
  });

  it('skips a line whose points are all the same', () => {
    expect(
      skipped({
        type: 'LineString',
        coordinates: [
          [2.8, 50.4],
          [2.8, 50.4],
          [2.8, 50.4],
        ],
      }).problem,
    ).toBe('ligne de moins de deux sommets distincts');
  });

  it('skips NaN, infinite and out-of-range coordinates', () => {
    expect(skipped({ type: 'Point', coordinates: [NaN, 50.4] }, { nom: 'Puits NaN' })).toEqual({
      id: 'nom=Puits NaN',
      problem: 'coordonnées non numériques ou hors limites (longitude/latitude)',
      action: 'ignoré',
    });
    expect(
      skipped({
        type: 'LineString',
        coordinates: [
          [2.8, 50.4],
          [2.81, Infinity],
        ],
      }).problem,
    ).toMatch(/non numériques/);
    // A Lambert-93 coordinate that escaped reprojection.
    expect(skipped({ type: 'Point', coordinates: [700_000, 6_600_000] }).problem).toMatch(/hors limites/);
    expect(
      skipped({
        type: 'Polygon',
        coordinates: [
          [
            [2.8, 50.4],
            [2.82, 50.4],
            [2.82, NaN],
            [2.8, 50.4],
          ],
        ],
      }).problem,
    ).toMatch(/non numériques/);
  });

  it('skips a polygon with fewer than three distinct vertices', () => {
    expect(
      skipped({
        type: 'Polygon',
        coordinates: [
          [
            [2.8, 50.4],
            [2.82, 50.4],
            [2.8, 50.4],
          ],
        ],
      }).problem,
    ).toBe('polygone de moins de trois sommets distincts');
  });

  it('skips an empty geometry and a geometry collection', () => {
    expect(skipped({ type: 'Polygon', coordinates: [] }).problem).toBe('géométrie vide');
    expect(skipped({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [2.8, 50.4] }] }).problem).toBe(
      'collection de géométries non prise en charge',
    );
  });

  it('skips a self-intersecting polygon with a hole', () => {
    const bowTie = [
      [2.8, 50.4],
      [2.82, 50.42],
      [2.82, 50.4],
      [2.8, 50.42],
      [2.8, 50.4],
    ];
    const hole = [
      [2.815, 50.405],
      [2.818, 50.405],
      [2.818, 50.408],
      [2.815, 50.405],
    ];
    expect(skipped({ type: 'Polygon', coordinates: [bowTie, hole] }, { id_lsm: 9 }).problem).toBe('polygone à trous auto-intersecté');
  });
});

describe('validate', () => {
  it('counts repaired and skipped features and drops nothing silently', () => {
    const input: GeoFeature[] = [
      box(2.8, 50.4, 2.82, 50.42, { nom: 'propre' }) as GeoFeature,
      polygon(
        [
          [
            [2.8, 50.4],
            [2.82, 50.4],
            [2.82, 50.42],
            [2.8, 50.42],
          ],
        ],
        { nom: 'ouvert' },
      ) as GeoFeature,
      line([[2.8, 50.4]], { nom: 'un point' }) as GeoFeature,
      point(NaN, NaN, { nom: 'nulle part' }) as GeoFeature,
      line(
        [
          [2.8, 50.4],
          [2.81, 50.41],
        ],
        { nom: 'ligne' },
      ) as GeoFeature,
    ];
    const result = validate(input);
    expect(result.features.map((x) => x.properties.nom)).toEqual(['propre', 'ouvert', 'ligne']);
    expect(result.repaired).toBe(1);
    expect(result.skipped).toBe(2);
    expect(result.issues).toEqual([
      { id: 'nom=ouvert', problem: 'anneau non fermé', action: 'réparé' },
      { id: 'nom=un point', problem: 'ligne de moins de deux sommets distincts', action: 'ignoré' },
      { id: 'nom=nulle part', problem: 'coordonnées non numériques ou hors limites (longitude/latitude)', action: 'ignoré' },
    ]);
    expect(result.features.length + result.skipped).toBe(input.length);
  });

  it('keeps the properties of repaired features', () => {
    const result = validate([
      polygon(
        [
          [
            [2.8, 50.4],
            [2.82, 50.4],
            [2.82, 50.42],
            [2.8, 50.42],
          ],
        ],
        { nom: 'Parc', surface_ha: 12 },
      ) as GeoFeature,
    ]);
    expect(result.features[0].properties).toEqual({ nom: 'Parc', surface_ha: 12 });
  });
});
