// ESRI Shapefile geometry (.shp) and its index (.shx), 2D, following the ESRI technical
// description (July 1998). One file holds one shape type, so the caller groups features by kind.
import type { Geometry, Position } from 'geojson';

export type ShapeKind = 'point' | 'multipoint' | 'polyline' | 'polygon';

const SHAPE_CODES: Record<ShapeKind, number> = { point: 1, polyline: 3, polygon: 5, multipoint: 8 };

/** Twice the signed area: > 0 counter-clockwise. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, n = ring.length; i < n - 1; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum;
}

/** Which shapefile a geometry (or a member of a collection) belongs in; null when it has no coordinates. */
export function shapeKindOf(g: Geometry): ShapeKind | null {
  switch (g.type) {
    case 'Point':
      return g.coordinates.length >= 2 ? 'point' : null;
    case 'MultiPoint':
      return g.coordinates.length > 0 ? 'multipoint' : null;
    case 'LineString':
      return g.coordinates.length > 1 ? 'polyline' : null;
    case 'MultiLineString':
      return g.coordinates.some((l) => l.length > 1) ? 'polyline' : null;
    case 'Polygon':
      return g.coordinates.length > 0 && g.coordinates[0].length > 3 ? 'polygon' : null;
    case 'MultiPolygon':
      return g.coordinates.some((p) => p.length > 0 && p[0].length > 3) ? 'polygon' : null;
    case 'GeometryCollection':
      return null;
  }
}

/**
 * The parts of a record: points, lines, or rings in the shapefile's winding (outer rings
 * clockwise, holes counter-clockwise: readers tell holes from islands that way).
 */
export function partsOf(geometries: Geometry[]): Position[][] {
  const parts: Position[][] = [];
  for (const g of geometries) {
    switch (g.type) {
      case 'Point':
        parts.push([g.coordinates]);
        break;
      case 'MultiPoint':
        parts.push(g.coordinates);
        break;
      case 'LineString':
        parts.push(g.coordinates);
        break;
      case 'MultiLineString':
        for (const l of g.coordinates) if (l.length > 1) parts.push(l);
        break;
      case 'Polygon':
      case 'MultiPolygon': {
        const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
        for (const rings of polygons)
          rings.forEach((ring, i) => {
            if (ring.length < 4) return;
            const clockwise = signedArea(ring) < 0;
            parts.push(clockwise === (i === 0) ? ring : [...ring].reverse());
          });
        break;
      }
      case 'GeometryCollection':
        break;
    }
  }
  return parts;
}

/** A record: its parts, or null for a null shape. For 'point' and 'multipoint', every part is a list of points. */
export type ShapeRecord = Position[][] | null;

export interface ShpFiles {
  shp: Uint8Array;
  shx: Uint8Array;
  bbox: [number, number, number, number] | null;
}

export function writeShpShx(kind: ShapeKind, records: ShapeRecord[]): ShpFiles {
  const code = SHAPE_CODES[kind];
  const sizes = records.map((parts) => {
    if (!parts) return 4;
    const points = parts.reduce((n, p) => n + p.length, 0);
    if (kind === 'point') return 20;
    if (kind === 'multipoint') return 40 + 16 * points;
    return 44 + 4 * parts.length + 16 * points;
  });
  const shpLength = 100 + sizes.reduce((n, s) => n + 8 + s, 0);
  if (shpLength > 2 ** 31 - 1) throw new Error('export Shapefile impossible : le fichier .shp dépasserait 2 Go (exportez en GeoPackage)');
  const shp = new Uint8Array(shpLength);
  const shx = new Uint8Array(100 + 8 * records.length);
  const sv = new DataView(shp.buffer);
  const xv = new DataView(shx.buffer);
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  let offset = 100;
  records.forEach((parts, index) => {
    const bytes = sizes[index];
    xv.setInt32(100 + 8 * index, offset / 2, false);
    xv.setInt32(104 + 8 * index, bytes / 2, false);
    sv.setInt32(offset, index + 1, false);
    sv.setInt32(offset + 4, bytes / 2, false);
    const at = offset + 8;
    offset = at + bytes;
    if (!parts) {
      sv.setInt32(at, 0, true);
      return;
    }
    sv.setInt32(at, code, true);
    let rMinX = Infinity,
      rMinY = Infinity,
      rMaxX = -Infinity,
      rMaxY = -Infinity;
    for (const part of parts)
      for (const [x, y] of part) {
        if (x < rMinX) rMinX = x;
        if (x > rMaxX) rMaxX = x;
        if (y < rMinY) rMinY = y;
        if (y > rMaxY) rMaxY = y;
      }
    minX = Math.min(minX, rMinX);
    minY = Math.min(minY, rMinY);
    maxX = Math.max(maxX, rMaxX);
    maxY = Math.max(maxY, rMaxY);
    if (kind === 'point') {
      const [x, y] = parts[0][0];
      sv.setFloat64(at + 4, x, true);
      sv.setFloat64(at + 12, y, true);
      return;
    }
    sv.setFloat64(at + 4, rMinX, true);
    sv.setFloat64(at + 12, rMinY, true);
    sv.setFloat64(at + 20, rMaxX, true);
    sv.setFloat64(at + 28, rMaxY, true);
    const points = parts.reduce((n, part) => n + part.length, 0);
    let p: number;
    if (kind === 'multipoint') {
      sv.setInt32(at + 36, points, true);
      p = at + 40;
    } else {
      sv.setInt32(at + 36, parts.length, true);
      sv.setInt32(at + 40, points, true);
      let start = 0;
      parts.forEach((part, i) => {
        sv.setInt32(at + 44 + 4 * i, start, true);
        start += part.length;
      });
      p = at + 44 + 4 * parts.length;
    }
    for (const part of parts)
      for (const [x, y] of part) {
        sv.setFloat64(p, x, true);
        sv.setFloat64(p + 8, y, true);
        p += 16;
      }
  });
  const empty = minX > maxX;
  for (const [view, length] of [
    [sv, shpLength],
    [xv, shx.length],
  ] as const) {
    view.setInt32(0, 9994, false);
    view.setInt32(24, length / 2, false);
    view.setInt32(28, 1000, true);
    view.setInt32(32, code, true);
    view.setFloat64(36, empty ? 0 : minX, true);
    view.setFloat64(44, empty ? 0 : minY, true);
    view.setFloat64(52, empty ? 0 : maxX, true);
    view.setFloat64(60, empty ? 0 : maxY, true);
  }
  return { shp, shx, bbox: empty ? null : [minX, minY, maxX, maxY] };
}
