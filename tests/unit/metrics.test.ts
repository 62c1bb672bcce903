import { describe, expect, it } from 'vitest';
import { bbox } from '@turf/turf';
import {
  areaHa,
  areaInsideHa,
  clipLine,
  clipLines,
  lengthInsideKm,
  lengthKm,
  lengthPerZoneKm,
  lineParts,
  localPart,
  LOCAL_PART_MARGIN_DEG,
  round,
  shareInside,
} from '../../layers/metrics';
import type { GeoFeature } from '../../layers/types';
import {
  BOXES,
  KM_PER_DEG,
  areaOf,
  box,
  boxAreaHa,
  boxFeature,
  communesLayer,
  line,
  multiLine,
  point,
  polygon,
  territoryFeature,
} from '../fixtures/territory';

const g = (f: unknown) => f as GeoFeature;

describe('lengthKm', () => {
  it('measures a line along a meridian as Δlat × 111.195 km', () => {
    expect(KM_PER_DEG).toBeCloseTo(111.195, 3);
    const l = line([
      [2.81, 50.38],
      [2.81, 50.46],
    ]);
    expect(lengthKm([g(l)])).toBeCloseTo(0.08 * KM_PER_DEG, 6);
  });

  it('measures a line along a parallel as Δlon × cos(lat) × 111.195 km, to 0.01 %', () => {
    const l = line([
      [2.78, 50.43],
      [2.82, 50.43],
    ]);
    const expected = 0.04 * KM_PER_DEG * Math.cos((50.43 * Math.PI) / 180);
    // The great circle between two points of a parallel is a hair shorter than the parallel.
    expect(Math.abs(lengthKm([g(l)]) - expected) / expected).toBeLessThan(1e-4);
  });

  it('sums lines and multi-lines, and ignores points and polygons', () => {
    const features = [
      g(
        line([
          [2.81, 50.4],
          [2.81, 50.41],
        ]),
      ),
      g(
        multiLine([
          [
            [2.8, 50.4],
            [2.8, 50.42],
          ],
          [
            [2.79, 50.4],
            [2.79, 50.43],
          ],
        ]),
      ),
      g(point(2.8, 50.4)),
      g(box(2.8, 50.4, 2.9, 50.5)),
    ];
    expect(lengthKm(features)).toBeCloseTo(0.06 * KM_PER_DEG, 6);
    expect(lengthKm([])).toBe(0);
  });
});

describe('areaHa', () => {
  it('measures a lon/lat box with the spherical formula R²·Δλ·(sin φ₂ − sin φ₁)', () => {
    const ha = boxAreaHa(2.8, 50.42, 2.81, 50.43);
    // Sanity of the formula itself: a 0.01° cell at 50.4° N is ≈ 1.112 km × 0.709 km ≈ 79 ha.
    expect(ha).toBeGreaterThan(78);
    expect(ha).toBeLessThan(80);
    expect(areaHa([g(box(2.8, 50.42, 2.81, 50.43))])).toBeCloseTo(ha, 3);
  });

  it('sums polygons (holes excluded) and ignores lines and points', () => {
    const withHole = {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          box(2.78, 50.4, 2.82, 50.44).geometry.coordinates[0],
          [
            [2.8, 50.42],
            [2.8, 50.43],
            [2.81, 50.43],
            [2.81, 50.42],
            [2.8, 50.42],
          ],
        ],
      },
    };
    const expected = boxAreaHa(2.78, 50.4, 2.82, 50.44) - boxAreaHa(2.8, 50.42, 2.81, 50.43) + areaOf(BOXES.lens);
    expect(
      areaHa([
        g(withHole),
        g(boxFeature(BOXES.lens)),
        g(
          line([
            [2.8, 50.4],
            [2.9, 50.5],
          ]),
        ),
      ]),
    ).toBeCloseTo(expected, 2);
  });
});

describe('clipping lines to a polygon', () => {
  const territory = territoryFeature();

  it('measures a line along a parallel (a flat bounding box) inside the polygon, crossing or wholly inside', () => {
    // Found by the TVB layer's tests: a clip box 1e-6° around a horizontal line left a sliver, and 0 km.
    const [w, s, e, n] = bbox(territory);
    const lat = (s + n) / 2;
    const inside = lengthKm([
      line([
        [w, lat],
        [e, lat],
      ]),
    ]);
    expect(inside).toBeGreaterThan(1);
    expect(
      lengthInsideKm(
        [
          line([
            [w - 0.05, lat],
            [e + 0.05, lat],
          ]),
        ],
        territory,
      ),
    ).toBeCloseTo(inside, 6);
    const mid = (w + e) / 2;
    const short = line([
      [mid - 0.01, lat],
      [mid + 0.01, lat],
    ]);
    expect(lengthInsideKm([short], territory)).toBeCloseTo(lengthKm([short]), 9);
  });

  it('keeps only the part of a crossing line inside the polygon', () => {
    // Meridian 2.81 from 50.38 to 50.46 crosses the territory (50.40 – 50.44): 0.04° inside.
    const pieces = clipLine(
      line(
        [
          [2.81, 50.38],
          [2.81, 50.46],
        ],
        { nom: 'EV5' },
      ),
      territory,
    );
    expect(pieces).toHaveLength(1);
    expect(pieces[0].properties).toEqual({ nom: 'EV5' });
    expect(lengthKm(pieces as GeoFeature[])).toBeCloseTo(0.04 * KM_PER_DEG, 4);
    for (const [, lat] of pieces[0].geometry.coordinates) {
      expect(lat).toBeGreaterThanOrEqual(50.4 - 1e-9);
      expect(lat).toBeLessThanOrEqual(50.44 + 1e-9);
    }
  });

  it('keeps a line wholly inside, drops a line wholly outside', () => {
    const inside = line([
      [2.79, 50.41],
      [2.79, 50.43],
    ]);
    expect(lengthKm(clipLine(inside, territory) as GeoFeature[])).toBeCloseTo(0.02 * KM_PER_DEG, 6);
    expect(
      clipLine(
        line([
          [2.9, 50.41],
          [2.9, 50.43],
        ]),
        territory,
      ),
    ).toEqual([]);
  });

  it('keeps both inside pieces of a line that leaves and comes back', () => {
    // A U: down the meridian 2.79 into the territory, out to the east at lat 50.45, back down at 2.81.
    const u = line([
      [2.79, 50.42],
      [2.79, 50.45],
      [2.81, 50.45],
      [2.81, 50.42],
    ]);
    const pieces = clipLine(u, territory);
    expect(pieces).toHaveLength(2);
    expect(lengthKm(pieces as GeoFeature[])).toBeCloseTo(0.04 * KM_PER_DEG, 4);
  });

  it('clipLines explodes multi-lines and ignores non-lines; lengthInsideKm sums', () => {
    const features = [
      g(
        multiLine([
          [
            [2.79, 50.38],
            [2.79, 50.41],
          ],
          [
            [2.81, 50.43],
            [2.81, 50.5],
          ],
        ]),
      ),
      g(point(2.8, 50.41)),
      g(boxFeature(BOXES.lens)),
    ];
    const pieces = clipLines(features, territory);
    expect(pieces).toHaveLength(2);
    // 0.01° of each part lies inside.
    expect(lengthInsideKm(features, territory)).toBeCloseTo(0.02 * KM_PER_DEG, 4);
  });

  it('lineParts splits a MultiLineString and drops parts of fewer than two points', () => {
    const parts = lineParts(
      g(
        multiLine(
          [
            [
              [2.8, 50.4],
              [2.81, 50.4],
            ],
            [[2.9, 50.5]],
            [
              [2.7, 50.3],
              [2.71, 50.3],
            ],
          ],
          { k: 1 },
        ),
      ),
    );
    expect(parts.map((p) => p.geometry.coordinates)).toEqual([
      [
        [2.8, 50.4],
        [2.81, 50.4],
      ],
      [
        [2.7, 50.3],
        [2.71, 50.3],
      ],
    ]);
    expect(parts.every((p) => p.properties.k === 1)).toBe(true);
    expect(lineParts(g(point(1, 1)))).toEqual([]);
  });
});

describe('area inside a polygon', () => {
  const lens = boxFeature(BOXES.lens);

  it('areaInsideHa measures the overlap: half of a square shifted by half its width', () => {
    const shifted = box(2.81, 50.42, 2.83, 50.44);
    expect(areaInsideHa([g(shifted)], lens)).toBeCloseTo(boxAreaHa(2.81, 50.42, 2.82, 50.44), 3);
    expect(
      areaInsideHa(
        [
          g(box(2.9, 50.42, 2.92, 50.44)),
          g(
            line([
              [2.8, 50.42],
              [2.82, 50.44],
            ]),
          ),
        ],
        lens,
      ),
    ).toBe(0);
  });

  it('shareInside: 1 inside, 0.5 for half, 0 for disjoint or touching only along an edge', () => {
    expect(shareInside(box(2.805, 50.425, 2.815, 50.435), lens)).toBeCloseTo(1, 9);
    expect(shareInside(box(2.81, 50.42, 2.83, 50.44), lens)).toBeCloseTo(0.5, 9);
    expect(shareInside(box(2.9, 50.42, 2.92, 50.44), lens)).toBe(0);
    expect(shareInside(box(2.82, 50.42, 2.84, 50.44), lens)).toBe(0);
  });
});

describe('lengthPerZoneKm', () => {
  it('gives each commune its length, largest first, communes without any left out', () => {
    const communes = communesLayer();
    // Meridian 2.805 from 50.40 to 50.44: 0.02° in Éleu (50.40–50.42) and in Lens (50.42–50.44);
    // a second line adds 0.01° in Lens only. Liévin (west of 2.80) has none.
    const lines = [
      g(
        line([
          [2.805, 50.4],
          [2.805, 50.44],
        ]),
      ),
      g(
        line([
          [2.815, 50.425],
          [2.815, 50.435],
        ]),
      ),
    ];
    const rows = lengthPerZoneKm(lines, communes, (c) => String(c.properties.nom));
    expect(rows.map((r) => r.label)).toEqual(['Lens', 'Éleu-dit-Leauwette']);
    expect(rows[0].value).toBeCloseTo(0.03 * KM_PER_DEG, 4);
    expect(rows[1].value).toBeCloseTo(0.02 * KM_PER_DEG, 4);
  });
});

describe('a concave territory (a U open to the north)', () => {
  // The territory box minus a notch lon 2.79 – 2.81, lat 50.41 – 50.44: two arms and a base.
  const u = polygon([
    [
      [2.78, 50.4],
      [2.82, 50.4],
      [2.82, 50.44],
      [2.81, 50.44],
      [2.81, 50.41],
      [2.79, 50.41],
      [2.79, 50.44],
      [2.78, 50.44],
      [2.78, 50.4],
    ],
  ]);
  const cosLat = Math.cos((50.43 * Math.PI) / 180);

  it('clips a line crossing both arms to the two arms only', () => {
    const across = line([
      [2.77, 50.43],
      [2.83, 50.43],
    ]);
    const pieces = clipLine(across, u);
    expect(pieces).toHaveLength(2);
    expect(lengthKm(pieces as GeoFeature[])).toBeCloseTo(0.02 * KM_PER_DEG * cosLat, 3);
    // A line wholly in the notch is outside.
    expect(
      clipLine(
        line([
          [2.795, 50.42],
          [2.805, 50.43],
        ]),
        u,
      ),
    ).toEqual([]);
  });

  it('measures the area of a polygon over both arms and the notch', () => {
    const over = box(2.785, 50.425, 2.815, 50.435);
    const inside = boxAreaHa(2.785, 50.425, 2.79, 50.435) + boxAreaHa(2.81, 50.425, 2.815, 50.435);
    expect(areaInsideHa([g(over)], u)).toBeCloseTo(inside, 2);
    expect(shareInside(over, u)).toBeCloseTo(inside / boxAreaHa(2.785, 50.425, 2.815, 50.435), 6);
    expect(shareInside(box(2.795, 50.42, 2.805, 50.43), u)).toBe(0);
  });

  it('localPart keeps the polygon around a feature, and nothing for a far one', () => {
    const part = localPart(u, g(box(2.785, 50.425, 2.815, 50.435)));
    expect(part).not.toBeNull();
    // The box around the feature, widened by the margin, cut out of each arm of the U.
    const m = LOCAL_PART_MARGIN_DEG;
    expect(areaHa([g(part)])).toBeCloseTo(boxAreaHa(2.785 - m, 50.425 - m, 2.79, 50.435 + m) + boxAreaHa(2.81, 50.425 - m, 2.815 + m, 50.435 + m), 0);
    expect(localPart(u, g(point(3.5, 50.4)))).toBeNull();
  });
});

describe('round', () => {
  it('rounds to the given decimals (2 by default)', () => {
    expect(round(4.44781)).toBe(4.45);
    expect(round(4.44781, 0)).toBe(4);
    expect(round(4.44781, 3)).toBe(4.448);
    expect(round(-1.005, 1)).toBe(-1);
  });
});
