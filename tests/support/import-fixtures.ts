// Small hand-made geometries around Lens and Liévin (lon 2.78–2.86, lat 50.40–50.45) for the
// import tests, and helpers to project them into the systems the importer reads. Nothing here
// comes from the open-data mirror.
import proj4 from 'proj4';
import type { Geometry, Position } from 'geojson';
import { mapPositions } from '../../src/core/geo/crs'; // also registers EPSG:2154 and EPSG:3950 with proj4
import type { CrsCode, ImportedLayer } from '../../src/core/types';
import type { ImporterOptions } from '../../src/core/import';
import { importFile } from '../../src/core/import';

export const utf8 = (s: string) => new TextEncoder().encode(s);
export const json = (v: unknown) => utf8(JSON.stringify(v));

/** Three sites with accents in their names, as lon/lat. */
export const SITES: { nom: string; commune: string; lonLat: Position }[] = [
  { nom: 'Stade Bollaert-Delelis', commune: 'Lens', lonLat: [2.815, 50.4327] },
  { nom: 'Église Saint-Amé', commune: 'Liévin', lonLat: [2.7785, 50.4215] },
  { nom: 'Terril de Pinchonvalles', commune: 'Avion', lonLat: [2.7902, 50.4068] },
];

/** A path through Lens to Liévin (lon/lat). */
export const PATH: Position[] = [
  [2.8316, 50.4289],
  [2.8201, 50.4262],
  [2.8013, 50.4238],
  [2.7811, 50.4196],
];

/** A clockwise outer ring with a counter-clockwise hole (both "wrong" for RFC 7946), lon/lat. */
export const PARK_OUTER: Position[] = [
  [2.8, 50.41],
  [2.8, 50.44],
  [2.85, 50.44],
  [2.85, 50.41],
  [2.8, 50.41],
];
export const PARK_HOLE: Position[] = [
  [2.81, 50.42],
  [2.83, 50.42],
  [2.83, 50.43],
  [2.81, 50.43],
  [2.81, 50.42],
];

export function project(code: CrsCode, p: Position): Position {
  return code === 'EPSG:4326' ? [p[0], p[1]] : proj4('EPSG:4326', code).forward([p[0], p[1]]);
}

/** Every position of a lon/lat geometry projected into `code`. */
export function projectGeometry(code: CrsCode, g: Geometry): Geometry {
  return mapPositions(g, (p) => project(code, p));
}

/** Bounds of lon/lat positions. */
export function boundsOf(positions: Position[]): [number, number, number, number] {
  const xs = positions.map((p) => p[0]);
  const ys = positions.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Imports one in-memory file, expecting exactly one layer. */
export async function importOne(name: string, bytes: Uint8Array, options: ImporterOptions = {}): Promise<ImportedLayer> {
  const layers = await importFile({ name, bytes }, options);
  if (layers.length !== 1) throw new Error(`expected one layer, got ${layers.length}`);
  return layers[0];
}

/** Twice the signed planar area of a ring: > 0 counter-clockwise. */
export function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum;
}

export function expectBoundsClose(actual: number[] | null, expected: number[], digits = 6): void {
  if (!actual) throw new Error('bounds are null');
  actual.forEach((v, i) => {
    if (Math.abs(v - expected[i]) > 10 ** -digits) throw new Error(`bounds[${i}] = ${v}, expected ${expected[i]} (±1e-${digits})`);
  });
}
