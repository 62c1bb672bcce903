// The spatial index flatgeobuf's JS package cannot write: features sorted along the Hilbert curve and
// the packed R-tree over their boxes, ported from the reference C++ `packedrtree.cpp` (GDAL sorts the
// same way, so files index alike).
import type { Geometry } from 'geojson';
import { calcTreeSize, generateLevelBounds, NODE_ITEM_BYTE_LEN } from 'flatgeobuf/lib/mjs/packedrtree.js';
import { emptyBox, expand, type Box } from './geometry';
import type { FgbFeature } from './types';

const HILBERT_MAX = (1 << 16) - 1;

/** Descending Hilbert order of the boxes' centres, as the reference implementation (and GDAL) sorts. */
export function hilbertSort(boxes: Box[], extent: Box): number[] {
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
export function buildPackedRTree(leafBoxes: Box[], featureLengths: number[], nodeSize: number): Uint8Array {
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
    const end = levelBounds[level][1];
    let pos = levelBounds[level][0];
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
