// The first view (docs/cartography.md): a fresh browser with no address shows exactly the layers the
// guide declares (layers/first-view.ts), drawn on the map and checked in the panel; the address still
// wins; and the first view passes axe with its best-practice rules (heading order, landmarks).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_VIEW_LAYERS, FIRST_VIEW_SUBLAYERS } from '../../layers/first-view';
import { layerDefinitions } from '../../layers/index';
import { axeViolations, describeViolations } from './axe';
import { openAtlas, startHarness, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1366, height: 800 } });
});

afterAll(async () => {
  await h?.close();
});

/** Sublayers whose generated MapLibre layers are shown, and those with features drawn on screen. */
const shownOnMap = () =>
  h.page.evaluate(() => {
    const map = window.__atlas!.map;
    const shown = new Set<string>();
    const drawn = new Set<string>();
    for (const id of map.getLayersOrder()) {
      if (!id.startsWith('thematique:') || map.getLayoutProperty(id, 'visibility') === 'none') continue;
      const sub = id.slice('thematique:'.length).split(':')[0];
      shown.add(sub);
      if (map.queryRenderedFeatures({ layers: [id] }).length > 0) drawn.add(sub);
    }
    return { shown: [...shown].sort(), drawn: [...drawn].sort() };
  });

describe('première vue', () => {
  it('sans adresse ni choix mémorisé : exactement les couches du guide, dessinées et cochées', async () => {
    await openAtlas(h);
    const { shown, drawn } = await shownOnMap();
    expect(shown).toEqual([...FIRST_VIEW_SUBLAYERS].sort());
    // Each one is really on screen, not only switched on.
    expect(drawn).toEqual([...FIRST_VIEW_SUBLAYERS].sort());
    // The panel says the same: the first view's layers are checked, the others are not.
    for (const layer of layerDefinitions) {
      const box = h.page.getByRole('checkbox', { name: layer.title, exact: true });
      expect(await box.isChecked(), layer.id).toBe(FIRST_VIEW_LAYERS.includes(layer.id));
    }
    // Nothing to record: the address stays free of layer lists.
    expect(await h.page.evaluate(() => location.hash)).not.toMatch(/couches=/);
  });

  it("l'adresse l'emporte : une couche demandée s'affiche, une couche retirée disparaît", async () => {
    await openAtlas(h, '#couches=communes,qpv');
    const { shown } = await shownOnMap();
    expect(shown).toContain('qpv-communes');
    expect(shown).not.toContain('ev5-troncons');
    expect(shown).not.toContain('parcs-terrils');
  });

  it('axe, règles WCAG et bonnes pratiques (ordre des titres) : aucune violation sur la première vue', async () => {
    await openAtlas(h);
    const violations = await axeViolations(h.page, undefined, ['best-practice']);
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});
