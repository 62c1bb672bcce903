// Validate step: every geometry checked; what can be mended is repaired (and counted), what cannot
// is skipped (and named). Nothing is dropped silently.
import { kinks, rewind, unkinkPolygon } from '@turf/turf';
import type { Feature, Polygon, Position } from 'geojson';
import type { GeoFeature } from '../../../layers/types';
import { featureLabel } from './normalise';

export interface ValidationIssue {
  id: string;
  problem: string;
  action: 'réparé' | 'ignoré';
}

export interface ValidationResult {
  features: GeoFeature[];
  repaired: number;
  skipped: number;
  issues: ValidationIssue[];
}

const finite = (p: Position) => Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;
const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

function dedupe(line: Position[]): Position[] {
  return line.filter((p, i) => i === 0 || !same(p, line[i - 1]));
}

/** Cleans one ring; returns null when nothing usable is left. */
function fixRing(ring: Position[], notes: string[]): Position[] | null {
  let r = dedupe(ring);
  if (r.length !== ring.length) notes.push('sommets consécutifs dupliqués');
  if (r.length > 0 && !same(r[0], r[r.length - 1])) {
    r = [...r, r[0]];
    notes.push('anneau non fermé');
  }
  return r.length >= 4 ? r : null;
}

function fixPolygon(rings: Position[][], notes: string[]): Position[][] | null {
  const outer = fixRing(rings[0] ?? [], notes);
  if (!outer) return null;
  const holes: Position[][] = [];
  for (const hole of rings.slice(1)) {
    const fixed = fixRing(hole, notes);
    if (fixed) holes.push(fixed);
    else notes.push('trou dégénéré supprimé');
  }
  return [outer, ...holes];
}

export function validateFeature(feature: GeoFeature, index: number): { feature: GeoFeature | null; issue?: ValidationIssue } {
  const id = featureLabel(feature, index);
  const g = feature.geometry;
  const notes: string[] = [];
  const skip = (problem: string) => ({ feature: null, issue: { id, problem, action: 'ignoré' as const } });

  const all: Position[] = [];
  const collect = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') all.push(c as Position);
    else if (Array.isArray(c)) c.forEach(collect);
  };
  if (g.type === 'GeometryCollection') return skip('collection de géométries non prise en charge');
  collect(g.coordinates);
  if (all.length === 0) return skip('géométrie vide');
  if (!all.every(finite)) return skip('coordonnées non numériques ou hors limites (longitude/latitude)');

  let geometry = g;
  switch (g.type) {
    case 'LineString': {
      const line = dedupe(g.coordinates);
      if (line.length !== g.coordinates.length) notes.push('sommets consécutifs dupliqués');
      if (line.length < 2) return skip('ligne de moins de deux sommets distincts');
      geometry = { type: 'LineString', coordinates: line };
      break;
    }
    case 'MultiLineString': {
      const lines = g.coordinates.map(dedupe);
      const kept = lines.filter((l) => l.length >= 2);
      if (kept.length !== lines.length) notes.push('partie de ligne dégénérée supprimée');
      if (lines.some((l, i) => l.length !== g.coordinates[i].length)) notes.push('sommets consécutifs dupliqués');
      if (kept.length === 0) return skip('aucune partie de ligne valide');
      geometry = { type: 'MultiLineString', coordinates: kept };
      break;
    }
    case 'Polygon': {
      const fixed = fixPolygon(g.coordinates, notes);
      if (!fixed) return skip('polygone de moins de trois sommets distincts');
      geometry = { type: 'Polygon', coordinates: fixed };
      break;
    }
    case 'MultiPolygon': {
      const parts = g.coordinates.map((p) => fixPolygon(p, notes)).filter((p): p is Position[][] => p !== null);
      if (parts.length === 0) return skip('aucune partie de polygone valide');
      if (parts.length !== g.coordinates.length) notes.push('partie de polygone dégénérée supprimée');
      geometry = { type: 'MultiPolygon', coordinates: parts };
      break;
    }
    default:
      break;
  }

  // Self-intersecting simple polygons are split at their crossings (turf unkink); with holes we
  // cannot do that safely, so such a polygon is skipped and named.
  if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
    const polygons: Position[][][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const out: Position[][][] = [];
    for (const rings of polygons) {
      const poly: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: rings } };
      if (kinks(poly).features.length === 0) {
        out.push(rings);
      } else if (rings.length === 1) {
        notes.push('polygone auto-intersecté découpé');
        // Pieces come in either winding: rewind them to RFC 7946 as normalise did for the input.
        for (const piece of unkinkPolygon(poly).features) out.push((rewind(piece) as Feature<Polygon>).geometry.coordinates);
      } else {
        return skip('polygone à trous auto-intersecté');
      }
    }
    geometry = out.length === 1 ? { type: 'Polygon', coordinates: out[0] } : { type: 'MultiPolygon', coordinates: out };
  }

  const result: GeoFeature = { ...feature, geometry };
  if (notes.length === 0) return { feature: result };
  return { feature: result, issue: { id, problem: [...new Set(notes)].join(', '), action: 'réparé' } };
}

export function validate(features: GeoFeature[]): ValidationResult {
  const result: ValidationResult = { features: [], repaired: 0, skipped: 0, issues: [] };
  features.forEach((f, i) => {
    const { feature, issue } = validateFeature(f, i);
    if (issue) result.issues.push(issue);
    if (!feature) result.skipped += 1;
    else {
      if (issue) result.repaired += 1;
      result.features.push(feature);
    }
  });
  return result;
}
