// The « Trame verte et bleue » layer in the built app, offline as here: the green part is drawn from
// the Chaîne des Parcs files (each fetched once), the gaps are drawn, and the blue part states what
// is missing and which sources would fill it; nothing is drawn for it. Expectations come from dist/data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { BLUE_MISSING, GREEN_CORRIDORS } from '../../layers/tvb/layer';
import type { GeoFeature } from '../../layers/types';
import { openAtlas, startHarness, type Harness } from './harness';
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
