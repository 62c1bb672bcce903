// The « Trame verte et bleue » layer in the built app, offline as here: the green part is drawn from
// the Chaîne des Parcs files (each fetched once), the gaps are drawn, and the blue part states what
// is missing and which sources would fill it; nothing is drawn for it. Expectations come from dist/data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pointOnFeature } from '@turf/turf';
import type { Feature, LineString } from 'geojson';
import { buildGeodata } from '../../scripts/geodata/build';
import { resolveMirrorDir } from '../../scripts/geodata/acquire';
import type { Catalog } from '../../layers/types';
import { BLUE_MISSING, GREEN_CORRIDORS } from '../../layers/tvb/layer';
import type { GeoFeature } from '../../layers/types';
import { ROOT, openAtlas, startHarness, waitIdle, type Harness } from './harness';
import { axeViolations, describeViolations } from './axe';
import { builtCatalog, builtFeatures } from './built-data';
import { findVisiblePoint } from './map-helpers';

let h: Harness;
const catalog = builtCatalog();
const sub = (id: string) => catalog.layers.flatMap((l) => l.sublayers).find((s) => s.id === id)!;
const SHOTS = process.env.ATLAS_SHOTS;

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await h?.close();
});

describe('Trame verte et bleue', () => {
  let gaps: GeoFeature[];
  let terrils: GeoFeature[];

  it('shown alone over the communes: the gaps and the green corridors are drawn, each parcs file fetched once', async () => {
    gaps = await builtFeatures(sub('tvb-discontinuites').file!);
    terrils = await builtFeatures(sub('tvb-vert-terrils').file!);
    await openAtlas(h, '#carte=12.60/50.43/2.84&couches=communes,tvb');
    const gap = await findVisiblePoint(h, 'tvb-discontinuites', gaps, 'line', false);
    expect(gap, 'a gap visible and picked on the map').not.toBeNull();
    const terril = await findVisiblePoint(h, 'tvb-vert-terrils', terrils, 'polygon', false);
    expect(terril, 'a terril drawn as a green corridor').not.toBeNull();
    for (const g of GREEN_CORRIDORS) {
      const file = sub(g.from).file!;
      expect(
        h.requests.filter((u) => new URL(u).pathname.endsWith(`/data/${file}`)),
        file,
      ).toHaveLength(1);
    }
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      writeFileSync(`${SHOTS}/tvb-carte.png`, await h.page.screenshot());
    }
  });

  it('the panel says what the blue part lacks and which sources would fill it; green counts equal the parcs counts', async () => {
    const panel = h.page.locator('li[data-layer="tvb"]');
    await expect.poll(() => panel.locator('.missing').textContent()).toContain(BLUE_MISSING);
    const blue = panel.locator('li[data-sublayer="tvb-cours-d-eau"]');
    expect(await blue.textContent()).toContain('(aucune géométrie)');
    expect(await h.page.locator('#sous-couche-tvb-cours-d-eau').count()).toBe(0);
    for (const g of GREEN_CORRIDORS) {
      const shown = await h.page.locator(`label[for="sous-couche-${g.id}"] .count`).textContent();
      const source = await h.page.locator(`label[for="sous-couche-${g.from}"] .count`).textContent();
      expect(shown).toBe(source);
      expect(shown).toContain(String(sub(g.from).featureCount));
    }
    await panel.scrollIntoViewIfNeeded();
    if (SHOTS) writeFileSync(`${SHOTS}/tvb-panneau.png`, await h.page.screenshot());
    const violations = await axeViolations(h.page);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(h.consoleErrors).toEqual([]);
  });
});

describe.skipIf(!resolveMirrorDir(ROOT, process.env))('with a watercourse file dropped in geodata/local', () => {
  const temps: string[] = [];
  let outDir: string;
  let brook: Feature<LineString>;
  let built: Catalog;

  beforeAll(async () => {
    // The real pipeline on a project copy whose geodata/local holds a test watercourse (written here,
    // placed from the built commune of Lens); the browser gets that build's data instead of dist/data.
    const lens = (await builtFeatures(sub('communes').file!)).find((c) => c.properties.nom === 'Lens')!;
    const [x, y] = pointOnFeature(lens).geometry.coordinates;
    brook = {
      type: 'Feature',
      properties: { nom: "Ruisseau d'essai", nature: "Cours d'eau" },
      geometry: {
        type: 'LineString',
        coordinates: [
          [x - 0.004, y - 0.0003],
          [x + 0.004, y + 0.0003],
        ],
      },
    };
    const root = mkdtempSync(join(tmpdir(), 'atlas-tvb-projet-'));
    outDir = mkdtempSync(join(tmpdir(), 'atlas-tvb-data-'));
    temps.push(root, outDir);
    for (const dir of ['geodata/local', 'layers', 'scripts/geodata', 'src/core/fgb', 'src/core/geo', 'src/core/report'])
      mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, 'geodata', 'sources.json'), readFileSync(join(ROOT, 'geodata', 'sources.json')));
    cpSync(join(ROOT, 'geodata', 'cards'), join(root, 'geodata', 'cards'), { recursive: true });
    writeFileSync(join(root, 'geodata', 'local', 'hydrographie.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [brook] }));
    ({ catalog: built } = await buildGeodata({
      projectRoot: root,
      mirrorDir: resolveMirrorDir(ROOT, process.env),
      mirrorUrl: null,
      online: false,
      cacheDir: join(outDir, '.cache'),
      outDir,
      force: true,
      log: () => {},
    }));
    await h.context.route('**/data/*', (route) => {
      const file = join(outDir, new URL(route.request().url()).pathname.split('/').pop()!);
      if (!existsSync(file)) return route.fulfill({ status: 404, body: 'absent' });
      return route.fulfill({
        status: 200,
        body: readFileSync(file),
        contentType: file.endsWith('.json') ? 'application/json' : 'application/octet-stream',
      });
    });
  }, 180_000);
  afterAll(async () => {
    await h?.context.unroute('**/data/*');
    temps.forEach((d) => rmSync(d, { recursive: true, force: true }));
  });

  it('the watercourse is drawn, named with its source, and a project crossing it is told so by the workbench', async () => {
    expect(built.layers.find((l) => l.id === 'tvb')!.sublayers.find((s) => s.id === 'tvb-cours-d-eau')!.featureCount).toBe(1);
    const [x, y] = pointOnFeature(brook).geometry.coordinates;
    await openAtlas(h, `#carte=15.00/${y.toFixed(5)}/${x.toFixed(5)}&couches=communes,tvb`);
    const drawn = await findVisiblePoint(h, 'tvb-cours-d-eau', [brook as GeoFeature], 'line', false);
    expect(drawn, 'the test watercourse is drawn and picked').not.toBeNull();
    await h.page.mouse.click(drawn!.x, drawn!.y);
    const popup = h.page.locator('.feature-panel');
    await expect.poll(() => popup.innerText(), { timeout: 10_000 }).toContain("Ruisseau d'essai");
    expect(await popup.innerText()).toContain('Fichier de la CALL (geodata/local)');
    if (SHOTS) writeFileSync(`${SHOTS}/tvb-cours-d-eau.png`, await h.page.screenshot());
    await h.page.keyboard.press('Escape');

    // A project line across the brook, dropped as GeoJSON, buffered by 20 m.
    const project = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { nom: 'Projet de voie' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [x, y - 0.002],
              [x, y + 0.002],
            ],
          },
        },
      ],
    };
    await h.page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'projet.geojson'));
      const target = document.getElementById('carte')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, JSON.stringify(project));
    const item = h.page.locator('.wb-item').first();
    await item.waitFor({ timeout: 60_000 });
    await waitIdle(h.page);
    await item.getByRole('button', { name: 'Analyser' }).click();
    await h.page.getByLabel('Distance (mètres)').fill('20');
    await h.page.getByRole('button', { name: 'Calculer la zone tampon et les croisements' }).click();
    await h.page.locator('.wb-result-table').waitFor({ timeout: 90_000 });
    const result = await h.page.locator('.wb-result').innerText();
    expect(result).toMatch(/Trame verte et bleue : votre projet coupe \d+ continuités? vertes? et 1 cours d'eau\./);
    expect(result).toContain("Trame verte et bleue — Cours d'eau et canaux");
    if (SHOTS) writeFileSync(`${SHOTS}/tvb-atelier.png`, await h.page.screenshot());
    const violations = await axeViolations(h.page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});
