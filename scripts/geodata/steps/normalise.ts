// Normalise step: whatever came in → RFC 7946 GeoJSON in WGS84 lon/lat, property keys in lower
// case (the WFS spells them in upper case, the harvested mirror in snake_case), no empty geometry.
import { rewind } from '@turf/turf';
import type { Geometry, Position } from 'geojson';
import type { GeoFeature } from '../../../layers/types';
import { crsFromName, mapPositions, projectionTo4326 } from '../../../src/core/geo/crs';

// CRS definitions, names and reprojection live in src/core/geo/crs.ts, shared with the workbench.
export { crsFromName };

export interface NormaliseReport {
  crs: string;
  dropped: { id: string; reason: string }[];
  swappedAxes: boolean;
}

/** Deepest GeometryCollection nesting read (as the workbench): a hostile source nesting 100,000 levels would overflow every recursive step. */
const MAX_COLLECTION_DEPTH = 32;

const isPosition = (p: unknown): boolean => Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number';
const isListOf = (v: unknown, item: (x: unknown) => boolean): boolean => Array.isArray(v) && v.every(item);

/**
 * Whether a geometry has the structure its type announces (numbers are checked by validate). A
 * source is data from outside: a Point without coordinates must be named and dropped, not crash
 * the step with an engine error.
 */
export function isWellFormedGeometry(g: unknown, depth = 0): g is Geometry {
  if (!g || typeof g !== 'object') return false;
  const { type, coordinates: c, geometries } = g as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  switch (type) {
    case 'Point':
      return isPosition(c) || (Array.isArray(c) && c.length === 0);
    case 'MultiPoint':
    case 'LineString':
      return isListOf(c, isPosition);
    case 'MultiLineString':
    case 'Polygon':
      return isListOf(c, (line) => isListOf(line, isPosition));
    case 'MultiPolygon':
      return isListOf(c, (polygon) => isListOf(polygon, (ring) => isListOf(ring, isPosition)));
    case 'GeometryCollection':
      return depth < MAX_COLLECTION_DEPTH && isListOf(geometries, (member) => isWellFormedGeometry(member, depth + 1));
    default:
      return false;
  }
}

function firstPositions(features: GeoFeature[], max = 2000): Position[] {
  const out: Position[] = [];
  for (const f of features) {
    if (!isWellFormedGeometry(f.geometry)) continue;
    mapPositions(f.geometry, (p) => {
      if (out.length < max) out.push(p);
      return p;
    });
    if (out.length >= max) break;
  }
  return out;
}

const inFranceLonLat = (p: Position) => p[0] > -6 && p[0] < 10 && p[1] > 41 && p[1] < 52;
const inFranceLatLon = (p: Position) => p[1] > -6 && p[1] < 10 && p[0] > 41 && p[0] < 52;

export function isEmptyGeometry(g: Geometry | null | undefined): boolean {
  if (!g) return true;
  if (g.type === 'GeometryCollection') return g.geometries.every(isEmptyGeometry);
  const c = g.coordinates as unknown[];
  return !Array.isArray(c) || c.length === 0 || (g.type !== 'Point' && c.every((x) => Array.isArray(x) && x.length === 0));
}

export function featureLabel(f: GeoFeature, index: number): string {
  const p = f.properties ?? {};
  for (const key of ['id_unesco', 'id_lsm', 'no_terril', 'id', 'code', 'identifiant', 'id_troncon', 'nom']) {
    const v = p[key];
    // Scalars only: String() of an object from a hostile source can itself throw ({"toString": 1}).
    if ((typeof v === 'string' && v !== '') || typeof v === 'number' || typeof v === 'boolean') return `${key}=${String(v)}`;
  }
  return `n°${index}`;
}

export function normalise(features: GeoFeature[], declaredCrs: string | null): { features: GeoFeature[]; report: NormaliseReport } {
  const report: NormaliseReport = { crs: 'EPSG:4326', dropped: [], swappedAxes: false };
  const crs = crsFromName(declaredCrs) ?? 'EPSG:4326';
  let project: ((p: Position) => Position) | null = null;
  if (crs !== 'EPSG:4326') {
    project = projectionTo4326(crs);
    if (!project) throw new Error(`système de coordonnées « ${declaredCrs} » inconnu : reprojeter le fichier en WGS84 (EPSG:4326)`);
    report.crs = crs;
  } else {
    // Some WFS answer EPSG:4326 in lat/lon order: detect it from the coordinates themselves.
    const sample = firstPositions(features);
    if (sample.length > 0 && sample.every(inFranceLatLon) && !sample.every(inFranceLonLat)) {
      project = (p) => [p[1], p[0]];
      report.swappedAxes = true;
    }
  }
  const out: GeoFeature[] = [];
  features.forEach((f, index) => {
    if (f.geometry && !isWellFormedGeometry(f.geometry)) {
      report.dropped.push({ id: featureLabel(f, index), reason: 'géométrie mal formée (type inconnu, coordonnées absentes ou mal imbriquées)' });
      return;
    }
    if (isEmptyGeometry(f.geometry)) {
      report.dropped.push({ id: featureLabel(f, index), reason: 'géométrie vide' });
      return;
    }
    const properties: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(f.properties ?? {})) properties[k.toLowerCase()] = v;
    // RFC 7946: two-dimensional positions are enough for a 2D map; extra ordinates are dropped.
    let geometry = mapPositions(f.geometry, (p) => [p[0], p[1]]);
    if (project) geometry = mapPositions(geometry, project);
    const feature: GeoFeature = { type: 'Feature', properties, geometry };
    out.push(geometry.type === 'Polygon' || geometry.type === 'MultiPolygon' ? (rewind(feature) as GeoFeature) : feature);
  });
  return { features: out, report };
}
