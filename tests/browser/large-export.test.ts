// A large export cancelled: 100,000 generated parcels in the workbench, exported as a GeoPackage
// (the slowest writer), « Annuler » pressed while the worker writes. No file is downloaded, the item
// is still listed with its 100,000 features, and the restarted worker has the workspace back: the
// next export of the same item (FlatGeobuf) completes and GDAL reads its 100,000 features.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAtlas, startHarness, type Harness } from './harness';
import { generatedParcels } from '../../scripts/bench/generate';
import { gdalOrSkip, ogrSummary } from '../support/gdal';

const COUNT = 100_000;
let h: Harness;
let dir: string;

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1366, height: 800 } });
  dir = mkdtempSync(join(tmpdir(), 'atlas-grand-export-'));
});

afterAll(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('large export', () => {
  it.runIf(gdalOrSkip())(
    'cancels a 100,000-feature GeoPackage export: no download, the item intact, the next export complete',
    async () => {
      await openAtlas(h);
      await h.page.getByRole('tab', { name: 'Atelier' }).click();
      const path = join(dir, 'parcelles.geojson');
      writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features: generatedParcels(COUNT) }));
      await h.page.setInputFiles('#wb-fichiers', path);
      const item = h.page.locator('.wb-item');
      await expect.poll(() => item.count(), { timeout: 300_000 }).toBe(1);
      // The import's job ends when its FlatGeobuf is stored.
      await expect.poll(() => h.page.locator('.wb-job').count(), { timeout: 300_000 }).toBe(0);
      const meta = await item.locator('.wb-item-meta').innerText();
      expect(meta).toMatch(/^100\s000 entités/);

      const downloads: string[] = [];
      h.page.on('download', (d) => downloads.push(d.suggestedFilename()));
      await item.getByLabel('Exporter en').selectOption('geopackage');
      await item.getByRole('button', { name: /^Exporter « / }).click();
      const job = h.page.locator('.wb-job');
      await job.waitFor({ timeout: 30_000 });
      // The progress bar moves before the cancel (the job is really running in the worker).
      await expect.poll(() => job.locator('progress').evaluate((p) => (p as HTMLProgressElement).value), { timeout: 120_000 }).toBeGreaterThan(0);
      await job.getByRole('button', { name: 'Annuler' }).click();
      await expect
        .poll(() => h.page.locator('.wb-notice-info').allInnerTexts(), { timeout: 30_000 })
        .toContainEqual(expect.stringMatching(/^Export de « parcelles » : annulé\. Votre espace de travail est intact\./));
      expect(await h.page.locator('.wb-job').count()).toBe(0);
      // Long enough for a late file to show up if the cancel had not stopped the writer.
      await h.page.waitForTimeout(5_000);
      expect(downloads).toEqual([]);
      expect(await item.count()).toBe(1);
      expect(await item.locator('.wb-item-meta').innerText()).toBe(meta);

      // Nothing lost: the fresh worker was given the workspace back and exports the whole layer.
      await item.getByLabel('Exporter en').selectOption('flatgeobuf');
      const [download] = await Promise.all([
        h.page.waitForEvent('download', { timeout: 300_000 }),
        item.getByRole('button', { name: /^Exporter « / }).click(),
      ]);
      const fgb = join(dir, download.suggestedFilename());
      writeFileSync(fgb, readFileSync((await download.path())!));
      expect(ogrSummary(fgb)[0].count).toBe(COUNT);
      expect(h.consoleErrors.filter((e) => e.startsWith('uncaught'))).toEqual([]);
    },
    600_000,
  );
});
