// Section 5: a generated 100,000-parcel file imported in the built app, as GeoJSON and as the same
// parcels in a zipped Lambert-93 shapefile. Measured from the file being chosen to the layer listed
// and the map idle with it drawn, against JSON.parse of the same GeoJSON text in the same page; the
// longest main-thread task during the import (a drag must not wait); and the time until its FlatGeobuf is stored.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import proj4 from 'proj4';
import type { Feature, Polygon } from 'geojson';
import '../../src/core/geo/crs';
import { writeShapefile, zipShapefile } from '../../tests/support/shapefile-writer';
import { PRJ_LAMBERT93 } from '../../tests/support/wkt';
import type { Harness } from '../../tests/browser/harness';
import { BENCH_BROWSER, benchHarness, heapUsed, longTasks, watchLongTasks } from './browser';
import { BENCH_TMP } from './datasets';
import { generatedParcels } from './generate';
import { judge, median, type BenchLine } from './types';

export const IMPORT_COUNT = Number(process.env.BENCH_FEATURES ?? 100_000);

export interface ImportFiles {
  geojson: string;
  shapefile: string;
}

/** The same seeded parcels as GeoJSON (WGS 84) and as a zipped shapefile in Lambert-93 with its .prj. */
export function importFiles(count = IMPORT_COUNT): ImportFiles {
  mkdirSync(BENCH_TMP, { recursive: true });
  const files = { geojson: join(BENCH_TMP, `parcelles-${count}.geojson`), shapefile: join(BENCH_TMP, `parcelles-${count}-lambert93.zip`) };
  if (existsSync(files.geojson) && existsSync(files.shapefile)) return files;
  const parcels = generatedParcels(count);
  writeFileSync(files.geojson, JSON.stringify({ type: 'FeatureCollection', features: parcels }));
  const toL93 = proj4('EPSG:4326', 'EPSG:2154');
  const projected = parcels.map((f): Polygon => ({
    type: 'Polygon',
    coordinates: f.geometry.coordinates.map((ring) => ring.map((p) => toL93.forward(p).map((v) => Math.round(v * 100) / 100))),
  }));
  const shp = writeShapefile({
    shapeType: 'polygon',
    geometries: projected,
    fields: [
      { name: 'ID', type: 'N', length: 9 },
      { name: 'NOM', type: 'C', length: 40 },
      { name: 'TYPE', type: 'C', length: 30 },
      { name: 'SURF_M2', type: 'N', length: 9 },
    ],
    records: parcels.map((f: Feature) => ({
      ID: f.properties!.id,
      NOM: f.properties!.nom,
      TYPE: f.properties!.type,
      SURF_M2: f.properties!.surface_m2,
    })),
    prj: PRJ_LAMBERT93,
  });
  writeFileSync(files.shapefile, zipShapefile('parcelles', shp));
  return files;
}

export async function openWorkbench(h: Harness): Promise<void> {
  await h.page.getByRole('tab', { name: 'Atelier' }).click();
  await h.page.locator('#wb-fichiers').waitFor({ state: 'attached', timeout: 30_000 });
}

/** JSON.parse of the GeoJSON text in the page (median of 3): what a plain viewer pays at least. */
export async function parseBaseline(h: Harness, path: string): Promise<number> {
  await h.page.evaluate(() => {
    const input = Object.assign(document.createElement('input'), { type: 'file', id: 'bench-baseline', hidden: true });
    document.body.append(input);
  });
  await h.page.setInputFiles('#bench-baseline', path);
  const samples = await h.page.evaluate(async () => {
    const input = document.getElementById('bench-baseline') as HTMLInputElement;
    const text = await input.files![0].text();
    const out: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const json = JSON.parse(text) as { features: unknown[] };
      out.push(json.features.length > 0 ? performance.now() - t0 : NaN);
    }
    input.remove();
    return out;
  });
  return median(samples);
}

export interface ImportRun {
  drawnMs: number;
  listedMs: number;
  storedMs: number;
  longestTaskMs: number;
  longTasks: number;
}

/** Chooses the file in the Atelier and times listed → drawn (map idle) → stored (job gone). */
export async function importInPage(h: Harness, path: string, count: number): Promise<ImportRun> {
  const before = await h.page.locator('.wb-item').count();
  await watchLongTasks(h.page);
  const t0 = Date.now();
  await h.page.setInputFiles('#wb-fichiers', path);
  await h.page.waitForFunction((n) => document.querySelectorAll('.wb-item').length > n, before, { timeout: 600_000, polling: 20 });
  const listedMs = Date.now() - t0;
  const { waitIdle } = await benchHarness();
  await waitIdle(h.page);
  const drawnMs = Date.now() - t0;
  await h.page.waitForFunction(() => document.querySelectorAll('.wb-job').length === 0, undefined, { timeout: 600_000 });
  const storedMs = Date.now() - t0;
  const listed = await h.page.locator('.wb-item').last().innerText();
  if (!listed.replace(/\s/g, '').includes(String(count))) throw new Error(`the imported layer does not list ${count} features: ${listed}`);
  const tasks = await longTasks(h.page);
  return { listedMs, drawnMs, storedMs, longestTaskMs: Math.max(0, ...tasks), longTasks: tasks.length };
}

export async function measureImportBench(log: (line: string) => void = () => {}): Promise<BenchLine[]> {
  const { startHarness, openAtlas } = await benchHarness(log);
  const files = importFiles();
  const lines: BenchLine[] = [];
  for (const [kind, path] of [
    ['GeoJSON', files.geojson],
    ['shapefile Lambert-93 (zip)', files.shapefile],
  ] as const) {
    log(`  ${kind}: ${path}`);
    const h = await startHarness(BENCH_BROWSER);
    try {
      await openAtlas(h);
      await openWorkbench(h);
      const parseMs = await parseBaseline(h, files.geojson);
      const heapBefore = await heapUsed(h.page);
      const run = await importInPage(h, path, IMPORT_COUNT);
      const heapAfter = await heapUsed(h.page);
      const details = { file: path.split('/').pop(), bytes: statSync(path).size, features: IMPORT_COUNT, ...run, heapBefore, heapAfter };
      lines.push(
        judge({
          section: 5,
          id: `import-${kind === 'GeoJSON' ? 'geojson' : 'shapefile'}-drawn`,
          label: `${kind}, ${IMPORT_COUNT.toLocaleString('en')} parcels: chosen → drawn`,
          value: run.drawnMs,
          unit: 'ms',
          baseline: { label: 'JSON.parse of the GeoJSON in the page', value: parseMs, unit: 'ms' },
          target: { kind: 'ratio-max', value: 3, text: '≤ 3× JSON.parse' },
          details,
        }),
        judge({
          section: 5,
          id: `import-${kind === 'GeoJSON' ? 'geojson' : 'shapefile'}-listed`,
          label: `${kind}: chosen → listed (read, checked, reprojected in the worker; no target, for the split)`,
          value: run.listedMs,
          unit: 'ms',
          baseline: { label: 'JSON.parse of the GeoJSON in the page', value: parseMs, unit: 'ms' },
        }),
        judge({
          section: 5,
          id: `import-${kind === 'GeoJSON' ? 'geojson' : 'shapefile'}-longest-task`,
          label: `${kind}: longest main-thread task during the import`,
          value: run.longestTaskMs,
          unit: 'ms',
          target: { kind: 'max', value: 200, text: 'no task over 200 ms' },
          details: { longTasks: run.longTasks },
        }),
        judge({
          section: 5,
          id: `import-${kind === 'GeoJSON' ? 'geojson' : 'shapefile'}-stored`,
          label: `${kind}: chosen → stored in the workspace (FlatGeobuf in IndexedDB)`,
          value: run.storedMs,
          unit: 'ms',
          baseline: { label: 'chosen → drawn', value: run.drawnMs, unit: 'ms' },
        }),
      );
    } finally {
      await h.close();
    }
  }
  return lines;
}
