import { describe, expect, it } from 'vitest';
import { ev5Pieces, ev5Pipeline, EV5_RELATION } from '../../layers/ev5/pipeline';
import type { GeoFeature } from '../../layers/types';
import { KM_PER_DEG, communesLayer, fakeContext, features, line, territoryFeature } from '../fixtures/territory';

// GPX segments as the reader hands them (gpx_segment numbered from 0).
const crossing = () =>
  line(
    [
      [2.805, 50.38],
      [2.805, 50.46],
    ],
    { gpx_segment: 0 },
  ); // 0.04° inside: Éleu then Lens
const outside = () =>
  line(
    [
      [2.9, 50.38],
      [2.9, 50.46],
    ],
    { gpx_segment: 1 },
  );
const lievinOnly = () =>
  line(
    [
      [2.79, 50.43],
      [2.79, 50.435],
    ],
    { gpx_segment: 2 },
  ); // 0.005° inside Liévin
// Along lat 50.43 from 2.795 (Liévin) to 2.81 (Lens): 0.005° of longitude in Liévin, 0.01° in Lens.
const eastWest = () =>
  line(
    [
      [2.795, 50.43],
      [2.81, 50.43],
    ],
    { gpx_segment: 3 },
  );

const build = (segments: GeoFeature[]) => {
  const ctx = fakeContext({ inputs: { 'ev5-gpx': { features: segments } } });
  return { ctx, built: ev5Pipeline.select(ctx) };
};

describe('ev5 layer: selection', () => {
  it('clips the segments to the territory and drops those outside', () => {
    const { built } = build(features(crossing(), outside()));
    expect(built.read).toBe(2);
    const pieces = built.sublayers['ev5-troncons'];
    expect(pieces).toHaveLength(1);
    expect(pieces[0].properties.segment_gpx).toBe(0);
    expect(pieces[0].properties.longueur_km as number).toBeCloseTo(0.04 * KM_PER_DEG, 3);
    expect(pieces[0].properties.relation_osm).toBe(EV5_RELATION);
  });

  it('names each piece with the communes it crosses', () => {
    const pieces = ev5Pieces(features(crossing(), lievinOnly()), territoryFeature(), communesLayer());
    expect(pieces.map((p) => p.properties.communes)).toEqual(['Lens, Éleu-dit-Leauwette', 'Liévin']);
    expect(pieces[0].properties.nom).toBe('EuroVelo 5 – segment 0 (Lens / Éleu-dit-Leauwette)');
    expect(pieces[1].properties.nom).toBe('EuroVelo 5 – segment 2 (Liévin)');
  });

  it('ignores communes the line only grazes (less than 10 m)', () => {
    // Lat 50.43 from 2.79995 (≈ 3.5 m inside Liévin) to 2.81 in Lens.
    const graze = line(
      [
        [2.79995, 50.43],
        [2.81, 50.43],
      ],
      { gpx_segment: 4 },
    );
    const [piece] = ev5Pieces(features(graze), territoryFeature(), communesLayer());
    expect(piece.properties.communes).toBe('Lens');
  });

  it('labels a piece in no member commune with the territory', () => {
    // South-west quarter of the territory has no member polygon.
    const [piece] = ev5Pieces(
      features(
        line(
          [
            [2.785, 50.405],
            [2.785, 50.415],
          ],
          { gpx_segment: 5 },
        ),
      ),
      territoryFeature(),
      communesLayer(),
    );
    expect(piece.properties.nom).toBe('EuroVelo 5 – segment 5 (CALL)');
    expect(piece.properties.communes).toBe('');
  });

  it('numbers pieces by their GPX segment', () => {
    const pieces = ev5Pieces(features(eastWest(), crossing()), territoryFeature(), communesLayer());
    expect(pieces.map((p) => p.properties.segment_gpx)).toEqual([3, 0]);
  });
});

describe('ev5 layer: metrics', () => {
  it('gives the length inside the territory, per commune (largest first) and the number of pieces', () => {
    const { ctx, built } = build(features(crossing(), lievinOnly(), outside(), eastWest()));
    const metrics = ev5Pipeline.measure(built.sublayers, ctx);
    const byId = Object.fromEntries(metrics.map((m) => [m.id, m]));
    const cosLat = Math.cos((50.43 * Math.PI) / 180);
    const total = 0.04 * KM_PER_DEG + 0.005 * KM_PER_DEG + 0.015 * KM_PER_DEG * cosLat;
    expect(byId['longueur-call'].value).toBeCloseTo(total, 2);
    expect(byId['longueur-call'].unit).toBe('km');
    expect(byId.segments.value).toBe(3);
    const details = byId['longueur-par-commune'].details!;
    // Lens: 0.02° of meridian + 0.01° of parallel; Éleu: 0.02° of meridian; Liévin: 0.005° + 0.005° of parallel.
    expect(details.map((d) => d.label)).toEqual(['Lens', 'Éleu-dit-Leauwette', 'Liévin']);
    expect(details[0].value).toBeCloseTo(0.02 * KM_PER_DEG + 0.01 * KM_PER_DEG * cosLat, 2);
    expect(details[1].value).toBeCloseTo(0.02 * KM_PER_DEG, 2);
    expect(details[2].value).toBeCloseTo(0.005 * KM_PER_DEG + 0.005 * KM_PER_DEG * cosLat, 2);
  });

  it('fails when the GPX source is missing', () => {
    expect(() => ev5Pipeline.select(fakeContext({}))).toThrow(/ev5-gpx/);
  });
});
