/**
 * FlatGeobuf writer with the packed Hilbert R-tree index.
 *
 * flatgeobuf's own `geojson.serialize` writes no index, so bbox reads fail on
 * its output. This module reuses the package's building blocks (GeoJSON
 * geometry parsing, feature encoding, flatbuffers header tables, tree layout
 * helpers) and only adds what the package lacks in JS: the Hilbert sort and
 * the tree construction, ported from the reference C++ `packedrtree.cpp`.
 * Isomorphic: no DOM or Node-only API.
 */
import type { Feature, Geometry, GeometryCollection } from 'geojson';
// `flatbuffers` is flatgeobuf's own (exact-pinned) dependency; its Builder is
// required to call the generated Header/Column/Crs builders below.
import { Builder } from 'flatbuffers';
import { magicbytes } from 'flatgeobuf/lib/mjs/constants.js';
import { Column } from 'flatgeobuf/lib/mjs/flat-geobuf/column.js';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import { Crs } from 'flatgeobuf/lib/mjs/flat-geobuf/crs.js';
import { GeometryType } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry-type.js';
import { Header } from 'flatgeobuf/lib/mjs/flat-geobuf/header.js';
import type { ColumnMeta } from 'flatgeobuf/lib/mjs/column-meta.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { buildFeature, type IProperties, type JsonValue } from 'flatgeobuf/lib/mjs/generic/feature.js';
import type { IParsedGeometry } from 'flatgeobuf/lib/mjs/generic/geometry.js';
import { inferGeometryType } from 'flatgeobuf/lib/mjs/generic/header.js';
import { parseGC, parseGeometry } from 'flatgeobuf/lib/mjs/geojson/geometry.js';
import { calcTreeSize, DEFAULT_NODE_SIZE, generateLevelBounds, NODE_ITEM_BYTE_LEN } from 'flatgeobuf/lib/mjs/packedrtree.js';

export interface FgbWriteOptions {
  /** Layer name stored in the header. */
  name?: string;
  /** Layer description stored in the header. */
  description?: string;
  /** Human-readable layer title stored in the header. */
  title?: string;
  /** Free-form metadata stored in the header (by convention a JSON string). */
  metadata?: string;
  /** Packed R-tree node size (fan-out), 2..65535; default 16. */
  nodeSize?: number;
  /** Told the written order (indices into `features`): callers that keep features beside the file use it. */
  onOrder?: (order: readonly number[]) => void;
  /**
   * 'as-given' writes the features in the list's order: for a list already sorted by `hilbertOrder`
   * (the workbench draws it before the file is written). The index is valid for any order.
   */
  order?: 'hilbert' | 'as-given';
  /** System of the coordinates (default EPSG:4326, lon/lat); `wkt` lets readers without an EPSG database use it. */
  crs?: { code: number; wkt?: string; name?: string };
}

type FgbFeature = Feature<Geometry, Record<string, unknown> | null>;

/** Value kinds used to infer one column type per property key. */
type ValueKind = 'bool' | 'int32' | 'int53' | 'double' | 'string' | 'json';

const WGS84_EPSG = 4326;
const HILBERT_MAX = (1 << 16) - 1;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * Encodes GeoJSON features (WGS84 lon/lat) as a FlatGeobuf file with a spatial
 * index, so that readers can fetch only the features intersecting a bbox.
 *
 * - Features are reordered along the Hilbert curve (the reader returns them in
 *   that order); GeoJSON `id`s are not stored (FlatGeobuf has no id field).
 * - Coordinates are written in 2D: Z/M values are dropped.
 * - Throws on an empty list: flatgeobuf 4.5.0 cannot bbox-read a 0-feature
 *   file (ArrayReader loops forever in `calcTreeSize(0, …)`, HttpReader throws
 *   "No index found"), so failing at build time is safer than at read time.
 * - Throws on a null or empty geometry, naming the feature index.
 */
export function writeFlatGeobuf(features: FgbFeature[], options: FgbWriteOptions = {}): Uint8Array {
  const nodeSize = options.nodeSize ?? DEFAULT_NODE_SIZE;
  if (!Number.isInteger(nodeSize) || nodeSize < 2 || nodeSize > 65535)
    throw new Error(`FlatGeobuf: nodeSize must be an integer in 2..65535 (got ${nodeSize})`);
  if (features.length === 0) throw new Error('FlatGeobuf: cannot write an empty feature list (flatgeobuf cannot bbox-read a 0-feature file)');

  const items = features.map((feature, index) => {
    const geometry = toParsedGeometry(feature, index);
    return { feature, geometry, bbox: parsedBbox(geometry, index) };
  });

  const columns = inferColumns(features);
  const extent = items.reduce((acc, item) => expand(acc, item.bbox), emptyBox());
  const headerMeta: HeaderMeta = {
    geometryType: inferGeometryType(features),
    columns,
    envelope: Float64Array.from(extent),
    featuresCount: features.length,
    indexNodeSize: nodeSize,
    crs: null, // unused: buildHeader writes options.crs (EPSG:4326 by default)
    title: options.title ?? null,
    description: options.description ?? null,
    metadata: options.metadata ?? null,
  };

  const order =
    options.order === 'as-given'
      ? items.map((_, i) => i)
      : hilbertSort(
          items.map((item) => item.bbox),
          extent,
        );
  options.onOrder?.(order);

  const featureBuffers = order.map((i) =>
    buildFeature(items[i].geometry, toFlatgeobufProperties(items[i].feature.properties, columns, i), headerMeta),
  );
  const header = buildHeader(headerMeta, options.name, options.crs);
  const tree = buildPackedRTree(
    order.map((i) => items[i].bbox),
    featureBuffers.map((b) => b.length),
    nodeSize,
  );

  const featuresLength = featureBuffers.reduce((sum, b) => sum + b.length, 0);
  const out = new Uint8Array(magicbytes.length + header.length + tree.length + featuresLength);
  out.set(magicbytes, 0);
  let offset = magicbytes.length;
  out.set(header, offset);
  offset += header.length;
  out.set(tree, offset);
  offset += tree.length;
  for (const buffer of featureBuffers) {
    out.set(buffer, offset);
    offset += buffer.length;
  }
  return out;
}

// ---------------------------------------------------------------- geometry --

type Box = [minX: number, minY: number, maxX: number, maxY: number];

function emptyBox(): Box {
  return [Infinity, Infinity, -Infinity, -Infinity];
}

function expand(a: Box, b: Box): Box {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

function toParsedGeometry(feature: FgbFeature, index: number): IParsedGeometry {
  const geometry = feature.geometry as Geometry | null | undefined;
  if (!geometry) throw new Error(`FlatGeobuf: feature ${index} has a null geometry`);
  const parsed = geometry.type === 'GeometryCollection' ? parseGC(geometry as GeometryCollection) : parseGeometry(geometry);
  if (parsed.type === undefined) throw new Error(`FlatGeobuf: feature ${index} has an unsupported geometry type`);
  dropZ(parsed);
  return parsed;
}

/** flatgeobuf's `flat()` always fills xy correctly, so dropping z keeps a valid 2D geometry. */
function dropZ(g: IParsedGeometry): void {
  g.z = undefined;
  g.m = undefined;
  // `parts` is typed as required but is undefined for single-part geometries.
  for (const part of g.parts ?? []) dropZ(part);
}

function parsedBbox(g: IParsedGeometry, index: number): Box {
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

// ------------------------------------------------------------ packed R-tree --

/** Descending Hilbert order of the boxes' centres, as the reference implementation (and GDAL) sorts. */
function hilbertSort(boxes: Box[], extent: Box): number[] {
  const values = boxes.map((box) => hilbertOfBox(box, extent));
  return boxes.map((_, i) => i).sort((a, b) => values[b] - values[a]);
}

/**
 * The order `writeFlatGeobuf` would write `features` in, from their GeoJSON coordinates alone
 * (no FlatGeobuf encoding): callers can sort, draw, then write with `order: 'as-given'`.
 */
export function hilbertOrder(features: FgbFeature[]): number[] {
  const boxes = features.map((feature) => {
    const box = emptyBox();
    const visit = (value: unknown): void => {
      if (!Array.isArray(value)) return;
      if (typeof value[0] === 'number') {
        const [x, y] = value as number[];
        if (x < box[0]) box[0] = x;
        if (y < box[1]) box[1] = y;
        if (x > box[2]) box[2] = x;
        if (y > box[3]) box[3] = y;
      } else for (const v of value) visit(v);
    };
    const walk = (g: Geometry | null | undefined): void => {
      if (!g) return;
      if (g.type === 'GeometryCollection') g.geometries.forEach(walk);
      else visit(g.coordinates);
    };
    walk(feature.geometry);
    return box;
  });
  const extent = boxes.reduce((acc, box) => (box[0] > box[2] ? acc : expand(acc, box)), emptyBox());
  return hilbertSort(boxes, extent);
}

/** Hilbert index of two 16-bit coordinates (rawrunprotected/hilbert_curves, as in flatgeobuf C++). */
function hilbert(x: number, y: number): number {
  let a = x ^ y;
  let b = 0xffff ^ a;
  let c = 0xffff ^ (x | y);
  let d = x & (y ^ 0xffff);

  let A = a | (b >> 1);
  let B = (a >> 1) ^ a;
  let C = (c >> 1) ^ (b & (d >> 1)) ^ c;
  let D = (a & (c >> 1)) ^ (d >> 1) ^ d;

  a = A;
  b = B;
  c = C;
  d = D;
  A = (a & (a >> 2)) ^ (b & (b >> 2));
  B = (a & (b >> 2)) ^ (b & ((a ^ b) >> 2));
  C ^= (a & (c >> 2)) ^ (b & (d >> 2));
  D ^= (b & (c >> 2)) ^ ((a ^ b) & (d >> 2));

  a = A;
  b = B;
  c = C;
  d = D;
  A = (a & (a >> 4)) ^ (b & (b >> 4));
  B = (a & (b >> 4)) ^ (b & ((a ^ b) >> 4));
  C ^= (a & (c >> 4)) ^ (b & (d >> 4));
  D ^= (b & (c >> 4)) ^ ((a ^ b) & (d >> 4));

  a = A;
  b = B;
  c = C;
  d = D;
  C ^= (a & (c >> 8)) ^ (b & (d >> 8));
  D ^= (b & (c >> 8)) ^ ((a ^ b) & (d >> 8));

  a = C ^ (C >> 1);
  b = D ^ (D >> 1);

  let i0 = x ^ y;
  let i1 = b | (0xffff ^ (i0 | a));

  i0 = (i0 | (i0 << 8)) & 0x00ff00ff;
  i0 = (i0 | (i0 << 4)) & 0x0f0f0f0f;
  i0 = (i0 | (i0 << 2)) & 0x33333333;
  i0 = (i0 | (i0 << 1)) & 0x55555555;

  i1 = (i1 | (i1 << 8)) & 0x00ff00ff;
  i1 = (i1 | (i1 << 4)) & 0x0f0f0f0f;
  i1 = (i1 | (i1 << 2)) & 0x33333333;
  i1 = (i1 | (i1 << 1)) & 0x55555555;

  // JS bitwise ops are signed 32-bit: reinterpret as uint32 to sort correctly.
  return ((i1 << 1) | i0) >>> 0;
}

function hilbertOfBox(box: Box, extent: Box): number {
  const width = extent[2] - extent[0];
  const height = extent[3] - extent[1];
  // A degenerate extent (single point, aligned items) would divide by zero.
  const x = width > 0 ? Math.floor((HILBERT_MAX * ((box[0] + box[2]) / 2 - extent[0])) / width) : 0;
  const y = height > 0 ? Math.floor((HILBERT_MAX * ((box[1] + box[3]) / 2 - extent[1])) / height) : 0;
  return hilbert(x, y);
}

/**
 * Serialises the tree: nodes top-down (root first), leaves last in feature
 * order; each node is minX, minY, maxX, maxY (f64) + offset (u64), little
 * endian. Leaf offset = byte offset of the feature in the features section;
 * internal node offset = index of its first child node.
 */
function buildPackedRTree(leafBoxes: Box[], featureLengths: number[], nodeSize: number): Uint8Array {
  const numItems = leafBoxes.length;
  // Bottom-up: levelBounds[0] is the leaf level, the last one is the root.
  const levelBounds = generateLevelBounds(numItems, nodeSize);
  const numNodes = levelBounds[0][1];
  const boxes = new Float64Array(numNodes * 4);
  const offsets = new Array<number>(numNodes).fill(0);

  let featureOffset = 0;
  for (let i = 0; i < numItems; i++) {
    const node = numNodes - numItems + i;
    boxes.set(leafBoxes[i], node * 4);
    offsets[node] = featureOffset;
    featureOffset += featureLengths[i];
  }

  for (let level = 0; level < levelBounds.length - 1; level++) {
    let [pos, end] = levelBounds[level];
    let parent = levelBounds[level + 1][0];
    while (pos < end) {
      const firstChild = pos;
      let box = emptyBox();
      for (let j = 0; j < nodeSize && pos < end; j++, pos++)
        box = expand(box, [boxes[pos * 4], boxes[pos * 4 + 1], boxes[pos * 4 + 2], boxes[pos * 4 + 3]]);
      boxes.set(box, parent * 4);
      offsets[parent] = firstChild;
      parent++;
    }
  }

  const size = calcTreeSize(numItems, nodeSize);
  if (size !== numNodes * NODE_ITEM_BYTE_LEN) throw new Error('FlatGeobuf: inconsistent R-tree size');
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  for (let n = 0; n < numNodes; n++) {
    const at = n * NODE_ITEM_BYTE_LEN;
    view.setFloat64(at, boxes[n * 4], true);
    view.setFloat64(at + 8, boxes[n * 4 + 1], true);
    view.setFloat64(at + 16, boxes[n * 4 + 2], true);
    view.setFloat64(at + 24, boxes[n * 4 + 3], true);
    view.setBigUint64(at + 32, BigInt(offsets[n]), true);
  }
  return bytes;
}

// ------------------------------------------------------------------ header --

function buildHeader(meta: HeaderMeta, name: string | undefined, crsOption?: FgbWriteOptions['crs']): Uint8Array {
  const builder = new Builder(1024);
  // Child tables and strings must be created before Header.startHeader.
  const columnOffsets = (meta.columns ?? []).map((column) => {
    const columnName = builder.createString(column.name);
    Column.startColumn(builder);
    Column.addName(builder, columnName);
    Column.addType(builder, column.type);
    return Column.endColumn(builder);
  });
  const columnsVector = columnOffsets.length > 0 ? Header.createColumnsVector(builder, columnOffsets) : 0;
  const envelope = meta.envelope ? Header.createEnvelopeVector(builder, meta.envelope) : 0;
  const nameOffset = name !== undefined ? builder.createString(name) : 0;
  const descriptionOffset = meta.description !== null ? builder.createString(meta.description) : 0;
  const titleOffset = meta.title !== null ? builder.createString(meta.title) : 0;
  const metadataOffset = meta.metadata !== null ? builder.createString(meta.metadata) : 0;
  const org = builder.createString('EPSG');
  const crsName = crsOption?.name ? builder.createString(crsOption.name) : 0;
  const crsWkt = crsOption?.wkt ? builder.createString(crsOption.wkt) : 0;
  Crs.startCrs(builder);
  Crs.addOrg(builder, org);
  Crs.addCode(builder, crsOption?.code ?? WGS84_EPSG);
  if (crsName) Crs.addName(builder, crsName);
  if (crsWkt) Crs.addWkt(builder, crsWkt);
  const crs = Crs.endCrs(builder);

  Header.startHeader(builder);
  if (nameOffset) Header.addName(builder, nameOffset);
  if (envelope) Header.addEnvelope(builder, envelope);
  Header.addGeometryType(builder, meta.geometryType);
  if (columnsVector) Header.addColumns(builder, columnsVector);
  Header.addFeaturesCount(builder, BigInt(meta.featuresCount));
  Header.addIndexNodeSize(builder, meta.indexNodeSize);
  Header.addCrs(builder, crs);
  if (titleOffset) Header.addTitle(builder, titleOffset);
  if (descriptionOffset) Header.addDescription(builder, descriptionOffset);
  if (metadataOffset) Header.addMetadata(builder, metadataOffset);
  builder.finishSizePrefixed(Header.endHeader(builder));
  return builder.asUint8Array();
}

// -------------------------------------------------------------- properties --

function valueKind(value: unknown, key: string, index: number): ValueKind | null {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'boolean':
      return 'bool';
    case 'number':
      if (!Number.isSafeInteger(value)) return 'double';
      return value >= INT32_MIN && value <= INT32_MAX ? 'int32' : 'int53';
    case 'string':
      return 'string';
    case 'object':
      return 'json';
    default:
      throw new Error(`FlatGeobuf: feature ${index}, property "${key}": unsupported value type ${typeof value}`);
  }
}

const NUMERIC_RANK: Partial<Record<ValueKind, number>> = { int32: 0, int53: 1, double: 2 };

/** Numbers widen (int32 → int53 → double); any other mix of kinds falls back to string. */
function mergeKinds(a: ValueKind, b: ValueKind): ValueKind {
  if (a === b) return a;
  const ra = NUMERIC_RANK[a];
  const rb = NUMERIC_RANK[b];
  if (ra !== undefined && rb !== undefined) return ra > rb ? a : b;
  return 'string';
}

const COLUMN_TYPE: Record<ValueKind, ColumnType> = {
  bool: ColumnType.Bool,
  int32: ColumnType.Int,
  int53: ColumnType.Long,
  double: ColumnType.Double,
  string: ColumnType.String,
  json: ColumnType.Json,
};

/**
 * One column per key seen in any feature, in first-seen order. A key whose
 * values mix types (e.g. number and string) becomes a String column and its
 * numbers/booleans are stringified, objects JSON-encoded. A key that is only
 * ever null gets a String column with no values.
 */
function inferColumns(features: FgbFeature[]): ColumnMeta[] {
  const kinds = new Map<string, ValueKind | null>();
  features.forEach((feature, index) => {
    for (const [key, value] of Object.entries(feature.properties ?? {})) {
      const kind = valueKind(value, key, index);
      const known = kinds.get(key);
      if (known === undefined || known === null) kinds.set(key, kind);
      else if (kind !== null) kinds.set(key, mergeKinds(known, kind));
    }
  });
  return [...kinds].map(([name, kind]) => ({
    name,
    type: COLUMN_TYPE[kind ?? 'string'],
    title: null,
    description: null,
    width: -1,
    precision: -1,
    scale: -1,
    nullable: true,
    unique: false,
    primary_key: false,
  }));
}

/** Maps every column to a value buildFeature can encode; null means "omitted". */
function toFlatgeobufProperties(properties: Record<string, unknown> | null, columns: ColumnMeta[], index: number): IProperties {
  const out: IProperties = {};
  for (const column of columns) {
    const value = properties?.[column.name];
    // buildFeature skips only `null`; `undefined` would write a corrupt value.
    if (value === null || value === undefined) {
      out[column.name] = null;
    } else if (column.type === ColumnType.String && typeof value !== 'string') {
      out[column.name] = typeof value === 'object' ? JSON.stringify(value) : String(value);
    } else if (column.type === ColumnType.Json) {
      // buildFeature JSON-encodes Json columns itself.
      out[column.name] = value as JsonValue;
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      out[column.name] = value;
    } else {
      throw new Error(`FlatGeobuf: feature ${index}, property "${column.name}": unexpected value`);
    }
  }
  return out;
}
