// Section 3: navigation to a drawn map. The app (default layers, offline basemap) against a bare
// MapLibre page showing the same offline basemap (same style, same territory and commune outlines),
// in the same headless Chromium, alternating, median of several runs, HTTP cache disabled (a first visit).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { Feature } from 'geojson';
import type { Catalog } from '../../layers/types';
import { layerDefinitions } from '../../layers';
import { themeClair } from '../../layers/theme';
import { buildBasemapStyle, SOURCE_COMMUNES, SOURCE_TERRITOIRE } from '../../src/core/map-style/basemap-style';
import { BENCH_BROWSER, benchHarness } from './browser';
import { BENCH_TMP, DATA_DIR, PROJECT_ROOT } from './datasets';
import { serveDir } from './serve';
import { judge, median, type BenchLine } from './types';

const RUNS = Number(process.env.BENCH_START_RUNS ?? 5);

async function features(file: string): Promise<Feature[]> {
  const out: Feature[] = [];
  for await (const f of deserialize(new Uint8Array(readFileSync(join(DATA_DIR, file))))) out.push(f as Feature);
  return out;
}

/** The bare page: MapLibre's own build, the app's offline style, the same two outlines. */
async function writeBarePage(catalog: Catalog): Promise<string> {
  const dir = join(BENCH_TMP, 'bare-maplibre');
  mkdirSync(dir, { recursive: true });
  const dist = join(PROJECT_ROOT, 'node_modules', 'maplibre-gl', 'dist');
  // MapLibre 6 ships ES modules: the map, its shared chunk and its worker.
  for (const file of ['maplibre-gl.mjs', 'maplibre-gl-shared.mjs', 'maplibre-gl-worker.mjs'])
    writeFileSync(join(dir, file), readFileSync(join(dist, file)));
  writeFileSync(join(dir, 'maplibre-gl.css'), readFileSync(join(dist, 'maplibre-gl.css')));
  writeFileSync(join(dir, 'style.json'), JSON.stringify(buildBasemapStyle(themeClair)));
  writeFileSync(join(dir, `${SOURCE_TERRITOIRE}.json`), JSON.stringify({ type: 'FeatureCollection', features: await features('territoire.fgb') }));
  writeFileSync(join(dir, `${SOURCE_COMMUNES}.json`), JSON.stringify({ type: 'FeatureCollection', features: await features('communes.fgb') }));
  const bounds = JSON.stringify(catalog.territory.bounds);
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>MapLibre seule</title>
<link rel="stylesheet" href="maplibre-gl.css"><style>html,body,#map{margin:0;height:100%}</style></head>
<body><div id="map"></div><script type="module">
import * as m from './maplibre-gl.mjs';
const maplibregl = m.default ?? m;
const map = new maplibregl.Map({ container: 'map', style: 'style.json', bounds: ${bounds}, fitBoundsOptions: { padding: 24 } });
map.on('load', async () => {
  const [t, c] = await Promise.all(['${SOURCE_TERRITOIRE}', '${SOURCE_COMMUNES}'].map((s) => fetch(s + '.json').then((r) => r.json())));
  map.getSource('${SOURCE_TERRITOIRE}').setData(t);
  map.getSource('${SOURCE_COMMUNES}').setData(c);
  map.once('idle', () => { window.__drawnAt = performance.now(); });
});
</script></body></html>`,
  );
  return dir;
}

/** Milliseconds from navigation start to the page's own "drawn" mark. */
async function timeToDrawn(page: Page, url: string, mark: () => Promise<number>): Promise<number> {
  await page.goto('about:blank');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.goto(url);
  const ms = await mark();
  await cdp.detach();
  return ms;
}

export async function measureStart(log: (line: string) => void = () => {}): Promise<BenchLine[]> {
  const { startHarness } = await benchHarness(log);
  const catalog = JSON.parse(readFileSync(join(DATA_DIR, 'catalog.json'), 'utf8')) as Catalog;
  const bare = await serveDir(await writeBarePage(catalog));
  const h = await startHarness(BENCH_BROWSER);
  // The app sets body[data-map-state=idle] once the map is idle with every default layer settled.
  await h.context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.body?.dataset.mapState === 'idle') {
        (window as unknown as { __drawnAt: number }).__drawnAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-state'] });
  });
  const drawnAt = (page: Page) => async () => {
    await page.waitForFunction(() => (window as unknown as { __drawnAt?: number }).__drawnAt !== undefined, undefined, { timeout: 120_000 });
    return page.evaluate(() => (window as unknown as { __drawnAt: number }).__drawnAt);
  };
  const app: number[] = [];
  const plain: number[] = [];
  try {
    // One unmeasured pass of each: shader caches and the OS file cache are then the same for both.
    await timeToDrawn(h.page, `${h.baseUrl}/`, drawnAt(h.page));
    await timeToDrawn(h.page, `${bare.url}index.html`, drawnAt(h.page));
    for (let i = 0; i < RUNS; i++) {
      app.push(await timeToDrawn(h.page, `${h.baseUrl}/`, drawnAt(h.page)));
      plain.push(await timeToDrawn(h.page, `${bare.url}index.html`, drawnAt(h.page)));
    }
  } finally {
    await h.close();
    await bare.close();
  }
  return [
    judge({
      section: 3,
      id: 'start-idle',
      label: `navigation → map idle, default layers (median of ${RUNS})`,
      value: median(app),
      unit: 'ms',
      baseline: { label: 'bare MapLibre, same offline basemap', value: median(plain), unit: 'ms' },
      target: { kind: 'ratio-max', value: 1.5, text: '≤ 1.5× bare MapLibre' },
      details: {
        appSamples: app,
        bareSamples: plain,
        defaultLayers: layerDefinitions.filter((l) => l.defaultVisible).map((l) => l.id),
        viewport: BENCH_BROWSER.viewport,
        cache: 'disabled (first visit)',
      },
    }),
  ];
}
