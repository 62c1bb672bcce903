// One walk over a geometry: checks its structure and numbers, reprojects each position to WGS84
// in place (the parsed objects are ours, so no copy is needed), checks the result against the
// system's area of validity, and keeps the feature's bounding box.
import type { Geometry, Position } from 'geojson';

export type GeometryProblem = 'vide' | 'non-numerique' | 'hors-etendue' | 'invalide';

type Shape = 'points' | 'line' | 'ring';

/**
 * Deepest GeometryCollection nesting accepted. RFC 7946 discourages nesting at all; a hostile file
 * nesting 100,000 levels would otherwise overflow the stack here and in every later recursive step.
 */
export const MAX_COLLECTION_DEPTH = 32;

export class GeometryWalker {
  minX = Infinity;
  minY = Infinity;
  maxX = -Infinity;
  maxY = -Infinity;
  private count = 0;
  /** Some position carried a non-zero Z (dropped: the map and the exports are 2D). */
  sawZ = false;

  constructor(
    private readonly project: (p: Position) => Position,
    private readonly valid: (raw: Position, lonLat: Position) => boolean,
  ) {}

  /** Reprojects `geometry` in place; returns what is wrong with it, or null. */
  walk(geometry: Geometry): GeometryProblem | null {
    this.minX = this.minY = Infinity;
    this.maxX = this.maxY = -Infinity;
    this.count = 0;
    const problem = this.geometry(geometry as unknown as Record<string, unknown>, 0);
    if (problem) return problem;
    return this.count === 0 ? 'vide' : null;
  }

  private geometry(g: Record<string, unknown>, depth: number): GeometryProblem | null {
    if (!g || typeof g !== 'object' || depth > MAX_COLLECTION_DEPTH) return 'invalide';
    // A bbox computed in the source system would be wrong after reprojection.
    if ('bbox' in g) delete g.bbox;
    const c = g.coordinates;
    switch (g.type) {
      case 'Point': {
        if (Array.isArray(c) && c.length === 0) return null;
        const q = this.position(c);
        if (typeof q === 'string') return q;
        g.coordinates = q;
        return null;
      }
      case 'MultiPoint':
        return this.positions(c, 'points');
      case 'LineString':
        return this.positions(c, 'line');
      case 'MultiLineString':
        return this.nested(c, 'line');
      case 'Polygon':
        return this.nested(c, 'ring');
      case 'MultiPolygon': {
        if (!Array.isArray(c)) return 'invalide';
        for (const polygon of c) {
          const problem = this.nested(polygon, 'ring');
          if (problem) return problem;
        }
        return null;
      }
      case 'GeometryCollection': {
        const members = g.geometries;
        if (!Array.isArray(members)) return 'invalide';
        for (const member of members) {
          const problem = this.geometry(member as Record<string, unknown>, depth + 1);
          if (problem) return problem;
        }
        return null;
      }
      default:
        return 'invalide';
    }
  }

  private nested(parts: unknown, shape: Shape): GeometryProblem | null {
    if (!Array.isArray(parts)) return 'invalide';
    for (const part of parts) {
      const problem = this.positions(part, shape);
      if (problem) return problem;
    }
    return null;
  }

  private positions(list: unknown, shape: Shape): GeometryProblem | null {
    if (!Array.isArray(list)) return 'invalide';
    const n = list.length;
    if (n === 0) return null;
    for (let i = 0; i < n; i++) {
      const q = this.position(list[i]);
      if (typeof q === 'string') return q;
      list[i] = q;
    }
    if (shape === 'line' && n < 2) return 'invalide';
    if (shape === 'ring') {
      const first = list[0] as Position;
      const last = list[n - 1] as Position;
      // Unclosed rings are common in hand-made files: close them rather than drop the feature.
      if (first[0] !== last[0] || first[1] !== last[1]) list.push([first[0], first[1]]);
      if (list.length < 4) return 'invalide';
    }
    return null;
  }

  private position(p: unknown): Position | GeometryProblem {
    if (!Array.isArray(p) || p.length < 2) return 'invalide';
    const x = p[0];
    const y = p[1];
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return 'non-numerique';
    if (p.length > 2 && typeof p[2] === 'number' && p[2] !== 0) this.sawZ = true;
    const q = this.project(p as Position);
    const lon = q[0];
    const lat = q[1];
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || !this.valid(p as Position, q)) return 'hors-etendue';
    if (lon < this.minX) this.minX = lon;
    if (lon > this.maxX) this.maxX = lon;
    if (lat < this.minY) this.minY = lat;
    if (lat > this.maxY) this.maxY = lat;
    this.count++;
    return q;
  }
}

/** First finite positions of up to `max` features spread over the layer: the detection sample. */
export function samplePositions(features: readonly { geometry: Geometry | null }[], max = 1000): Position[] {
  const out: Position[] = [];
  const step = Math.max(1, Math.floor(features.length / max));
  for (let i = 0; i < features.length && out.length < max; i += step) {
    const p = firstPosition(features[i].geometry);
    if (p) out.push(p);
  }
  // Strided picks can all land on empty features: then scan in order.
  for (let i = 0; i < features.length && out.length === 0 && step > 1; i++) {
    const p = firstPosition(features[i].geometry);
    if (p) out.push(p);
  }
  return out;
}

function firstPosition(g: unknown, depth = 0): Position | null {
  if (!g || typeof g !== 'object' || depth > 8) return null;
  const geometry = g as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (geometry.type === 'GeometryCollection' && Array.isArray(geometry.geometries)) {
    for (const member of geometry.geometries) {
      const p = firstPosition(member, depth + 1);
      if (p) return p;
    }
    return null;
  }
  let c: unknown = geometry.coordinates;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number' && Number.isFinite(c[0]) && Number.isFinite(c[1])) {
    return [c[0], c[1]];
  }
  return null;
}
