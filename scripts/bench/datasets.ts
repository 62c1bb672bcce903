// The generated 1,000,000-feature data set shared by the decode and bounding-box benches, written
// once to .tmp/bench/ (the generator is seeded, so a cached file is the same bytes as a fresh one).
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFlatGeobuf } from '../../src/core/fgb/write';
import { generatedBuildings } from './generate';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const DATA_DIR = join(PROJECT_ROOT, 'public', 'data');
export const BENCH_TMP = join(PROJECT_ROOT, '.tmp', 'bench');

/** BENCH_BIG_FEATURES lets a developer try the benches on a smaller file; the reference run uses 1,000,000. */
export const BIG_COUNT = Number(process.env.BENCH_BIG_FEATURES ?? 1_000_000);

export interface GeneratedFiles {
  count: number;
  geojson: string;
  fgb: string;
}

/** The same generated buildings as GeoJSON text and as FlatGeobuf with its packed R-tree. */
export function bigDataset(log: (line: string) => void = () => {}): GeneratedFiles {
  mkdirSync(BENCH_TMP, { recursive: true });
  const base = join(BENCH_TMP, `batiments-${BIG_COUNT}`);
  const files = { count: BIG_COUNT, geojson: `${base}.geojson`, fgb: `${base}.fgb` };
  if (existsSync(files.geojson) && existsSync(files.fgb)) return files;
  log(`  generating ${BIG_COUNT.toLocaleString('en')} features into ${BENCH_TMP} (once; cached)…`);
  const features = generatedBuildings(BIG_COUNT);
  // Write under a temporary name first: an interrupted run must not leave a truncated cache.
  writeFileSync(`${files.geojson}.part`, JSON.stringify({ type: 'FeatureCollection', features }));
  renameSync(`${files.geojson}.part`, files.geojson);
  writeFileSync(`${files.fgb}.part`, writeFlatGeobuf(features, { name: 'batiments', description: 'generated benchmark buildings' }));
  renameSync(`${files.fgb}.part`, files.fgb);
  log(`  ${statSync(files.geojson).size} bytes of GeoJSON, ${statSync(files.fgb).size} bytes of FlatGeobuf`);
  return files;
}
