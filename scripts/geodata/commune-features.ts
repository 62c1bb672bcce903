// Which features of a sublayer lie in which commune, measured with the layers' own functions:
// polygons by the area inside (layers/metrics areaInsideHa), lines by the length inside
// (lengthInsideKm), points by containment. A feature straddling a limit is listed in every
// commune holding a real part of it, and counted in the one holding the largest part, so that
// per-commune counts add up to the CALL's.
import { area, booleanPointInPolygon } from '@turf/turf';
import type { Point } from 'geojson';
import type { AreaFeature } from '../../layers/metrics';
import { areaInsideHa, lengthInsideKm } from '../../layers/metrics';
import type { GeoFeature } from '../../layers/types';
import { writeFlatGeobuf } from '../../src/core/fgb/write';

/** A polygon is in a commune when at least this share of it, or MIN_HA, lies there. */
const MIN_SHARE = 0.01;
const MIN_HA = 0.5;
/** Lines: 10 m, as the EV5 rule drops clipping noise along shared limits. */
const MIN_KM = 0.01;

export interface Placement {
  /** Index of the feature in the sublayer's .fgb file (the order the app reads). */
  index: number;
  feature: GeoFeature;
  /** ha for polygons, km for lines, undefined for points. */
  inside: Map<string, number>;
  /** INSEE code of the commune that counts it. */
  owner: string | null;
}

/** The order writeFlatGeobuf writes the features in (Hilbert), so links use the app's indices. */
export function fileIndices(features: GeoFeature[]): number[] {
  const indices = new Array<number>(features.length);
  if (features.length === 0) return indices;
  writeFlatGeobuf(features, { onOrder: (order) => order.forEach((original, k) => (indices[original] = k)) });
  return indices;
}

const kind = (f: GeoFeature) =>
  f.geometry?.type === 'Point' || f.geometry?.type === 'MultiPoint'
    ? 'point'
    : f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon'
      ? 'polygon'
      : 'line';

/**
 * Places every feature of a sublayer among the communes. Features that are commune polygons
 * themselves (they carry the commune's INSEE `code`) belong to that commune alone: measuring a
 * commune against its neighbours would only find slivers along shared limits.
 */
export function placeFeatures(features: GeoFeature[], communes: AreaFeature[], byCode = false): Placement[] {
  const indices = fileIndices(features);
  const code = (c: AreaFeature) => String(c.properties.code);
  if (byCode)
    return features.map((feature, i) => {
      const owner = communes.some((c) => code(c) === String(feature.properties.code)) ? String(feature.properties.code) : null;
      return { index: indices[i], feature, inside: new Map(owner ? [[owner, area(feature) / 10_000]] : []), owner };
    });
  return features.map((feature, i) => {
    const inside = new Map<string, number>();
    let owner: string | null = null;
    const k = kind(feature);
    if (k === 'point') {
      const found = communes.find((c) => booleanPointInPolygon(feature as GeoFeature & { geometry: Point }, c));
      owner = found ? code(found) : null;
      if (owner) inside.set(owner, 0);
    } else {
      let best = 0;
      const whole = k === 'polygon' ? area(feature) / 10_000 : 0;
      for (const c of communes) {
        const part = k === 'polygon' ? areaInsideHa([feature], c) : lengthInsideKm([feature], c);
        if (part > best) {
          best = part;
          owner = code(c);
        }
        const real = k === 'polygon' ? part >= MIN_HA || part >= MIN_SHARE * whole : part >= MIN_KM;
        if (real && part > 0) inside.set(code(c), part);
      }
      if (owner && !inside.has(owner)) inside.set(owner, best);
    }
    return { index: indices[i], feature, inside, owner };
  });
}
