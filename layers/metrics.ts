// Measurement functions over GeoJSON, one implementation for the pipeline, the report cards and the
// planner's tools. Pure: features in, numbers out. Lengths are geodesic (haversine on Turf's sphere),
// areas spherical (Turf), so they agree with a GIS to a few tenths of a percent.
import {
  area,
  bbox,
  bboxClip,
  booleanIntersects,
  booleanPointInPolygon,
  featureCollection,
  intersect,
  length,
  lineSliceAlong,
  lineSplit,
  along,
  nearestPointOnLine,
  point as turfPoint,
  union,
} from '@turf/turf';
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
/**
 * Margin of the box `localPart` cuts around a feature, in degrees (about 100 m): a line along a parallel
 * has a flat box, and a margin of 1e-6° left a sliver whose edges ran along the line (0 km inside).
 */
export const LOCAL_PART_MARGIN_DEG = 1e-3;

export function localPart(polygon: AreaFeature, feature: GeoFeature): AreaFeature | null {
  const [w, s, e, n] = bbox(feature);
  const [pw, ps, pe, pn] = bbox(polygon);
  if (w > pe || e < pw || s > pn || n < ps) return null;
  const pad = LOCAL_PART_MARGIN_DEG;
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

// ---- Continuity of a network (trame verte): where consecutive features along a path are apart ----

/** A feature of a network with the name a planner reads in a list of gaps. */
export interface NetworkMember {
  name: string;
  feature: GeoFeature;
}

/** A measured gap between two network members: where it is, how long, between what. */
export interface NetworkGap {
  from: string;
  to: string;
  lengthM: number;
  geometry: LineString;
}

/** The outline rings of a polygon or the parts of a line, as lines to measure distances to. */
function edgesOf(feature: GeoFeature): LineFeature[] {
  const g = feature.geometry;
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
    return rings
      .filter((r) => r.length >= 2)
      .map((coordinates) => ({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } }));
  }
  return lineParts(feature);
}

interface Indexed {
  name: string;
  feature: GeoFeature;
  box: number[];
  edges: LineFeature[];
}

const index = (members: NetworkMember[]): Indexed[] =>
  members.map((m) => ({ name: m.name, feature: m.feature, box: bbox(m.feature), edges: edgesOf(m.feature) }));

/** Degrees of latitude per metre (and, at the territory's latitude, a safe bound for longitude). */
const DEG_PER_M = 1 / 111_195;
const nearBox = (p: Position, box: number[], metres: number): boolean => {
  const dLat = metres * DEG_PER_M;
  const dLon = dLat / Math.max(0.2, Math.cos((p[1] * Math.PI) / 180));
  return p[0] >= box[0] - dLon && p[0] <= box[2] + dLon && p[1] >= box[1] - dLat && p[1] <= box[3] + dLat;
};

/** Distance in metres from a point to a member (0 inside a polygon) and the nearest position on it. */
function distanceTo(p: Position, m: Indexed): { metres: number; at: Position } {
  const pt = turfPoint(p);
  if (isArea(m.feature) && booleanPointInPolygon(pt, m.feature as AreaFeature)) return { metres: 0, at: p };
  let best = { metres: Infinity, at: p };
  for (const edge of m.edges) {
    const near = nearestPointOnLine(edge, pt, { units: 'meters' });
    const metres = Number(near.properties.dist);
    if (metres < best.metres) best = { metres, at: near.geometry.coordinates };
  }
  return best;
}

function nearest(p: Position, members: Indexed[], withinM: number, skip?: Indexed): { member: Indexed; metres: number; at: Position } | null {
  let best: { member: Indexed; metres: number; at: Position } | null = null;
  for (const m of members) {
    if (m === skip || !nearBox(p, m.box, withinM)) continue;
    const d = distanceTo(p, m);
    if (d.metres <= withinM && (!best || d.metres < best.metres)) best = { member: m, metres: d.metres, at: d.at };
  }
  return best;
}

/**
 * Gaps along a path (e.g. the EV5): the path is walked every `stepM` metres; a position is green when
 * a member lies within `toleranceM`. A gap is a stretch without green between two green positions
 * (the ends of the path, before the first and after the last member, are not gaps). Lengths are
 * measured along the path, to the step.
 */
export function gapsAlongPath(
  path: GeoFeature,
  members: NetworkMember[],
  options: { toleranceM: number; stepM: number; minGapM: number },
): NetworkGap[] {
  const indexed = index(members);
  const gaps: NetworkGap[] = [];
  for (const part of lineParts(path)) {
    const totalM = length(part, { units: 'meters' });
    const steps = Math.max(1, Math.ceil(totalM / options.stepM));
    let lastGreen: { name: string; atM: number } | null = null;
    let open = false;
    for (let i = 0; i <= steps; i++) {
      const atM = Math.min(i * options.stepM, totalM);
      const p = along(part, atM, { units: 'meters' }).geometry.coordinates;
      const hit = nearest(p, indexed, options.toleranceM);
      if (!hit) {
        open = true;
        continue;
      }
      if (open && lastGreen && atM - lastGreen.atM >= options.minGapM) {
        const slice = lineSliceAlong(part, lastGreen.atM, atM, { units: 'meters' });
        gaps.push({ from: lastGreen.name, to: hit.member.name, lengthM: atM - lastGreen.atM, geometry: slice.geometry });
      }
      open = false;
      lastGreen = { name: hit.member.name, atM };
    }
  }
  return gaps;
}

/**
 * Breaks of a linear network (e.g. the cavaliers): each free end of a line, when no other member is
 * within `toleranceM`, is linked to the nearest other member within `maxM`; the link (as the crow
 * flies, not a proposed route) is the gap. A pair of members is reported once, by its shortest link.
 */
export function networkBreaks(lines: NetworkMember[], others: NetworkMember[], options: { toleranceM: number; maxM: number }): NetworkGap[] {
  const parts = index(lines.flatMap((m) => lineParts(m.feature).map((feature) => ({ name: m.name, feature: feature as GeoFeature }))));
  const all = [...parts, ...index(others)];
  const byPair = new Map<string, NetworkGap>();
  for (const part of parts) {
    const coords = (part.feature.geometry as LineString).coordinates;
    for (const end of [coords[0], coords[coords.length - 1]]) {
      if (nearest(end, all, options.toleranceM, part)) continue;
      const hit = nearest(end, all, options.maxM, part);
      if (!hit) continue;
      const key = [all.indexOf(part), all.indexOf(hit.member)].sort((a, b) => a - b).join('-');
      const gap: NetworkGap = {
        from: part.name,
        to: hit.member.name,
        lengthM: hit.metres,
        geometry: { type: 'LineString', coordinates: [end, hit.at] },
      };
      const known = byPair.get(key);
      if (!known || gap.lengthM < known.lengthM) byPair.set(key, gap);
    }
  }
  return [...byPair.values()];
}

/** Area of the union of the polygon features inside `polygon`, in hectares: overlaps count once. */
export function unionAreaInsideHa(features: GeoFeature[], polygon: AreaFeature): number {
  const parts = areaPartsInside(features, polygon);
  if (parts.length <= 1) return areaHa(parts);
  const merged = union(featureCollection(parts));
  return merged ? area(merged) / 10_000 : 0;
}
