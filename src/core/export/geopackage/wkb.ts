// GeoPackage geometry blobs (GeoPackage 1.2 §2.1.3): the "GP" header with the system id and the
// envelope, then ISO WKB, little-endian, 2D.
import type { Geometry, Position } from 'geojson';

const WKB_TYPES: Record<Geometry['type'], number> = {
  Point: 1,
  LineString: 2,
  Polygon: 3,
  MultiPoint: 4,
  MultiLineString: 5,
  MultiPolygon: 6,
  GeometryCollection: 7,
};

function wkbSize(g: Geometry): number {
  switch (g.type) {
    case 'Point':
      return 5 + 16;
    case 'LineString':
      return 9 + 16 * g.coordinates.length;
    case 'Polygon':
      return 9 + g.coordinates.reduce((n, r) => n + 4 + 16 * r.length, 0);
    case 'MultiPoint':
      return 9 + 21 * g.coordinates.length;
    case 'MultiLineString':
      return 9 + g.coordinates.reduce((n, l) => n + 9 + 16 * l.length, 0);
    case 'MultiPolygon':
      return 9 + g.coordinates.reduce((n, p) => n + 9 + p.reduce((m, r) => m + 4 + 16 * r.length, 0), 0);
    case 'GeometryCollection':
      return 9 + g.geometries.reduce((n, m) => n + wkbSize(m), 0);
  }
}

function writeWkb(view: DataView, at: number, g: Geometry): number {
  view.setUint8(at, 1);
  view.setUint32(at + 1, WKB_TYPES[g.type], true);
  let p = at + 5;
  const pos = (q: Position) => {
    // An empty point is NaN NaN in WKB (no other encoding exists for it).
    view.setFloat64(p, q.length >= 2 ? q[0] : NaN, true);
    view.setFloat64(p + 8, q.length >= 2 ? q[1] : NaN, true);
    p += 16;
  };
  const seq = (ps: Position[]) => {
    view.setUint32(p, ps.length, true);
    p += 4;
    ps.forEach(pos);
  };
  const rings = (rs: Position[][]) => {
    view.setUint32(p, rs.length, true);
    p += 4;
    rs.forEach(seq);
  };
  const members = <T>(items: T[], type: number, write: (item: T) => void) => {
    view.setUint32(p, items.length, true);
    p += 4;
    for (const item of items) {
      view.setUint8(p, 1);
      view.setUint32(p + 1, type, true);
      p += 5;
      write(item);
    }
  };
  switch (g.type) {
    case 'Point':
      pos(g.coordinates);
      break;
    case 'LineString':
      seq(g.coordinates);
      break;
    case 'Polygon':
      rings(g.coordinates);
      break;
    case 'MultiPoint':
      members(g.coordinates, 1, pos);
      break;
    case 'MultiLineString':
      members(g.coordinates, 2, seq);
      break;
    case 'MultiPolygon':
      members(g.coordinates, 3, rings);
      break;
    case 'GeometryCollection':
      view.setUint32(p, g.geometries.length, true);
      p += 4;
      for (const m of g.geometries) p = writeWkb(view, p, m);
      break;
  }
  return p;
}

export type Envelope = [minX: number, minY: number, maxX: number, maxY: number];

export function envelopeOf(g: Geometry): Envelope | null {
  const box: Envelope = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      if (c.length < 2) return;
      const [x, y] = c as number[];
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    } else c.forEach(visit);
  };
  const walk = (h: Geometry) => (h.type === 'GeometryCollection' ? h.geometries.forEach(walk) : visit(h.coordinates));
  walk(g);
  return box[0] <= box[2] ? box : null;
}

/** The GeoPackage blob of a geometry in system `srsId`; the envelope lets readers skip WKB parsing. */
export function gpkgGeometry(g: Geometry, srsId: number): { blob: Uint8Array; envelope: Envelope | null } {
  const envelope = envelopeOf(g);
  const header = envelope ? 8 + 32 : 8;
  const blob = new Uint8Array(header + wkbSize(g));
  const view = new DataView(blob.buffer);
  blob[0] = 0x47; // G
  blob[1] = 0x50; // P
  blob[2] = 0; // version 1
  // Flags: little-endian (bit 0), envelope [minx, maxx, miny, maxy] (code 1) or empty-geometry flag.
  blob[3] = envelope ? 0b0000_0011 : 0b0001_0001;
  view.setInt32(4, srsId, true);
  if (envelope) {
    view.setFloat64(8, envelope[0], true);
    view.setFloat64(16, envelope[2], true);
    view.setFloat64(24, envelope[1], true);
    view.setFloat64(32, envelope[3], true);
  }
  writeWkb(view, header, g);
  return { blob, envelope };
}
