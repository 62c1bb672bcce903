// The GeoPackage spatial index (extension gpkg_rtree_index) is an SQLite R*Tree virtual table.
// sql.js is built without the R*Tree module, so the index is written as SQLite stores it: the
// three shadow tables (_node, _rowid, _parent) filled with a packed tree built bottom-up, and the
// virtual table's row in sqlite_master. Node blob (sqlite/ext/rtree/rtree.c): 2 bytes tree depth
// (root only), 2 bytes cell count, then per cell an 8-byte id and four 32-bit floats (minx, maxx,
// miny, maxy), big-endian, boxes rounded outwards to float32.
import type { Envelope } from './wkb';

/** What SQLite uses with 4 KiB pages (RTREE_MAXCELLS): 4 + 51 × 24 bytes. */
export const RTREE_CELLS = 51;
const CELL_BYTES = 24;
export const RTREE_NODE_BYTES = 4 + RTREE_CELLS * CELL_BYTES;

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Nearest float32 ≤ v (down) or ≥ v (up), as rtree.c rounds boxes so they still contain the geometry. */
function float32Toward(v: number, up: boolean): number {
  f32[0] = v;
  const f = f32[0];
  if (up ? f >= v : f <= v) return f;
  // One ulp toward the right side. For one sign, adjacent floats have adjacent bit patterns; a
  // larger pattern is further from zero.
  if (f === 0) {
    f32[0] = up ? 1e-45 : -1e-45;
    return f32[0];
  }
  const awayFromZero = up ? f > 0 : f < 0;
  u32[0] = awayFromZero ? u32[0] + 1 : u32[0] - 1;
  return f32[0];
}

export interface RTreeRows {
  nodes: { nodeno: number; data: Uint8Array }[];
  rowids: { rowid: number; nodeno: number }[];
  parents: { nodeno: number; parentnode: number }[];
}

interface Cell {
  id: number;
  box: Envelope;
}

function encodeNode(cells: Cell[], depth: number): Uint8Array {
  const data = new Uint8Array(RTREE_NODE_BYTES);
  const view = new DataView(data.buffer);
  view.setUint16(0, depth, false);
  view.setUint16(2, cells.length, false);
  cells.forEach((cell, i) => {
    const at = 4 + i * CELL_BYTES;
    view.setBigInt64(at, BigInt(cell.id), false);
    view.setFloat32(at + 8, float32Toward(cell.box[0], false), false);
    view.setFloat32(at + 12, float32Toward(cell.box[2], true), false);
    view.setFloat32(at + 16, float32Toward(cell.box[1], false), false);
    view.setFloat32(at + 20, float32Toward(cell.box[3], true), false);
  });
  return data;
}

const union = (cells: Cell[]): Envelope =>
  cells.reduce<Envelope>(
    (b, c) => [Math.min(b[0], c.box[0]), Math.min(b[1], c.box[1]), Math.max(b[2], c.box[2]), Math.max(b[3], c.box[3])],
    [Infinity, Infinity, -Infinity, -Infinity],
  );

/**
 * A packed R-tree over `entries` (feature id + box), sorted Sort-Tile-Recursive so that leaves hold
 * neighbours. Node 1 is the root, as SQLite requires.
 */
export function packRTree(entries: { id: number; box: Envelope }[]): RTreeRows {
  const rows: RTreeRows = { nodes: [], rowids: [], parents: [] };
  if (entries.length === 0) {
    rows.nodes.push({ nodeno: 1, data: encodeNode([], 0) });
    return rows;
  }
  // STR: slices along x, each sorted along y.
  const cx = (e: Cell) => (e.box[0] + e.box[2]) / 2;
  const cy = (e: Cell) => (e.box[1] + e.box[3]) / 2;
  const sorted = [...entries].sort((a, b) => cx(a) - cx(b));
  const leafCount = Math.ceil(sorted.length / RTREE_CELLS);
  const sliceSize = Math.ceil(Math.sqrt(leafCount)) * RTREE_CELLS;
  const ordered: Cell[] = [];
  for (let i = 0; i < sorted.length; i += sliceSize) ordered.push(...sorted.slice(i, i + sliceSize).sort((a, b) => cy(a) - cy(b)));

  // Levels from the leaves up: each a list of nodes (their cells).
  const levels: Cell[][][] = [];
  let level: Cell[] = ordered;
  for (;;) {
    const nodes: Cell[][] = [];
    for (let i = 0; i < level.length; i += RTREE_CELLS) nodes.push(level.slice(i, i + RTREE_CELLS));
    levels.push(nodes);
    if (nodes.length === 1) break;
    level = nodes.map((cells, i) => ({ id: -(i + 1), box: union(cells) })); // ids fixed once numbered
  }
  const depth = levels.length - 1;
  // Number the nodes from the root down: root = 1.
  let next = 1;
  const numbers: number[][] = [];
  for (let l = depth; l >= 0; l--) numbers[l] = levels[l].map(() => next++);
  for (let l = depth; l >= 0; l--) {
    levels[l].forEach((cells, i) => {
      const nodeno = numbers[l][i];
      // Cells of an interior node point at the nodes of the level below, in order.
      const withIds = l === 0 ? cells : cells.map((c) => ({ id: numbers[l - 1][-c.id - 1], box: c.box }));
      rows.nodes.push({ nodeno, data: encodeNode(withIds, l === depth ? depth : 0) });
      if (l === 0) for (const c of cells) rows.rowids.push({ rowid: c.id, nodeno });
      else for (const c of withIds) rows.parents.push({ nodeno: c.id, parentnode: nodeno });
    });
  }
  return rows;
}
