// Shared pieces of the property-based ("fuzz") tests of the import parsers and pipeline readers:
// the run budget, byte mutations, hostile strings, the outcome check (a sane import or a clear
// French ImportError, never a crash or a hang) and the per-parser summary the closing note quotes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Geometry, Position } from 'geojson';
import { ImportError, type ImportErrorCode } from '../../src/core/import';
import type { ImportedLayer } from '../../src/core/types';
import { encodeFgb } from '../../src/core/codec/layer-codec';
import { LayerTiles } from '../../src/core/codec/tiles';

/** Generated cases per parser (each parser's properties share at least this many runs each). */
export const FUZZ_RUNS_PER_PARSER = 1000;
/** One case taking longer than this is reported as a hang (sync code cannot be interrupted, so it is measured). */
export const CASE_TIME_LIMIT_MS = 3000;
/** Vitest time budget of one property (its FUZZ_RUNS_PER_PARSER cases). */
export const FUZZ_TEST_TIMEOUT_MS = 60_000;
/** Round trips of valid files encode one import in this many (see expectSaneImport). */
export const ENCODE_EVERY_VALID = 10;
/**
 * One fixed seed by default, so that CI runs the same cases every time (a new case found on one run only
 * would make main red at random); FUZZ_SEED=<seed printed by fast-check> replays a failure and
 * FUZZ_SEED=random explores new cases.
 */
const SEED = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED ?? 20261128);

/** fast-check parameters shared by every fuzz property. */
export function fuzzParams(numRuns = FUZZ_RUNS_PER_PARSER): fc.Parameters<unknown> {
  // `timeout` fails a case stuck on an await (e.g. a promise never settled); failures are shrunk, then reported with their seed.
  return { numRuns, seed: SEED, timeout: CASE_TIME_LIMIT_MS };
}

/**
 * Messages of engine errors that mean a parser crashed rather than refused: an ImportError built
 * from one of these (asImportError wraps anything) still counts as a crash.
 */
export const RAW_ERROR =
  /Cannot read prop|Cannot set prop|Cannot convert|is not a function|is not iterable|is not defined|is not an object|Maximum call stack|Invalid array length|Invalid typed array|Invalid DataView|DataView|Start offset|Invalid string length|out of memory|allocation failed|outside the bounds|out of range|\bundefined\b|\[object |RangeError|TypeError|ReferenceError/;

const CODES = new Set<ImportErrorCode>([
  'vide',
  'trop-gros',
  'illisible',
  'tronque',
  'format-inconnu',
  'zip-sans-shp',
  'shp-incomplet',
  'crs-inconnu',
  'zip-bombe',
  'sans-geometrie',
  'annule',
]);

// ---------------------------------------------------------------- summary

interface ParserTally {
  cases: number;
  imported: number;
  refused: Record<string, number>;
  /** A few distinct refusal messages per code, for reading (the file name cut off). */
  samples: Record<string, string[]>;
  slowestMs: number;
  totalMs: number;
}

const tallies = new Map<string, ParserTally>();

export function tally(parser: string): ParserTally {
  let t = tallies.get(parser);
  if (!t) tallies.set(parser, (t = { cases: 0, imported: 0, refused: {}, samples: {}, slowestMs: 0, totalMs: 0 }));
  return t;
}

/** Writes .tmp/fuzz-summary/<file>.json and prints one line per parser (vitest shows it). */
export function writeSummary(file: string): void {
  const dir = join(process.cwd(), '.tmp', 'fuzz-summary');
  mkdirSync(dir, { recursive: true });
  const out = Object.fromEntries([...tallies].map(([k, t]) => [k, { ...t, slowestMs: Math.round(t.slowestMs), totalMs: Math.round(t.totalMs) }]));
  writeFileSync(join(dir, `${file}.json`), `${JSON.stringify(out, null, 2)}\n`);
  for (const [parser, t] of tallies) {
    console.log(
      `[fuzz] ${parser} : ${t.cases} cas, ${t.imported} importés, refus ${JSON.stringify(t.refused)}, plus lent ${Math.round(t.slowestMs)} ms`,
    );
  }
}

// ---------------------------------------------------------------- outcome checks

function checkPositions(g: Geometry, where: string, depth = 0): void {
  if (depth > 64) throw new Error(`${where} : collection imbriquée à plus de 64 niveaux acceptée`);
  const position = (p: Position) => {
    if (!Array.isArray(p) || p.length < 2) throw new Error(`${where} : position mal formée ${JSON.stringify(p)}`);
    const [lon, lat] = p;
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90)
      throw new Error(`${where} : position hors limites ${JSON.stringify(p)}`);
  };
  switch (g.type) {
    case 'Point':
      if (g.coordinates.length > 0) position(g.coordinates);
      return;
    case 'MultiPoint':
    case 'LineString':
      g.coordinates.forEach(position);
      return;
    case 'MultiLineString':
    case 'Polygon':
      g.coordinates.forEach((l) => l.forEach(position));
      return;
    case 'MultiPolygon':
      g.coordinates.forEach((p) => p.forEach((l) => l.forEach(position)));
      return;
    case 'GeometryCollection':
      g.geometries.forEach((m) => checkPositions(m, where, depth + 1));
      return;
    default:
      throw new Error(`${where} : type de géométrie inconnu ${(g as { type: unknown }).type}`);
  }
}

function checkText(text: unknown, what: string): void {
  if (typeof text !== 'string' || text.trim() === '') throw new Error(`${what} vide ou non textuel : ${String(text)}`);
  if (RAW_ERROR.test(text)) throw new Error(`${what} contient une erreur JavaScript brute : ${text}`);
}

/** A resolved import must be usable: finite WGS84 coordinates, sane bounds, and the worker can encode it for the map and storage. */
export function checkLayers(layers: ImportedLayer[], fileName: string, encode = true): void {
  if (!Array.isArray(layers) || layers.length === 0) throw new Error(`${fileName} : import réussi sans couche`);
  for (const layer of layers) {
    if (layer.features.length === 0) throw new Error(`${fileName} : couche importée sans entité`);
    if (!layer.bounds) throw new Error(`${fileName} : couche importée sans emprise`);
    const [w, s, e, n] = layer.bounds;
    if (![w, s, e, n].every(Number.isFinite) || w > e || s > n || w < -180 || e > 180 || s < -90 || n > 90) {
      throw new Error(`${fileName} : emprise invalide ${JSON.stringify(layer.bounds)}`);
    }
    layer.features.forEach((f, i) => {
      if (!f.geometry) throw new Error(`${fileName} : entité ${i} sans géométrie`);
      if (typeof f.properties !== 'object' || f.properties === null) throw new Error(`${fileName} : entité ${i} sans propriétés`);
      checkPositions(f.geometry, `${fileName} entité ${i}`);
    });
    layer.warnings.forEach((w) => checkText(w, `${fileName} : avertissement`));
    // What the worker does next with every imported layer: its FlatGeobuf, and the tiles the map asks.
    if (encode) {
      encodeFgb(layer.features);
      new LayerTiles(layer.features).tile(0, 0, 0);
    }
  }
}

/** A refusal must be an ImportError with a known code and a French message naming the file. */
export function checkRefusal(error: unknown, fileName: string): ImportError {
  if (!(error instanceof ImportError)) {
    throw new Error(
      `${fileName} : exception qui n'est pas une ImportError : ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error)}`,
    );
  }
  if (!CODES.has(error.code)) throw new Error(`${fileName} : code d'erreur inconnu ${error.code}`);
  checkText(error.message, `${fileName} : message d'erreur`);
  if (!error.message.startsWith(fileName)) throw new Error(`message qui ne nomme pas le fichier ${fileName} : ${error.message}`);
  return error;
}

/** The refusal of the last case run by expectSaneImport (null when it imported): properties check its code. */
export let lastRefusal: ImportError | null = null;

/**
 * Runs one import case under the time limit and checks its outcome; records it in the parser's
 * tally. Returns the layers when the import succeeded, null when it was refused.
 */
export async function expectSaneImport(
  parser: string,
  fileName: string,
  run: () => Promise<ImportedLayer[]>,
  /** Encode one import in this many for the map and storage (3/4 of a small case's time): round trips of valid files sample it. */
  encodeEvery = 1,
): Promise<ImportedLayer[] | null> {
  const t = tally(parser);
  t.cases++;
  const start = performance.now();
  let layers: ImportedLayer[] | null = null;
  let refusal: ImportError | null = null;
  try {
    layers = await run();
  } catch (error) {
    refusal = checkRefusal(error, fileName);
  }
  const elapsed = performance.now() - start;
  t.totalMs += elapsed;
  t.slowestMs = Math.max(t.slowestMs, elapsed);
  if (elapsed > CASE_TIME_LIMIT_MS)
    throw new Error(`${fileName} : ${Math.round(elapsed)} ms, au-delà de la limite de ${CASE_TIME_LIMIT_MS} ms (blocage)`);
  lastRefusal = refusal;
  if (refusal) {
    t.refused[refusal.code] = (t.refused[refusal.code] ?? 0) + 1;
    const samples = (t.samples[refusal.code] ??= []);
    const text = refusal.message.slice(fileName.length);
    if (samples.length < 4 && !samples.includes(text)) samples.push(text);
    return null;
  }
  checkLayers(layers as ImportedLayer[], fileName, t.imported % encodeEvery === 0);
  t.imported++;
  return layers;
}

// ---------------------------------------------------------------- generators

/** Values users put in attribute tables, and values an attacker would. */
export const HOSTILE_STRINGS = [
  '<img src=x onerror=alert(1)>',
  'javascript:alert(document.cookie)',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "'; DROP TABLE communes;--",
  '=HYPERLINK("http://x")',
  '${7*7}{{7*7}}',
  'a\u0000b',
  'Liévin – Éleu-dit-Leauwette',
  'Œuvre « cœur » ’',
  '\u202Eevil.exe',
  '🏳️‍🌈 terril',
  '',
  ' espaces ',
  'ligne 1\r\nligne 2',
  '\uFEFFbom',
  '&amp; &lt;b&gt;',
];

/** Printable-or-not text, unicode included; `unit: 'grapheme'` keeps it valid UTF-16 so it survives UTF-8 encoding. */
export const hostileText = (maxLength = 24): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength }) },
    { weight: 1, arbitrary: fc.string({ maxLength }) },
  );

/** A point around Lens–Liévin (lon 2.6–3.1, lat 50.3–50.6). */
export const lensLonLat: fc.Arbitrary<Position> = fc.tuple(
  fc.double({ min: 2.6, max: 3.1, noNaN: true }),
  fc.double({ min: 50.3, max: 50.6, noNaN: true }),
);

/** A star-shaped, counter-clockwise, closed ring around a centre (never self-intersecting). */
export const ccwRing = (maxVertices = 12): fc.Arbitrary<Position[]> =>
  fc
    .tuple(lensLonLat, fc.array(fc.double({ min: 0.001, max: 0.02, noNaN: true }), { minLength: 3, maxLength: maxVertices }))
    .map(([[cx, cy], radii]) => {
      const ring = radii.map((r, i) => {
        const a = (2 * Math.PI * i) / radii.length;
        return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
      });
      return [...ring, [...ring[0]]];
    });

/** A valid 2D geometry around Lens (polygons counter-clockwise, as RFC 7946 wants: rewinding leaves them alone). */
export const lensGeometry: fc.Arbitrary<Geometry> = fc.oneof(
  lensLonLat.map((c): Geometry => ({ type: 'Point', coordinates: c })),
  fc.array(lensLonLat, { minLength: 2, maxLength: 10 }).map((c): Geometry => ({ type: 'LineString', coordinates: c })),
  fc.array(lensLonLat, { minLength: 1, maxLength: 6 }).map((c): Geometry => ({ type: 'MultiPoint', coordinates: c })),
  ccwRing().map((r): Geometry => ({ type: 'Polygon', coordinates: [r] })),
  fc
    .array(fc.array(lensLonLat, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 3 })
    .map((c): Geometry => ({ type: 'MultiLineString', coordinates: c })),
  fc.array(ccwRing(6), { minLength: 1, maxLength: 3 }).map((rs): Geometry => ({ type: 'MultiPolygon', coordinates: rs.map((r) => [r]) })),
);

/** Property names: short ASCII words, distinct, never the reserved ones the importer adds. */
export const propertyName = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/).filter((k) => !['dossier', 'type_gpx', 'colonne_1'].includes(k));

// ---------------------------------------------------------------- byte mutations

export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'magic'; bytes: number[] }
  | { kind: 'invalid-utf8'; at: number }
  | { kind: 'repeat'; at: number; length: number; times: number };

/** Where in the file, as a fraction; unbiased (fast-check's default bias would pick offset 0 most of the time). */
const where = fc.noBias(fc.nat({ max: 999_999 })).map((n) => n / 1_000_000);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  where.map((at): Mutation => ({ kind: 'truncate', at })),
  fc.record({ kind: fc.constant('flip' as const), at: where, value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: where, length: fc.integer({ min: 1, max: 16 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: where, bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('magic' as const), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('invalid-utf8' as const), at: where }),
  fc.record({ kind: fc.constant('repeat' as const), at: where, length: fc.integer({ min: 1, max: 32 }), times: fc.integer({ min: 2, max: 20 }) }),
);

/** Lone continuation bytes, overlong forms, surrogates in UTF-8, bytes never valid in UTF-8. */
const INVALID_UTF8 = [[0x80], [0xc3, 0x28], [0xe2, 0x28, 0xa1], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xff], [0xfe], [0xf8, 0x88, 0x80, 0x80, 0x80]];

export function mutate(input: Uint8Array, mutations: Mutation[]): Uint8Array {
  let bytes = input;
  for (const m of mutations) {
    const at = 'at' in m ? Math.floor(m.at * bytes.length) : 0;
    switch (m.kind) {
      case 'truncate':
        bytes = bytes.slice(0, at);
        break;
      case 'flip':
        if (bytes.length > 0) {
          bytes = bytes.slice();
          bytes[at] = m.value;
        }
        break;
      case 'delete':
        bytes = concat(bytes.subarray(0, at), bytes.subarray(at + m.length));
        break;
      case 'insert':
        bytes = concat(bytes.subarray(0, at), Uint8Array.from(m.bytes), bytes.subarray(at));
        break;
      case 'magic':
        bytes = concat(Uint8Array.from(m.bytes), bytes.subarray(Math.min(m.bytes.length, bytes.length)));
        break;
      case 'invalid-utf8':
        bytes = concat(bytes.subarray(0, at), Uint8Array.from(INVALID_UTF8[at % INVALID_UTF8.length]), bytes.subarray(at));
        break;
      case 'repeat': {
        const piece = bytes.subarray(at, at + m.length);
        bytes = concat(bytes.subarray(0, at), ...new Array(m.times).fill(piece), bytes.subarray(at + m.length));
        break;
      }
    }
  }
  return bytes;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 });
