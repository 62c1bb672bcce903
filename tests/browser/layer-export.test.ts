// « Exporter » from the layer panel: a thematic sublayer written by the workbench worker as a
// Lambert-93 zipped Shapefile and GeoPackage, re-read by GDAL with the catalog's feature count,
// EPSG 2154, the credits file (LISEZMOI.txt) / GeoPackage metadata, and the ODbL share-alike notice
// for the OpenStreetMap-derived EV5 (and not for the cités, under Licence Ouverte).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import type { Download, Locator } from 'playwright-core';
import { openAtlas, startHarness, type Harness } from './harness';
import { axeViolations, describeViolations } from './axe';
import { builtCatalog } from './built-data';
import { gdalOrSkip, ogrSummary } from '../support/gdal';

/** The machine is shared and slow: lazy chunks and the worker may take seconds. */
const WAIT = { timeout: 30_000 };

let h: Harness;
let dir: string;

const countOf = (sublayerId: string): number =>
  builtCatalog()
    .layers.flatMap((l) => l.sublayers)
    .find((s) => s.id === sublayerId)!.featureCount;

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1366, height: 800 } });
  dir = mkdtempSync(join(tmpdir(), 'atlas-layer-export-'));
});

afterAll(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openDialog(sublayerId: string): Promise<Locator> {
  const button = h.page.locator(`[data-layer-export="${sublayerId}"]`);
  await button.scrollIntoViewIfNeeded();
  await button.click();
  const dialog = h.page.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
}

async function exportAs(dialog: Locator, format: string): Promise<{ download: Download; path: string }> {
  await dialog.getByLabel('Format', { exact: true }).selectOption(format);
  const [download] = await Promise.all([h.page.waitForEvent('download'), dialog.getByRole('button', { name: 'Exporter', exact: true }).click()]);
  const path = join(dir, download.suggestedFilename());
  writeFileSync(path, readFileSync((await download.path())!));
  return { download, path };
}

describe('export of a thematic layer from its panel', () => {
  it.runIf(gdalOrSkip())('writes the EV5 (OpenStreetMap) as Lambert-93 Shapefile and GeoPackage with credits and the ODbL notice', async () => {
    await openAtlas(h);
    const dialog = await openDialog('ev5-troncons');
    const expected = countOf('ev5-troncons');
    expect(await dialog.innerText()).toContain(`${expected} entités`);
    await dialog.getByLabel('Format', { exact: true }).selectOption('shapefile');
    // Planners' formats default to Lambert-93.
    expect(await dialog.getByLabel('Système de coordonnées de l’export').inputValue()).toBe('EPSG:2154');
    await expect.poll(() => dialog.locator('[data-odbl]').count(), WAIT).toBe(1);
    expect(await dialog.locator('.layer-export-credits').innerText()).toContain("© les contributeurs d'OpenStreetMap (ODbL)");
    const violations = await axeViolations(h.page, '.layer-export');
    expect(violations, describeViolations(violations)).toEqual([]);
    await h.page.screenshot({ path: '/tmp/i18-export-dialog-1366.png' });

    const shp = await exportAs(dialog, 'shapefile');
    expect(shp.download.suggestedFilename()).toMatch(/-l93\.shp\.zip$/);
    await expect.poll(() => dialog.getByRole('status').innerText(), WAIT).toContain(shp.download.suggestedFilename());
    const layers = ogrSummary(`/vsizip/${shp.path}`);
    expect(layers.reduce((n, l) => n + l.count, 0)).toBe(expected);
    for (const l of layers) {
      expect(l.epsg).toBe(2154);
      // Lambert-93 metres of the CALL.
      expect(l.extent![0]).toBeGreaterThan(650_000);
      expect(l.extent![2]).toBeLessThan(720_000);
      expect(l.extent![1]).toBeGreaterThan(7_010_000);
      expect(l.extent![3]).toBeLessThan(7_070_000);
    }
    const readme = new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(shp.path)))['LISEZMOI.txt']);
    expect(readme).toContain("© les contributeurs d'OpenStreetMap (ODbL)");
    expect(readme).toContain('sous la même licence');

    const gpkg = await exportAs(dialog, 'geopackage');
    expect(gpkg.download.suggestedFilename()).toMatch(/-l93\.gpkg$/);
    const [table] = ogrSummary(gpkg.path);
    expect(table.count).toBe(expected);
    expect(table.epsg).toBe(2154);
    const info = execFileSync('ogrinfo', ['-ro', '-so', '-al', gpkg.path], { encoding: 'utf8' });
    expect(info).toContain("© les contributeurs d'OpenStreetMap (ODbL)");
    expect(info).toMatch(/ODBL=.*sous la même licence/);
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await expect.poll(() => h.page.getByRole('dialog').count(), WAIT).toBe(0);
  });

  it.runIf(gdalOrSkip())('writes the cités (Licence Ouverte) without the ODbL notice, and shows the dialog on a phone', async () => {
    const dialog = await openDialog('cites');
    expect(await dialog.locator('[data-odbl]').count()).toBe(0);
    const shp = await exportAs(dialog, 'shapefile');
    const layers = ogrSummary(`/vsizip/${shp.path}`);
    expect(layers.reduce((n, l) => n + l.count, 0)).toBe(countOf('cites'));
    for (const l of layers) expect(l.epsg).toBe(2154);
    const readme = new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(shp.path)))['LISEZMOI.txt']);
    expect(readme).toContain('Mission Bassin Minier');
    expect(readme).not.toContain('sous la même licence');
    await h.page.setViewportSize({ width: 375, height: 700 });
    await h.page.screenshot({ path: '/tmp/i18-export-dialog-375.png' });
    await h.page.keyboard.press('Escape');
    await expect.poll(() => h.page.getByRole('dialog').count(), WAIT).toBe(0);
    expect(h.consoleErrors.filter((e) => e.startsWith('uncaught'))).toEqual([]);
  });
});
