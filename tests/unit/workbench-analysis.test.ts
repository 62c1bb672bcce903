import { describe, expect, it } from 'vitest';
import { area, booleanPointInPolygon } from '@turf/turf';
import { AnalysisError, analyseBuffer, bufferUnion, sublayerHit, type ThematicInput } from '../../src/core/analysis/buffer-analysis';
import { areaInsideHa, lengthInsideKm, lengthKm } from '../../layers/metrics';
import type { GeoFeature } from '../../layers/types';
import { KM_PER_DEG, box, line, point } from '../fixtures/territory';

const g = (f: unknown) => f as GeoFeature;
// A 2.84 km west-east corridor along the parallel 50.43 N (lon 2.80 → 2.84).
const corridor = g(
  line(
    [
      [2.8, 50.43],
      [2.84, 50.43],
    ],
    { nom: 'Corridor test' },
  ),
);
const corridorKm = lengthKm([corridor]);
const metresPerDegLat = KM_PER_DEG * 1000;

function input(sublayerId: string, geometry: ThematicInput['geometry'], features: GeoFeature[]): ThematicInput {
  return { layerId: sublayerId.split('-')[0], sublayerId, title: `Titre ${sublayerId}`, geometry, nameField: 'nom', features };
}

describe('bufferUnion', () => {
  it('buffers a line into a stadium of area 2dL + πd² (to 1 %)', () => {
    const d = 100;
    const zone = bufferUnion([corridor], d);
    const expected = 2 * d * corridorKm * 1000 + Math.PI * d * d;
    expect(Math.abs(area(zone) - expected) / expected).toBeLessThan(0.01);
  });

  it('merges the buffers of several features into one zone', () => {
    const a = g(point(2.8, 50.43));
    const b = g(point(2.8005, 50.43)); // ~36 m apart: their 50 m discs overlap
    const zone = bufferUnion([a, b], 50);
    expect(zone.geometry.type).toBe('Polygon');
    expect(area(zone)).toBeLessThan(2 * Math.PI * 50 * 50);
    expect(area(zone)).toBeGreaterThan(Math.PI * 50 * 50);
  });

  it('refuses a distance out of range and an empty source, in French', () => {
    expect(() => bufferUnion([corridor], 0)).toThrow(AnalysisError);
    expect(() => bufferUnion([corridor], 0)).toThrow(/distance doit être comprise/);
    expect(() => bufferUnion([corridor], 60_000)).toThrow(/50 km/);
    expect(() => bufferUnion([], 100)).toThrow(/zone tampon est vide/);
  });
});

describe('sublayerHit', () => {
  const zone = bufferUnion([corridor], 100);

  it('measures the length of a crossing line inside the zone: 2 × 100 m for a perpendicular one', () => {
    const crossing = g(
      line(
        [
          [2.82, 50.42],
          [2.82, 50.44],
        ],
        { nom: 'Voie nord-sud' },
      ),
    );
    const far = g(
      line(
        [
          [2.9, 50.42],
          [2.9, 50.44],
        ],
        { nom: 'Loin' },
      ),
    );
    const { hit, pieces } = sublayerHit(zone, input('ev5-troncons', 'line', [crossing, far]));
    expect(hit.count).toBe(1);
    expect(hit.features).toEqual([{ index: 0, name: 'Voie nord-sud' }]);
    expect(hit.lengthKm).toBeCloseTo(0.2, 2);
    expect(hit.lengthKm).toBeCloseTo(lengthInsideKm([crossing, far], zone), 9);
    expect(hit.areaHa).toBeNull();
    expect(pieces).toHaveLength(1);
    expect(pieces[0].properties).toMatchObject({ couche: 'Titre ev5-troncons', nom: 'Voie nord-sud' });
    expect(pieces[0].properties.longueur_km).toBeCloseTo(0.2, 2);
  });

  it('measures the area of polygons inside the zone with the cards’ function', () => {
    // A box straddling the corridor's north edge: 50 m of its 200 m height is inside the zone.
    const dLat = 1 / metresPerDegLat;
    const straddling = g(box(2.81, 50.43 + 50 * dLat, 2.82, 50.43 + 250 * dLat, { nom: 'Parc' }));
    const { hit } = sublayerHit(zone, input('parcs-espaces', 'polygon', [straddling]));
    expect(hit.count).toBe(1);
    expect(hit.areaHa).toBeCloseTo(areaInsideHa([straddling], zone), 9);
    const widthM = 0.01 * Math.cos((50.43 * Math.PI) / 180) * metresPerDegLat;
    expect(hit.areaHa!).toBeCloseTo((widthM * 50) / 10_000, 1);
    expect(hit.lengthKm).toBeNull();
  });

  it('counts points inside the zone and names unnamed ones by their number', () => {
    const dLat = 1 / metresPerDegLat;
    const inside = g(point(2.81, 50.43 + 60 * dLat, { nom: 'Puits 11' }));
    const unnamed = g(point(2.83, 50.43 - 90 * dLat));
    const outside = g(point(2.81, 50.43 + 160 * dLat, { nom: 'Puits 19' }));
    const { hit } = sublayerHit(zone, input('cites-puits', 'point', [outside, inside, unnamed]));
    expect(hit.count).toBe(2);
    expect(hit.features).toEqual([
      { index: 1, name: 'Puits 11' },
      { index: 2, name: 'entité n° 3' },
    ]);
    expect(hit.lengthKm).toBeNull();
    expect(hit.areaHa).toBeNull();
  });
});

describe('analyseBuffer', () => {
  it('returns the zone first, then the touched features clipped to it, and one hit per sublayer', () => {
    const stages: number[] = [];
    const thematic = [
      input('ev5-troncons', 'line', [
        g(
          line(
            [
              [2.82, 50.42],
              [2.82, 50.44],
            ],
            { nom: 'EV5' },
          ),
        ),
      ]),
      input('cites-puits', 'point', [g(point(2.83, 50.5, { nom: 'Loin' }))]),
    ];
    const out = analyseBuffer([corridor], 100, thematic, { kind: 'espace', itemId: 'ws-1', name: 'Corridor test' }, (f) => stages.push(f));
    expect(out.features[0].properties).toMatchObject({ couche: 'Zone tampon', distance_m: 100 });
    expect(booleanPointInPolygon([2.82, 50.43], out.features[0] as never)).toBe(true);
    expect(out.features).toHaveLength(2);
    expect(out.summary.hits.map((h) => [h.sublayerId, h.count])).toEqual([
      ['ev5-troncons', 1],
      ['cites-puits', 0],
    ]);
    expect(out.summary.bufferAreaHa).toBeCloseTo(area(out.features[0]) / 10_000, 6);
    expect(stages[0]).toBe(0);
    expect(stages.at(-1)).toBe(1);
  });
});
