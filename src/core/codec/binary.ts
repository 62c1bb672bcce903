// GeoJSON → deck.gl binary attributes (positions, path/polygon indices, triangles), computed in
// the worker so the main thread never tessellates or walks an imported layer's features.
//
// Written here rather than taken from @loaders.gl/gis's geojsonToBinary: that converter builds an
// intermediate "flat" feature object per feature and took 2.7 s for 100,000 parcels, most of the
// import. Two passes straight into typed arrays (count, then fill) do the same work without them.
import { earcut } from '@math.gl/polygon';
import type { Geometry, Position } from 'geojson';
import type { GeoFeature } from '../../../layers/types';

interface Attribute<T> {
  value: T;
  size: number;
}

interface BinaryPart {
  positions: Attribute<Float64Array>;
  /** Index of the drawn feature in the layer (deck.gl reports it as the picked index). */
  globalFeatureIds: Attribute<Uint32Array>;
  /** Index into `properties` (deck.gl's binary format); one shared empty object, properties stay in the worker. */
  featureIds: Attribute<Uint32Array>;
  numericProps: Record<string, never>;
  properties: Record<string, never>[];
  fields: never[];
}

export interface BinaryPoints extends BinaryPart {
  type: 'Point';
}

export interface BinaryLines extends BinaryPart {
  type: 'LineString';
  pathIndices: Attribute<Uint32Array>;
}

export interface BinaryPolygons extends BinaryPart {
  type: 'Polygon';
  polygonIndices: Attribute<Uint32Array>;
  primitivePolygonIndices: Attribute<Uint32Array>;
  triangles: Attribute<Uint32Array>;
}

/**
 * The binary form deck.gl's GeoJsonLayer draws without walking features. All three parts are always
 * there, empty when unused: deck.gl computes picking colours for each of them.
 */
export interface BinaryFeatureCollection {
  shape: 'binary-feature-collection';
  points: BinaryPoints;
  lines: BinaryLines;
  polygons: BinaryPolygons;
}

const EMPTY: Record<string, never> = {};

type Visit = (geometry: Exclude<Geometry, { type: 'GeometryCollection' }>, index: number) => void;

/** Geometry collections are drawn member by member under their feature's index. */
function eachGeometry(features: GeoFeature[], visit: Visit): void {
  const walk = (geometry: Geometry, index: number) => {
    if (geometry.type === 'GeometryCollection') for (const member of geometry.geometries) walk(member, index);
    else visit(geometry, index);
  };
  features.forEach((f, i) => f.geometry && walk(f.geometry, i));
}

const polygonsOf = (g: Geometry): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []);
const pathsOf = (g: Geometry): Position[][] => (g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : []);
const pointsOf = (g: Geometry): Position[] => (g.type === 'Point' ? [g.coordinates] : g.type === 'MultiPoint' ? g.coordinates : []);

function part(positions: number, count: number): BinaryPart & { ids: Uint32Array } {
  const ids = new Uint32Array(positions);
  return {
    ids,
    positions: { value: new Float64Array(positions * 2), size: 2 },
    globalFeatureIds: { value: ids, size: 1 },
    featureIds: { value: new Uint32Array(positions), size: 1 },
    numericProps: {},
    properties: new Array<Record<string, never>>(count).fill(EMPTY),
    fields: [],
  };
}

/** Binary collection whose `globalFeatureIds` are indices in `features`. */
export function toBinary(features: GeoFeature[]): BinaryFeatureCollection {
  // Pass 1: sizes.
  let pointPositions = 0,
    linePositions = 0,
    paths = 0,
    polygonPositions = 0,
    polygons = 0,
    rings = 0;
  let pointGeometries = 0,
    lineGeometries = 0,
    polygonGeometries = 0;
  eachGeometry(features, (g) => {
    if (g.type === 'Point' || g.type === 'MultiPoint') {
      pointPositions += pointsOf(g).length;
      pointGeometries++;
    } else if (g.type === 'LineString' || g.type === 'MultiLineString') {
      for (const path of pathsOf(g)) {
        linePositions += path.length;
        paths++;
      }
      lineGeometries++;
    } else {
      for (const polygon of polygonsOf(g)) {
        for (const ring of polygon) polygonPositions += ring.length;
        rings += polygon.length;
        polygons++;
      }
      polygonGeometries++;
    }
  });

  const pts = part(pointPositions, pointGeometries);
  const lns = { ...part(linePositions, lineGeometries), pathIndices: new Uint32Array(paths + 1) };
  const pls = {
    ...part(polygonPositions, polygonGeometries),
    polygonIndices: new Uint32Array(polygons + 1),
    primitivePolygonIndices: new Uint32Array(rings + 1),
  };
  const triangles: number[] = [];

  // Pass 2: fill.
  let p = 0,
    l = 0,
    path = 0,
    g = 0,
    polygon = 0,
    ring = 0;
  let pointFeature = 0,
    lineFeature = 0,
    polygonFeature = 0;
  eachGeometry(features, (geometry, index) => {
    if (geometry.type === 'Point' || geometry.type === 'MultiPoint') {
      for (const c of pointsOf(geometry)) {
        pts.positions.value[2 * p] = c[0];
        pts.positions.value[2 * p + 1] = c[1];
        pts.ids[p] = index;
        pts.featureIds.value[p++] = pointFeature;
      }
      pointFeature++;
    } else if (geometry.type === 'LineString' || geometry.type === 'MultiLineString') {
      for (const line of pathsOf(geometry)) {
        lns.pathIndices[path++] = l;
        for (const c of line) {
          lns.positions.value[2 * l] = c[0];
          lns.positions.value[2 * l + 1] = c[1];
          lns.ids[l] = index;
          lns.featureIds.value[l++] = lineFeature;
        }
      }
      lineFeature++;
    } else {
      for (const rings of polygonsOf(geometry)) {
        const start = g;
        pls.polygonIndices[polygon++] = g;
        const holes: number[] = [];
        for (const [r, coordinates] of rings.entries()) {
          if (r > 0) holes.push(g - start);
          pls.primitivePolygonIndices[ring++] = g;
          for (const c of coordinates) {
            pls.positions.value[2 * g] = c[0];
            pls.positions.value[2 * g + 1] = c[1];
            pls.ids[g] = index;
            pls.featureIds.value[g++] = polygonFeature;
          }
        }
        const local = earcut(pls.positions.value.subarray(2 * start, 2 * g), holes, 2);
        for (const t of local) triangles.push(t + start);
      }
      polygonFeature++;
    }
  });

  const { ids: _p, ...points } = pts;
  const { ids: _l, pathIndices, ...lines } = lns;
  const { ids: _g, polygonIndices, primitivePolygonIndices, ...polygonPart } = pls;
  pathIndices[path] = l;
  polygonIndices[polygon] = g;
  primitivePolygonIndices[ring] = g;
  return {
    shape: 'binary-feature-collection',
    points: { type: 'Point', ...points },
    lines: { type: 'LineString', ...lines, pathIndices: { value: pathIndices, size: 1 } },
    polygons: {
      type: 'Polygon',
      ...polygonPart,
      polygonIndices: { value: polygonIndices, size: 1 },
      primitivePolygonIndices: { value: primitivePolygonIndices, size: 1 },
      triangles: { value: Uint32Array.from(triangles), size: 1 },
    },
  };
}

/** Every ArrayBuffer under a binary collection, to transfer rather than copy it. */
export function binaryBuffers(binary: BinaryFeatureCollection): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const visit = (value: unknown, depth: number) => {
    if (!value || typeof value !== 'object' || depth > 4) return;
    if (ArrayBuffer.isView(value)) {
      if (value.buffer instanceof ArrayBuffer) out.add(value.buffer);
      return;
    }
    for (const v of Object.values(value)) visit(v, depth + 1);
  };
  visit(binary, 0);
  return [...out];
}
