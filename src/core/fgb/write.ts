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
import { magicbytes } from 'flatgeobuf/lib/mjs/constants.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { buildFeature } from 'flatgeobuf/lib/mjs/generic/feature.js';
import { inferGeometryType } from 'flatgeobuf/lib/mjs/generic/header.js';
import { DEFAULT_NODE_SIZE } from 'flatgeobuf/lib/mjs/packedrtree.js';
import { inferColumns, toFlatgeobufProperties } from './columns';
import { emptyBox, expand, parsedBbox, toParsedGeometry } from './geometry';
import { buildHeader, type HeaderCrs } from './header';
import { buildPackedRTree, hilbertSort } from './packed-rtree';
import type { FgbFeature } from './types';

export { hilbertOrder } from './packed-rtree';
export type { FgbFeature } from './types';

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
  crs?: HeaderCrs;
}

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
  const steps = writeSteps(features, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Features encoded between two pauses of `writeFlatGeobufAsync`. */
const SLICE = 2000;

/**
 * The same file, written in slices with `pause()` awaited between them: a worker writing a large
 * layer still answers the map's tile requests meanwhile.
 */
export async function writeFlatGeobufAsync(
  features: FgbFeature[],
  /** Told the share of the work done (0–1) at each pause. */
  pause: (done: number) => Promise<void>,
  options: FgbWriteOptions = {},
): Promise<Uint8Array> {
  const steps = writeSteps(features, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause(step.value);
  }
}

/** The writer, yielding the share done every SLICE features so that callers may pause. */
function* writeSteps(features: FgbFeature[], options: FgbWriteOptions): Generator<number, Uint8Array, void> {
  const nodeSize = options.nodeSize ?? DEFAULT_NODE_SIZE;
  if (!Number.isInteger(nodeSize) || nodeSize < 2 || nodeSize > 65535)
    throw new Error(`FlatGeobuf: nodeSize must be an integer in 2..65535 (got ${nodeSize})`);
  if (features.length === 0) throw new Error('FlatGeobuf: cannot write an empty feature list (flatgeobuf cannot bbox-read a 0-feature file)');

  const items: { feature: FgbFeature; geometry: ReturnType<typeof toParsedGeometry>; bbox: ReturnType<typeof parsedBbox> }[] = [];
  for (const [index, feature] of features.entries()) {
    const geometry = toParsedGeometry(feature, index);
    items.push({ feature, geometry, bbox: parsedBbox(geometry, index) });
    if (index % SLICE === SLICE - 1) yield (index + 1) / (2 * features.length);
  }

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

  const featureBuffers: Uint8Array[] = [];
  for (const i of order) {
    featureBuffers.push(buildFeature(items[i].geometry, toFlatgeobufProperties(items[i].feature.properties, columns, i), headerMeta));
    if (featureBuffers.length % SLICE === 0) yield (features.length + featureBuffers.length) / (2 * features.length);
  }
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
