// Minimal but correct ESRI Shapefile writer for tests and benchmarks: point, polyline and polygon
// shapes (.shp + .shx), a dBase III table (.dbf) with character and numeric fields in UTF-8 or
// windows-1252, optional .prj and .cpg, and a zip of the parts. Geometries come as GeoJSON in the
// target coordinates (e.g. Lambert-93 metres). Buffers are sized first and written once, so
// 100,000 features take well under a second.
// Kept apart from the app's exporter (src/core/export/shapefile/) on purpose, though both encode
// .shp records the same way: the importer is tested against files a second, independent writer made,
// so a shared mistake cannot pass both ways.
import { zipSync } from 'fflate';
import type { Geometry, Position } from 'geojson';

export type ShapeKind = 'point' | 'polyline' | 'polygon';

export interface DbfField {
  /** At most 10 ASCII characters. */
  name: string;
  type: 'C' | 'N';
  /** Width in bytes (C: 1..254, N: 1..20). */
  length: number;
  /** Digits after the decimal point (N only). */
  decimals?: number;
}

export type DbfValue = string | number | null;

export interface ShapefileInput {
  shapeType: ShapeKind;
  /** One per record; null writes a null shape. Point: Point; polyline: (Multi)LineString; polygon: (Multi)Polygon. */
  geometries: (Geometry | null)[];
  fields: DbfField[];
  /** One per geometry, values by field name (missing → blank). */
  records: Record<string, DbfValue>[];
  /** Code page of the text in the .dbf (default UTF-8). */
  encoding?: 'utf-8' | 'windows-1252';
  /** .prj text; no .prj when absent. */
  prj?: string;
  /** .cpg text; by default "UTF-8" or "1252" after `encoding`; null writes no .cpg. */
  cpg?: string | null;
}

export interface ShapefileParts {
  shp: Uint8Array;
  shx: Uint8Array;
  dbf: Uint8Array;
  prj?: Uint8Array;
  cpg?: Uint8Array;
}

const SHAPE_CODES: Record<ShapeKind, number> = { point: 1, polyline: 3, polygon: 5 };

/** Twice the signed area: > 0 counter-clockwise. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, n = ring.length; i < n - 1; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum;
}

/** Parts of a record: lines, or rings with the shapefile's winding (outer clockwise, holes counter-clockwise). */
function partsOf(kind: ShapeKind, g: Geometry): Position[][] {
  if (kind === 'polyline') {
    if (g.type === 'LineString') return [g.coordinates];
    if (g.type === 'MultiLineString') return g.coordinates;
  }
  if (kind === 'polygon') {
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : null;
    if (polygons) {
      return polygons.flatMap((rings) =>
        rings.map((ring, i) => {
          const clockwise = signedArea(ring) < 0;
          return clockwise === (i === 0) ? ring : [...ring].reverse();
        }),
      );
    }
  }
  throw new Error(`shapefile-writer: ${g.type} does not fit a ${kind} shapefile`);
}

function writeShpShx(kind: ShapeKind, geometries: (Geometry | null)[]): { shp: Uint8Array; shx: Uint8Array } {
  const records = geometries.map((g) => {
    if (!g) return { parts: null as Position[][] | null, bytes: 4 };
    if (kind === 'point') {
      if (g.type !== 'Point') throw new Error(`shapefile-writer: ${g.type} in a point shapefile`);
      return { parts: [[g.coordinates]], bytes: 20 };
    }
    const parts = partsOf(kind, g);
    const points = parts.reduce((n, p) => n + p.length, 0);
    return { parts, bytes: 44 + 4 * parts.length + 16 * points };
  });
  const shpLength = 100 + records.reduce((n, r) => n + 8 + r.bytes, 0);
  const shp = new Uint8Array(shpLength);
  const shx = new Uint8Array(100 + 8 * records.length);
  const sv = new DataView(shp.buffer);
  const xv = new DataView(shx.buffer);
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  let offset = 100;
  records.forEach((record, index) => {
    xv.setInt32(100 + 8 * index, offset / 2, false);
    xv.setInt32(104 + 8 * index, record.bytes / 2, false);
    sv.setInt32(offset, index + 1, false);
    sv.setInt32(offset + 4, record.bytes / 2, false);
    const at = offset + 8;
    offset = at + record.bytes;
    if (!record.parts) {
      sv.setInt32(at, 0, true);
      return;
    }
    sv.setInt32(at, SHAPE_CODES[kind], true);
    let rMinX = Infinity,
      rMinY = Infinity,
      rMaxX = -Infinity,
      rMaxY = -Infinity;
    for (const part of record.parts) {
      for (const [x, y] of part) {
        if (x < rMinX) rMinX = x;
        if (x > rMaxX) rMaxX = x;
        if (y < rMinY) rMinY = y;
        if (y > rMaxY) rMaxY = y;
      }
    }
    minX = Math.min(minX, rMinX);
    minY = Math.min(minY, rMinY);
    maxX = Math.max(maxX, rMaxX);
    maxY = Math.max(maxY, rMaxY);
    if (kind === 'point') {
      const [x, y] = record.parts[0][0];
      sv.setFloat64(at + 4, x, true);
      sv.setFloat64(at + 12, y, true);
      return;
    }
    sv.setFloat64(at + 4, rMinX, true);
    sv.setFloat64(at + 12, rMinY, true);
    sv.setFloat64(at + 20, rMaxX, true);
    sv.setFloat64(at + 28, rMaxY, true);
    sv.setInt32(at + 36, record.parts.length, true);
    let p = at + 44 + 4 * record.parts.length;
    sv.setInt32(
      at + 40,
      record.parts.reduce((n, part) => n + part.length, 0),
      true,
    );
    let start = 0;
    record.parts.forEach((part, i) => {
      sv.setInt32(at + 44 + 4 * i, start, true);
      start += part.length;
      for (const [x, y] of part) {
        sv.setFloat64(p, x, true);
        sv.setFloat64(p + 8, y, true);
        p += 16;
      }
    });
  });
  for (const [view, length] of [
    [sv, shpLength],
    [xv, shx.length],
  ] as const) {
    view.setInt32(0, 9994, false);
    view.setInt32(24, length / 2, false);
    view.setInt32(28, 1000, true);
    view.setInt32(32, SHAPE_CODES[kind], true);
    const empty = minX > maxX;
    view.setFloat64(36, empty ? 0 : minX, true);
    view.setFloat64(44, empty ? 0 : minY, true);
    view.setFloat64(52, empty ? 0 : maxX, true);
    view.setFloat64(60, empty ? 0 : maxY, true);
  }
  return { shp, shx };
}

/** windows-1252 bytes of the characters it has (0x80–0x9F specials included); '?' otherwise. */
const CP1252_SPECIALS: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

export function encodeWindows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let i = 0;
  for (const c of text) {
    const code = c.charCodeAt(0);
    out[i++] = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : (CP1252_SPECIALS[c] ?? 0x3f);
  }
  return out.subarray(0, i);
}

const utf8 = new TextEncoder();

function writeDbf(fields: DbfField[], records: Record<string, DbfValue>[], encoding: 'utf-8' | 'windows-1252'): Uint8Array {
  const encode = encoding === 'utf-8' ? (s: string) => utf8.encode(s) : encodeWindows1252;
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((n, f) => n + f.length, 0);
  const bytes = new Uint8Array(headerLength + recordLength * records.length + 1);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x03;
  bytes.set([126, 1, 1], 1); // 2026-01-01
  view.setUint32(4, records.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  bytes[29] = encoding === 'windows-1252' ? 0x57 : 0x00; // language driver: ANSI 1252
  fields.forEach((field, i) => {
    const at = 32 + 32 * i;
    for (let c = 0; c < Math.min(10, field.name.length); c++) bytes[at + c] = field.name.charCodeAt(c);
    bytes[at + 11] = field.type.charCodeAt(0);
    bytes[at + 16] = field.length;
    bytes[at + 17] = field.decimals ?? 0;
  });
  bytes[headerLength - 1] = 0x0d;
  bytes.fill(0x20, headerLength, bytes.length - 1);
  let at = headerLength;
  for (const record of records) {
    let p = at + 1; // after the deletion flag (space: kept)
    for (const field of fields) {
      const v = record[field.name];
      if (v !== null && v !== undefined) {
        if (field.type === 'C') {
          const encoded = encode(String(v));
          bytes.set(encoded.subarray(0, field.length), p);
        } else {
          const text = typeof v === 'number' ? v.toFixed(field.decimals ?? 0) : String(v);
          const encoded = utf8.encode(text.slice(0, field.length));
          bytes.set(encoded, p + field.length - encoded.length); // numbers are right-aligned
        }
      }
      p += field.length;
    }
    at += recordLength;
  }
  bytes[bytes.length - 1] = 0x1a;
  return bytes;
}

export function writeShapefile(input: ShapefileInput): ShapefileParts {
  if (input.records.length !== input.geometries.length) throw new Error('shapefile-writer: one record per geometry');
  const encoding = input.encoding ?? 'utf-8';
  const parts: ShapefileParts = { ...writeShpShx(input.shapeType, input.geometries), dbf: writeDbf(input.fields, input.records, encoding) };
  if (input.prj !== undefined) parts.prj = utf8.encode(input.prj);
  const cpg = input.cpg === undefined ? (encoding === 'utf-8' ? 'UTF-8' : '1252') : input.cpg;
  if (cpg !== null) parts.cpg = utf8.encode(cpg);
  return parts;
}

/** {"routes.shp": …, "routes.dbf": …}: the parts as loose files. */
export function shapefileFiles(baseName: string, parts: ShapefileParts): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const [ext, bytes] of Object.entries(parts)) if (bytes) files[`${baseName}.${ext}`] = bytes;
  return files;
}

/** The parts zipped (deflate), optionally inside a folder of the archive. */
export function zipShapefile(baseName: string, parts: ShapefileParts, options: { folder?: string; level?: 0 | 1 | 6 | 9 } = {}): Uint8Array {
  const prefix = options.folder ? `${options.folder}/` : '';
  const files: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(shapefileFiles(baseName, parts))) files[prefix + name] = bytes;
  return zipSync(files, { level: options.level ?? 6 });
}
