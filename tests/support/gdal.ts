// GDAL (Debian gdal-bin) as the reference reader of our exports: what ogrinfo/ogr2ogr read is what
// QGIS reads. CI installs it (.ci/run); outside CI a machine without it skips these tests with a
// message, and in CI a missing GDAL fails rather than skips.
import { execFileSync, spawnSync } from 'node:child_process';
import type { FeatureCollection, Geometry, Position } from 'geojson';

export const hasGdal = spawnSync('ogrinfo', ['--version'], { encoding: 'utf8' }).status === 0;

/** True when the GDAL tests should run; throws in CI without GDAL (a silent skip there would hide regressions). */
export function gdalOrSkip(): boolean {
  if (hasGdal) return true;
  if (process.env.CI) throw new Error('GDAL (ogrinfo) est requis en CI : apt-get install gdal-bin');
  console.warn('GDAL absent (ogrinfo introuvable) : tests de lecture par GDAL sautés hors CI ; apt-get install gdal-bin pour les lancer.');
  return false;
}

export interface OgrLayerSummary {
  name: string;
  count: number;
  /** EPSG code of the layer's system as GDAL identifies it, null when none. */
  epsg: number | null;
  extent: [number, number, number, number] | null;
}

/** `ogrinfo -ro -so -al` parsed: one entry per layer. */
export function ogrSummary(path: string, openOptions: string[] = []): OgrLayerSummary[] {
  const out = execFileSync('ogrinfo', ['-ro', '-so', '-al', ...openOptions.flatMap((o) => ['-oo', o]), path], { encoding: 'utf8' });
  return out
    .split(/^Layer name: /m)
    .slice(1)
    .map((block) => {
      const name = block.slice(0, block.indexOf('\n')).trim();
      const count = Number(/^Feature Count: (\d+)/m.exec(block)?.[1] ?? NaN);
      const e = /^Extent: \(([-\d.e+]+), ([-\d.e+]+)\) - \(([-\d.e+]+), ([-\d.e+]+)\)/m.exec(block);
      // The CRS's own ID is the last one at the end of the WKT (inner IDs belong to its parts).
      const wkt = /^Layer SRS WKT:\n([\s\S]*?)\n(?:Data axis|[A-Za-z_]+: )/m.exec(block)?.[1] ?? '';
      const ids = [...wkt.matchAll(/ID\["EPSG",(\d+)\]\]\s*$/g)];
      const epsg = ids.length ? Number(ids[ids.length - 1][1]) : null;
      return { name, count, epsg, extent: e ? [Number(e[1]), Number(e[2]), Number(e[3]), Number(e[4])] : null };
    });
}

/** The layer as GDAL reads it, converted to GeoJSON by ogr2ogr (optionally reprojected by PROJ to WGS 84). */
export function ogrFeatures(
  path: string,
  options: { layer?: string; toWgs84?: boolean; sourceSrs?: string; openOptions?: string[] } = {},
): FeatureCollection<Geometry | null> {
  const args = ['-f', 'GeoJSON', '/vsistdout/', path];
  if (options.layer) args.push(options.layer);
  for (const o of options.openOptions ?? []) args.unshift('-oo', o);
  if (options.sourceSrs) args.unshift('-s_srs', options.sourceSrs);
  if (options.toWgs84) args.unshift('-t_srs', 'EPSG:4326', '-lco', 'COORDINATE_PRECISION=9');
  return JSON.parse(execFileSync('ogr2ogr', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as FeatureCollection<Geometry | null>;
}

/** Bounding box of all positions. */
export function boundsOfGeometries(geometries: (Geometry | null)[]): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const [x, y] = c as Position;
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    } else c.forEach(visit);
  };
  for (const g of geometries) {
    if (!g) continue;
    if (g.type === 'GeometryCollection')
      boundsOfGeometries(g.geometries).forEach((v, i) => (box[i] = i < 2 ? Math.min(box[i], v) : Math.max(box[i], v)));
    else visit(g.coordinates);
  }
  return box;
}
