// Measurement functions over GeoJSON, one implementation for the pipeline, the report cards and the
// planner's tools. Pure: features in, numbers out. Lengths are geodesic (haversine on Turf's sphere),
// areas spherical (Turf), so they agree with a GIS to a few tenths of a percent.
import { area, bbox, bboxClip, booleanIntersects, booleanPointInPolygon, featureCollection, intersect, length, lineSplit, along } from '@turf/turf';
import type { Feature, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeoFeature } from './types';

export type AreaFeature = Feature<Polygon | MultiPolygon, Record<string, unknown>>;
type LineFeature = Feature<LineString, Record<string, unknown>>;

const isLine = (f: GeoFeature): boolean => f.geometry?.type === 'LineString' || f.geometry?.type === 'MultiLineString';
const isArea = (f: GeoFeature): f is AreaFeature => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon';

/**
 * The part of a (large, detailed) polygon around a feature: clipping the territory to the feature's
 * box first makes every later overlay work on a few dozen vertices instead of a thousand.
 */
export function localPart(polygon: AreaFeature, feature: GeoFeature): AreaFeature | null {
  const [w, s, e, n] = bbox(feature);
  const [pw, ps, pe, pn] = bbox(polygon);
  if (w > pe || e < pw || s > pn || n < ps) return null;
  const pad = 1e-6;
  const clipped = bboxClip(polygon, [w - pad, s - pad, e + pad, n + pad]) as AreaFeature;
  const g = clipped.geometry;
  const empty = g.type === 'Polygon' ? g.coordinates.length === 0 : g.coordinates.every((p) => p.length === 0);
  if (empty) return null;
  if (g.type === 'MultiPolygon')
    clipped.geometry = { type: 'MultiPolygon', coordinates: g.coordinates.filter((p) => p.length > 0 && p[0].length >= 4) };
  return clipped;
}

/** Splits MultiLineStrings so each part can be clipped on its own. */
export function lineParts(feature: GeoFeature): LineFeature[] {
  const g = feature.geometry;
  const lines: Position[][] = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
  return lines
    .filter((coords) => coords.length >= 2)
    .map((coordinates) => ({
      type: 'Feature',
      properties: feature.properties,
      geometry: { type: 'LineString', coordinates },
    }));
}

/** Total length of the line features, in km. Other geometries are ignored. */
export function lengthKm(features: GeoFeature[]): number {
  return features.filter(isLine).reduce((sum, f) => sum + length(f, { units: 'kilometers' }), 0);
}

/** Total area of the polygon features, in hectares. */
export function areaHa(features: GeoFeature[]): number {
  return features.filter(isArea).reduce((sum, f) => sum + area(f) / 10_000, 0);
}

/**
 * The pieces of `line` that lie inside `polygon` (planar clip in lon/lat, as GIS tools do at this
 * scale). Each piece keeps the line's properties.
 */
export function clipLine(line: LineFeature, whole: AreaFeature): LineFeature[] {
  const polygon = localPart(whole, line);
  if (!polygon || !booleanIntersects(line, polygon)) return [];
  const pieces = lineSplit(line, polygon).features as LineFeature[];
  const candidates = pieces.length > 0 ? pieces : [line];
  return candidates
    .filter((piece) => {
      // A piece is entirely in or out once split at the boundary: test its midpoint.
      const mid = along(piece, length(piece) / 2);
      return booleanPointInPolygon(mid, polygon);
    })
    .map((piece) => ({ ...piece, properties: line.properties }));
}

/** Line features clipped to the polygon, MultiLineStrings exploded into parts. */
export function clipLines(features: GeoFeature[], polygon: AreaFeature): LineFeature[] {
  return features.filter(isLine).flatMap((f) => lineParts(f).flatMap((part) => clipLine(part, polygon)));
}

/** Length of the line features inside the polygon, in km. */
export function lengthInsideKm(features: GeoFeature[], polygon: AreaFeature): number {
  return lengthKm(clipLines(features, polygon));
}

/** The parts of the polygon features that lie inside `polygon`; each part keeps its feature's properties. */
export function areaPartsInside(features: GeoFeature[], polygon: AreaFeature): AreaFeature[] {
  const parts: AreaFeature[] = [];
  for (const f of features.filter(isArea)) {
    const local = localPart(polygon, f);
    if (!local || !booleanIntersects(f, local)) continue;
    const part = intersect(featureCollection([f, local]));
    if (part) parts.push({ type: 'Feature', geometry: part.geometry, properties: f.properties });
  }
  return parts;
}

/** Area of the polygon features inside `polygon`, in hectares. */
export function areaInsideHa(features: GeoFeature[], polygon: AreaFeature): number {
  return areaHa(areaPartsInside(features, polygon));
}

/** Share (0-1) of one polygon's area that lies inside another. */
export function shareInside(feature: AreaFeature, polygon: AreaFeature): number {
  const whole = area(feature);
  const local = localPart(polygon, feature);
  if (whole === 0 || !local || !booleanIntersects(feature, local)) return 0;
  const part = intersect(featureCollection([feature, local]));
  return part ? area(part) / whole : 0;
}

/** Length of the lines inside each zone (e.g. per commune), largest first, zones with none left out. */
export function lengthPerZoneKm(
  features: GeoFeature[],
  zones: AreaFeature[],
  zoneName: (zone: AreaFeature) => string,
): { label: string; value: number }[] {
  return zones
    .map((zone) => ({ label: zoneName(zone), value: lengthInsideKm(features, zone) }))
    .filter((row) => row.value > 0.0005)
    .sort((a, b) => b.value - a.value);
}

/** A number as French readers write it (1 410,5), for notes stored as text. */
export function fr(value: number, decimals = 1): string {
  return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: decimals }).format(value);
}

/** Rounds for display and storage: metrics are measured, not surveyed. */
export function round(value: number, decimals = 2): number {
  const k = 10 ** decimals;
  return Math.round(value * k) / k;
}
