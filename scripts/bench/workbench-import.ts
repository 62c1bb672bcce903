// Imports a generated 100,000-feature file in the built app (headless Chromium) and measures the
// time until it is listed and drawn, against JSON.parse of the same file in the same page, and the
// longest main-thread task during the import. Usage: npm run build && tsx scripts/bench/workbench-import.ts
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, openAtlas, startHarness, waitIdle, type Harness } from '../../tests/browser/harness';
import { generatedParcels } from './generate';

const COUNT = Number(process.env.BENCH_FEATURES ?? 100_000);

export interface ImportMeasure {
  file: string;
  megabytes: number;
  importMs: number;
  parseMs: number;
  ratio: number;
  longestTaskMs: number;
  longTasks: number;
}

export function generatedGeoJsonFile(count = COUNT): string {
  const dir = join(ROOT, '.tmp', 'bench');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `parcelles-${count}.geojson`);
  if (!existsSync(path)) writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features: generatedParcels(count) }));
  return path;
}

async function openWorkbench(h: Harness): Promise<void> {
  await h.page.getByRole('tab', { name: 'Atelier' }).click();
  await h.page.locator('#wb-fichiers').waitFor({ state: 'attached', timeout: 30_000 });
}

/** JSON.parse of the file's text in the page: the baseline a plain viewer would pay at least. */
async function parseBaseline(h: Harness, path: string): Promise<number> {
  await h.page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-baseline';
    input.hidden = true;
    document.body.append(input);
  });
  await h.page.setInputFiles('#bench-baseline', path);
  return h.page.evaluate(async () => {
    const file = (document.getElementById('bench-baseline') as HTMLInputElement).files![0];
    const text = await file.text();
    const t0 = performance.now();
    const json = JSON.parse(text) as { features: unknown[] };
    const ms = performance.now() - t0;
    document.getElementById('bench-baseline')!.remove();
    return json.features.length > 0 ? ms : NaN;
  });
}

export async function measureImport(h: Harness, path: string, expectedCount: number): Promise<ImportMeasure> {
  await openWorkbench(h);
  const before = await h.page.locator('.wb-item').count();
  const parseMs = await parseBaseline(h, path);
  await h.page.evaluate(() => {
    const w = window as unknown as { __longtasks: number[] };
    w.__longtasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longtasks.push(e.duration))).observe({ type: 'longtask' });
  });
  const t0 = Date.now();
  await h.page.setInputFiles('#wb-fichiers', path);
  await h.page.waitForFunction((n) => document.querySelectorAll('.wb-item').length > n, before, { timeout: 300_000 });
  await waitIdle(h.page);
  const importMs = Date.now() - t0;
  const listed = await h.page.locator('.wb-item').first().innerText({ timeout: 300_000 });
  if (!listed.replace(/\s/g, '').includes(String(expectedCount))) throw new Error(`the imported layer does not list ${expectedCount} features: ${listed}`);
  const tasks = await h.page.evaluate(() => (window as unknown as { __longtasks: number[] }).__longtasks);
  return {
    file: path.split('/').pop()!,
    megabytes: statSync(path).size / 1_048_576,
    importMs,
    parseMs,
    ratio: importMs / parseMs,
    longestTaskMs: Math.max(0, ...tasks),
    longTasks: tasks.length,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = generatedGeoJsonFile();
  const h = await startHarness({ viewport: { width: 1280, height: 800 } });
  try {
    await openAtlas(h);
    const m = await measureImport(h, path, COUNT);
    console.table([m]);
  } finally {
    await h.close();
  }
}
