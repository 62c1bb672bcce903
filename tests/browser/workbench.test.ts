// The planner's workbench in the built app: drop a Lambert-93 zipped shapefile → listed with its
// detected system and drawn in place; buffer + intersect → the result panel counts what the zone
// touches (expected counts computed here with plain Turf on dist/data); export with credits; the
// workspace survives a reload and a browser restart; bad files get French messages; cancel works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booleanIntersects, buffer, centroid } from '@turf/turf';
import type { Feature, LineString, Position } from 'geojson';
import type { Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { GeoFeature } from '../../layers/types';
import { analysedSublayers, thematicTitle } from '../../src/core/analysis/thematic-data';
import { openAtlas, startHarness, waitIdle, type Harness } from './harness';
import { builtCatalog, builtFeatures } from './built-data';
import { project } from '../support/import-fixtures';
import { PRJ_LAMBERT93 } from '../support/wkt';
import { writeShapefile, zipShapefile } from '../support/shapefile-writer';
import { generatedParcels } from '../../scripts/bench/generate';
import { formatMeasure, measureValue } from '../../src/app/workbench/measure/measure';
import { boundsOfGeometries, gdalOrSkip, ogrFeatures, ogrSummary } from '../support/gdal';

let h: Harness;
let corridor: Feature<LineString>;
/** The analysis result as exported in GeoJSON (WGS 84): the reference for the other formats. */
let resultGeoJson: GeoFeature[] = [];
const DISTANCE = 150;

/** Drops files on the map as a user's drag and drop does (DataTransfer + drop event). */
async function dropFiles(page: Page, files: { name: string; bytes: Uint8Array }[]): Promise<void> {
  await page.evaluate(
    (list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
      const target = document.getElementById('carte')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    files.map((f) => ({ name: f.name, bytes: [...f.bytes] })),
  );
}

const items = (page: Page) => page.locator('.wb-item');

async function screenOf(page: Page, lonLat: Position): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([lon, lat]) => {
      const p = window.__atlas!.map.project([lon, lat]);
      return { x: p.x, y: p.y };
    },
    lonLat as [number, number],
  );
}

beforeAll(async () => {
  // The corridor joins the centres of Lens and Liévin as the built communes place them.
  const communes = await builtFeatures(
    builtCatalog()
      .layers.flatMap((l) => l.sublayers)
      .find((s) => s.id === 'communes')!.file!,
  );
  const centre = (nom: string) => centroid(communes.find((c) => c.properties.nom === nom)!).geometry.coordinates;
  corridor = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [centre('Liévin'), centre('Lens')] } };
  h = await startHarness({ viewport: { width: 1280, height: 800 } });
  await openAtlas(h, '#carte=11.00/50.43000/2.80000');
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('workbench', () => {
  it('draws a dropped Lambert-93 zipped shapefile in place, with its detected system', async () => {
    const parts = writeShapefile({
      shapeType: 'polyline',
      geometries: [{ type: 'LineString', coordinates: corridor.geometry.coordinates.map((p) => project('EPSG:2154', p)) }],
      fields: [{ name: 'NOM', type: 'C', length: 60 }],
      records: [{ NOM: 'Corridor écologique Liévin – Lens' }],
      encoding: 'windows-1252',
      prj: PRJ_LAMBERT93,
    });
    await dropFiles(h.page, [{ name: 'corridor.zip', bytes: zipShapefile('corridor', parts) }]);
    await expect.poll(() => items(h.page).count(), { timeout: 60_000 }).toBe(1);
    const item = items(h.page).first();
    await expect.poll(() => h.page.getByRole('tab', { name: 'Atelier' }).getAttribute('aria-selected')).toBe('true');
    const text = await item.innerText();
    expect(text).toContain('corridor');
    expect(text).toMatch(/1 entité · 1 ligne/);
    expect(text).toContain('Shapefile « corridor.zip »');
    expect(await item.locator('select').first().inputValue()).toBe('EPSG:2154');
    expect(text).toContain('lu dans le fichier .prj');
    // The legend over the map lists it under the imported layers, with a line symbol.
    const legendItems = h.page.locator('.map-legend li.map-legend-item');
    await expect.poll(() => legendItems.allInnerTexts()).toEqual(['corridor']);
    expect(await legendItems.first().locator('svg path').count()).toBeGreaterThan(0);

    // Drawn where the corridor is: the workspace layer is picked at its middle.
    await waitIdle(h.page);
    const mid = corridor.geometry.coordinates.reduce((a, b) => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]);
    const { x, y } = await screenOf(h.page, mid);
    const picked = await h.page.evaluate(([x, y]) => window.__atlas!.pickWorkspace(x, y), [x, y] as const);
    expect(picked?.index).toBe(0);

    // Its feature panel shows the .dbf's windows-1252 text as text.
    const rect = await h.page.locator('.maplibregl-canvas').boundingBox();
    await h.page.mouse.click(rect!.x + x, rect!.y + y);
    await expect.poll(() => h.page.locator('.feature-panel').innerText(), { timeout: 10_000 }).toContain('Corridor écologique Liévin – Lens');
    expect(h.page.url()).toContain('objet-espace=');
    // Escape closes the sheet, and the address no longer selects the feature.
    await h.page.keyboard.press('Escape');
    await expect.poll(() => h.page.locator('.feature-panel').count()).toBe(0);
    await expect.poll(() => h.page.url()).not.toContain('objet-espace=');
  });

  it('buffers the corridor and counts, per thematic layer, the features the zone touches', async () => {
    await items(h.page).first().getByRole('button', { name: 'Analyser' }).click();
    await h.page.getByLabel('Distance (mètres)').fill(String(DISTANCE));
    await h.page.getByRole('button', { name: 'Calculer la zone tampon et les croisements' }).click();
    const table = h.page.locator('.wb-result-table');
    await table.waitFor({ timeout: 90_000 });
    // The result joins the legend over the map, drawn dashed as on the map.
    const legendItems = h.page.locator('.map-legend li.map-legend-item');
    await expect.poll(() => legendItems.count()).toBe(2);
    expect(await legendItems.last().locator('[stroke-dasharray]').count()).toBeGreaterThan(0);

    const zone = buffer(corridor, DISTANCE, { units: 'meters' })!;
    const catalog = builtCatalog();
    const expected: [string, number][] = [];
    for (const s of analysedSublayers(catalog)) {
      const features: GeoFeature[] = await builtFeatures(s.file);
      const n = features.filter((f) => booleanIntersects(f, zone)).length;
      if (n > 0) expected.push([thematicTitle(s.sublayerId), n]);
    }
    expect(expected.length).toBeGreaterThan(2);
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map(
          (tr) =>
            [tr.querySelector('th')!.childNodes[0].textContent!.trim(), Number(tr.querySelector('td')!.textContent!.replace(/\s/g, ''))] as [
              string,
              number,
            ],
        ),
      );
    expect(rows).toEqual(expected);
    expect(h.page.url()).toMatch(/espace=ws-[0-9a-f-]+/);
    expect(await items(h.page).count()).toBe(2);
  });

  it('exports the result with the credits of the data it derives from', async () => {
    const result = items(h.page).first();
    await result.getByLabel('Exporter en').selectOption('geojson');
    const [download] = await Promise.all([h.page.waitForEvent('download'), result.getByRole('button', { name: /^Exporter/ }).click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      features: GeoFeature[];
      attribution: string;
      credits: { producer: string }[];
    };
    expect(download.suggestedFilename()).toMatch(/\.geojson$/);
    resultGeoJson = exported.features;
    const zones = exported.features.filter((f) => f.properties.couche === 'Zone tampon');
    expect(zones).toHaveLength(1);
    expect(zones[0].properties.distance_m).toBe(DISTANCE);
    expect(exported.features.length).toBe(Number((await result.locator('.wb-item-meta').innerText()).match(/^(\d+) entités/)![1]));
    expect(exported.attribution).toContain('corridor.zip');
    expect(exported.attribution).toContain('Atlas Lens-Liévin');
    const producers = exported.credits.map((c) => c.producer).join(' | ');
    expect(producers).toMatch(/IGN|Mission Bassin Minier|OpenStreetMap/);
  });

  it.runIf(gdalOrSkip())('exports the result as a Lambert-93 zipped Shapefile and GeoPackage that GDAL reads back in place', async () => {
    const result = items(h.page).first();
    await result.getByLabel('Exporter en').selectOption('shapefile');
    // Planners' formats default to Lambert-93.
    expect(await result.getByLabel('Système de coordonnées de l’export').inputValue()).toBe('EPSG:2154');
    const [download] = await Promise.all([h.page.waitForEvent('download'), result.getByRole('button', { name: /^Exporter/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/-l93\.shp\.zip$/);
    const dir = mkdtempSync(join(tmpdir(), 'atlas-shp-'));
    try {
      const path = join(dir, download.suggestedFilename());
      writeFileSync(path, readFileSync((await download.path())!));
      const layers = ogrSummary(`/vsizip/${path}`);
      expect(layers.reduce((n, l) => n + l.count, 0)).toBe(resultGeoJson.length);
      for (const l of layers) expect(l.epsg).toBe(2154);
      // Lambert-93 metres around Lens (x ≈ 680 000–700 000, y ≈ 7 030 000–7 050 000).
      for (const l of layers) {
        expect(l.extent![0]).toBeGreaterThan(650_000);
        expect(l.extent![3]).toBeLessThan(7_080_000);
      }
      const read = layers.flatMap((l) => ogrFeatures(`/vsizip/${path}`, { layer: l.name, toWgs84: true }).features);
      const expected = boundsOfGeometries(resultGeoJson.map((f) => f.geometry));
      boundsOfGeometries(read.map((f) => f.geometry)).forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThan(1e-6));
      const zones = read.filter((f) => f.properties?.couche === 'Zone tampon');
      expect(zones).toHaveLength(1);
      expect(zones[0].properties?.distance_m).toBe(DISTANCE);

      // The GeoPackage: its SQLite engine loads in the worker under the app's CSP, on first use.
      await result.getByLabel('Exporter en').selectOption('geopackage');
      const [gpkg] = await Promise.all([h.page.waitForEvent('download'), result.getByRole('button', { name: /^Exporter/ }).click()]);
      expect(gpkg.suggestedFilename()).toMatch(/-l93\.gpkg$/);
      const gpkgPath = join(dir, gpkg.suggestedFilename());
      writeFileSync(gpkgPath, readFileSync((await gpkg.path())!));
      const [table] = ogrSummary(gpkgPath);
      expect(table.count).toBe(resultGeoJson.length);
      expect(table.epsg).toBe(2154);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds the workspace again after a reload and after a browser restart', async () => {
    const hash = new URL(h.page.url()).hash;
    const tableText = await h.page.locator('.wb-result-table').innerText();
    await openAtlas(h, hash);
    await expect.poll(() => items(h.page).count(), { timeout: 30_000 }).toBe(2);
    expect(await h.page.locator('.wb-result-table').innerText()).toBe(tableText);

    await h.restartBrowser();
    await openAtlas(h, hash);
    await expect.poll(() => items(h.page).count(), { timeout: 30_000 }).toBe(2);
    expect(await h.page.locator('.wb-result-table').innerText()).toBe(tableText);
    // Still drawn after the restart.
    const mid = corridor.geometry.coordinates.reduce((a, b) => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]);
    await h.page.getByRole('button', { name: 'Cadrer' }).last().click();
    await waitIdle(h.page);
    const { x, y } = await screenOf(h.page, mid);
    expect(await h.page.evaluate(([x, y]) => window.__atlas!.pickWorkspace(x, y), [x, y] as const)).not.toBeNull();
  });

  it('names the file and the problem in French for bad input, and leaves the workspace untouched', async () => {
    const before = await items(h.page).count();
    await dropFiles(h.page, [
      { name: 'vide.geojson', bytes: new Uint8Array(0) },
      { name: 'sans-shp.zip', bytes: zipSync({ 'routes.dbf': new Uint8Array([3, 0, 0, 0]) }) },
      { name: 'tronque.geojson', bytes: new TextEncoder().encode('{"type":"FeatureCollection","features":[{"type":"Feat') },
    ]);
    const alerts = h.page.locator('.wb-notice-erreur');
    await expect.poll(() => alerts.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    const text = await alerts.allInnerTexts();
    expect(text.find((t) => t.includes('vide.geojson'))).toMatch(/vide/);
    expect(text.find((t) => t.includes('sans-shp.zip'))).toMatch(/\.shp/);
    expect(text.find((t) => t.includes('tronque.geojson'))).toBeTruthy();
    expect(await items(h.page).count()).toBe(before);
    expect(h.consoleErrors.filter((e) => e.startsWith('uncaught'))).toEqual([]);
  });

  it('measures a distance drawn with the mouse, and an area built from the keyboard', async () => {
    await h.page.getByRole('button', { name: 'Mesurer une distance' }).click();
    const a: Position = [2.8, 50.42];
    const b: Position = [2.83, 50.44];
    await h.page.evaluate(([a, b]) => window.__atlas!.map.fitBounds([a, b] as never, { padding: 120, duration: 0 }), [a, b] as const);
    await waitIdle(h.page);
    const rect = (await h.page.locator('.maplibregl-canvas').boundingBox())!;
    for (const p of [a, b]) {
      const s = await screenOf(h.page, p);
      await h.page.mouse.click(rect.x + s.x, rect.y + s.y);
    }
    // Clicks land on whole pixels (a few metres here): the figure is the points' distance to 1 %.
    const value = h.page.locator('.wb-measure-value');
    await expect.poll(() => value.innerText()).toMatch(/\(2 points\)/);
    const shown = Number((await value.innerText()).match(/([\d,]+) km/)![1].replace(',', '.'));
    const exact = measureValue('distance', [a, b]) / 1000;
    expect(Math.abs(shown - exact) / exact).toBeLessThan(0.01);
    // Measuring clicks never open a feature sheet (the message says which one did, and the address).
    const sheets = h.page.locator('.feature-panel');
    expect(await sheets.count(), `${(await sheets.allInnerTexts()).join(' | ').slice(0, 200)} ${h.page.url()}`).toBe(0);

    // Keyboard: three map centres make a triangle; the area is announced.
    await h.page.getByRole('button', { name: 'Mesurer une surface' }).click();
    const centres: Position[] = [
      [2.8, 50.42],
      [2.82, 50.42],
      [2.82, 50.44],
    ];
    for (const c of centres) {
      await h.page.evaluate(([lon, lat]) => window.__atlas!.map.jumpTo({ center: [lon, lat] }), c as [number, number]);
      await waitIdle(h.page);
      await h.page.getByRole('button', { name: 'Ajouter le centre de la carte' }).focus();
      await h.page.keyboard.press('Enter');
    }
    await expect.poll(() => value.innerText()).toContain(formatMeasure('surface', measureValue('surface', centres)));
    await h.page.getByRole('button', { name: 'Garder comme couche' }).click();
    await expect.poll(() => h.page.locator('.wb-item-name').allInnerTexts()).toContainEqual('Surface mesurée n° 1');
  });

  it('cancels a long import without losing anything, and imports again afterwards', async () => {
    const before = await items(h.page).count();
    // A big file goes through the file picker: passing 40 MB through page.evaluate would not be a test of the app.
    const dir = mkdtempSync(join(tmpdir(), 'atlas-atelier-'));
    const bigPath = join(dir, 'parcelles.geojson');
    writeFileSync(bigPath, JSON.stringify({ type: 'FeatureCollection', features: generatedParcels(80_000) }));
    await h.page.setInputFiles('#wb-fichiers', bigPath);
    const cancel = h.page.locator('.wb-job').getByRole('button', { name: 'Annuler' });
    await cancel.waitFor({ timeout: 30_000 });
    await cancel.click();
    await expect.poll(() => h.page.locator('.wb-notice-info').allInnerTexts(), { timeout: 30_000 }).toContainEqual(expect.stringMatching(/annulé/));
    expect(await items(h.page).count()).toBe(before);
    const small = new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features: generatedParcels(10) }));
    await dropFiles(h.page, [{ name: 'petit.geojson', bytes: small }]);
    await expect.poll(() => items(h.page).count(), { timeout: 60_000 }).toBe(before + 1);
    rmSync(dir, { recursive: true, force: true });
  });
});
