// Normalise step: whatever came in → RFC 7946 GeoJSON in WGS84 lon/lat, property keys in lower
// case (the WFS spells them in upper case, the harvested mirror in snake_case), no empty geometry.
import { rewind } from '@turf/turf';
import type { Geometry, Position } from 'geojson';
import type { GeoFeature } from '../../../layers/types';
import { crsFromName, mapPositions, projectionTo4326 } from '../../../src/geo/crs';

// CRS definitions, names and reprojection live in src/geo/crs.ts, shared with the workbench.
export { crsFromName };

export interface NormaliseReport {
  crs: string;
  dropped: { id: string; reason: string }[];
  swappedAxes: boolean;
}

function firstPositions(features: GeoFeature[], max = 2000): Position[] {
  const out: Position[] = [];
  for (const f of features) {
    if (!f.geometry) continue;
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
    if (v !== null && v !== undefined && v !== '') return `${key}=${String(v)}`;
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
