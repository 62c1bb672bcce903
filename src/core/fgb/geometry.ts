// Geometry helpers of the FlatGeobuf writer: GeoJSON parsed by flatgeobuf's own parser, flattened
// to 2D, and bounding boxes (a non-finite or empty geometry is refused, naming the feature).
import type { Geometry, GeometryCollection } from 'geojson';
import type { IParsedGeometry } from 'flatgeobuf/lib/mjs/generic/geometry.js';
import { parseGC, parseGeometry } from 'flatgeobuf/lib/mjs/geojson/geometry.js';
import type { FgbFeature } from './types';

export type Box = [minX: number, minY: number, maxX: number, maxY: number];

export function emptyBox(): Box {
  return [Infinity, Infinity, -Infinity, -Infinity];
}

export function expand(a: Box, b: Box): Box {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

export function toParsedGeometry(feature: FgbFeature, index: number): IParsedGeometry {
  const geometry = feature.geometry as Geometry | null | undefined;
  if (!geometry) throw new Error(`FlatGeobuf: feature ${index} has a null geometry`);
  const parsed = geometry.type === 'GeometryCollection' ? parseGC(geometry as GeometryCollection) : parseGeometry(geometry);
  if (parsed.type === undefined) throw new Error(`FlatGeobuf: feature ${index} has an unsupported geometry type`);
  dropZ(parsed);
  return parsed;
}

/** flatgeobuf's `flat()` always fills xy correctly, so dropping z keeps a valid 2D geometry. */
export function dropZ(g: IParsedGeometry): void {
  g.z = undefined;
  g.m = undefined;
  // `parts` is typed as required but is undefined for single-part geometries.
  for (const part of g.parts ?? []) dropZ(part);
}

export function parsedBbox(g: IParsedGeometry, index: number): Box {
  const box = emptyBox();
  const visit = (p: IParsedGeometry): void => {
    const xy = p.xy ?? [];
    for (let i = 0; i < xy.length; i += 2) {
      const x = xy[i];
      const y = xy[i + 1];
      if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error(`FlatGeobuf: feature ${index} has a non-finite coordinate`);
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
    for (const part of p.parts ?? []) visit(part);
  };
  visit(g);
  // An empty geometry has no bbox: it could never be found by a bbox read.
  if (box[0] > box[2]) throw new Error(`FlatGeobuf: feature ${index} has an empty geometry`);
  return box;
}
