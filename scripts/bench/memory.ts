// Section 8: JS heap of the page's main thread after a full garbage collection: with every thematic
// layer loaded and shown, then after the 100,000-parcel GeoJSON import (whose features stay in the
// workbench worker: the page holds only the drawn binary arrays). Baseline: a bare MapLibre start is
// not comparable, so the first figure is the baseline of the second.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../../layers/types';
import { BENCH_BROWSER, benchHarness, heapUsed } from './browser';
import { DATA_DIR } from './datasets';
import { IMPORT_COUNT, importFiles, importInPage, openWorkbench } from './import';
import { judge, type BenchLine } from './types';

export async function measureMemory(log: (line: string) => void = () => {}): Promise<BenchLine[]> {
  const { startHarness, openAtlas } = await benchHarness(log);
  const catalog = JSON.parse(readFileSync(join(DATA_DIR, 'catalog.json'), 'utf8')) as Catalog;
  const all = catalog.layers.map((l) => l.id);
  const files = importFiles();
  const h = await startHarness(BENCH_BROWSER);
  try {
    const start = Date.now();
    await openAtlas(h);
    const atStart = await heapUsed(h.page);
    await openAtlas(h, `#couches=${all.join(',')}`);
    const allLayers = await heapUsed(h.page);
    await openWorkbench(h);
    await importInPage(h, files.geojson, IMPORT_COUNT);
    const afterImport = await heapUsed(h.page);
    const mb = (b: number) => b / 1_048_576;
    return [
      judge({
        section: 8,
        id: 'heap-all-layers',
        label: `JS heap, all ${all.length} thematic layers shown`,
        value: mb(allLayers),
        unit: 'MB',
        baseline: { label: 'default layers', value: mb(atStart), unit: 'MB' },
        details: { layers: all, bytes: { atStart, allLayers }, seconds: (Date.now() - start) / 1000 },
      }),
      judge({
        section: 8,
        id: 'heap-after-import',
        label: `JS heap after the ${IMPORT_COUNT.toLocaleString('en')}-parcel import (page; features stay in the worker)`,
        value: mb(afterImport),
        unit: 'MB',
        baseline: { label: 'all layers shown', value: mb(allLayers), unit: 'MB' },
        details: { bytes: afterImport },
      }),
    ];
  } finally {
    await h.close();
  }
}
