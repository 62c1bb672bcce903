// What the MapLibre-drawn thematic layers must show a reader, in pixels: a hatch for a second
// attribute (UNESCO terrils), communes containing a QPV marked without a fill (no QPV outline),
// commune names drawn without a glyph server, the selection highlight, and the high-contrast theme.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { themeClair, themeContraste } from '../../layers/theme';
import { communeLabelColour } from '../../src/app/map/labels';
import { area, pointOnFeature } from '@turf/turf';
import { openAtlas, projectToPage, startHarness, waitIdle, type Harness } from './harness';
import { builtCatalog, builtFeatures } from './built-data';
import { findVisiblePoint, shotAround } from './map-helpers';
import { diffCount, type Image } from './png';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 960, height: 640 } });
});

afterAll(async () => {
  await h?.close();
});

/** Share of pixels farther than `tolerance` from the image's most frequent colour. */
function nonDominantShare(img: Image, tolerance = 40): number {
  const counts = new Map<string, number>();
  const px = (i: number) => [img.data[i], img.data[i + 1], img.data[i + 2]];
  for (let i = 0; i < img.data.length; i += 4) {
    const key = px(i)
      .map((v) => v >> 4)
      .join(',');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const dominant = [...counts]
    .sort((a, b) => b[1] - a[1])[0][0]
    .split(',')
    .map((v) => Number(v) * 16 + 8);
  let far = 0;
  for (let i = 0; i < img.data.length; i += 4) {
    const [r, g, b] = px(i);
    if (Math.abs(r - dominant[0]) + Math.abs(g - dominant[1]) + Math.abs(b - dominant[2]) > tolerance) far++;
  }
  return far / (img.data.length / 4);
}

/** Pixels within `tolerance` of an RGB colour. */
function countColour(img: Image, [r, g, b]: number[], tolerance = 40): number {
  let n = 0;
  for (let i = 0; i < img.data.length; i += 4) {
    if (Math.abs(img.data[i] - r) + Math.abs(img.data[i + 1] - g) + Math.abs(img.data[i + 2] - b) <= tolerance) n++;
  }
  return n;
}

const setVisibility = (layerId: string, visible: boolean) =>
  h.page.evaluate(([id, v]) => window.__atlas!.map.setLayoutProperty(id as string, 'visibility', v ? 'visible' : 'none'), [
    layerId,
    visible,
  ] as const);

describe('Carte dessinée par MapLibre : motifs, noms, surlignage, contraste', () => {
  it('croise les hachures des terrils inscrits UNESCO : le motif se voit en pixels, pas seulement la couleur', async () => {
    const sub = builtCatalog()
      .layers.flatMap((l) => l.sublayers)
      .find((s) => s.id === 'parcs-terrils')!;
    const features = await builtFeatures(sub.file!);
    // The largest inscribed terril: the cross-hatch (second attribute, the inscription) fills a square there.
    const index = features
      .map((f, i) => ({ i, f }))
      .filter(({ f }) => f.properties.unesco === true)
      .sort((a, b) => area(b.f) - area(a.f))[0].i;
    const [lon, lat] = pointOnFeature(features[index]).geometry.coordinates;
    await openAtlas(h, `#carte=15.50/${lat.toFixed(5)}/${lon.toFixed(5)}&couches=communes,parcs&sous-couches=communes,territoire,parcs-terrils`);
    const point = await projectToPage(h.page, [lon, lat]);
    const picked = await h.page.evaluate(
      ([lo, la]) => {
        const q = window.__atlas!.map.project([lo, la]);
        return window.__atlas!.pick(q.x, q.y);
      },
      [lon, lat] as const,
    );
    expect(picked).toMatchObject({
      sublayerId: 'parcs-terrils',
      index,
    });
    await setVisibility('etiquettes-communes', false);
    await waitIdle(h.page);
    const hatched = await shotAround(h.page, point.x, point.y, 12);
    // Hatching: a good share of the square is stroke, not ground.
    expect(nonDominantShare(hatched)).toBeGreaterThan(0.12);
    await setVisibility('thematique:parcs-terrils:motif-0', false);
    await waitIdle(h.page);
    const plain = await shotAround(h.page, point.x, point.y, 12);
    expect(nonDominantShare(plain)).toBeLessThan(0.05);
    expect(diffCount(hatched, plain)).toBeGreaterThan(40);
    await setVisibility('thematique:parcs-terrils:motif-0', true);
    await setVisibility('etiquettes-communes', true);
  });

  it('sans contours de QPV : les communes concernées ne sont ni remplies ni hachurées, un repère porte le nom des quartiers', async () => {
    const catalog = builtCatalog();
    const qpv = catalog.layers.find((l) => l.id === 'qpv')!;
    expect(qpv.sublayers.find((s) => s.id === 'qpv-contours')!.featureCount, 'the default mirror has no QPV outline').toBe(0);
    const sub = qpv.sublayers.find((s) => s.id === 'qpv-communes')!;
    const communes = await builtFeatures(sub.file!);
    const lens = communes.find((c) => c.properties.nom === 'Lens')!;
    const [lon, lat] = pointOnFeature(lens).geometry.coordinates;
    await openAtlas(h, `#carte=13.00/${lat.toFixed(5)}/${lon.toFixed(5)}&couches=communes,qpv`);
    const style = await h.page.evaluate(() =>
      window
        .__atlas!.map.getLayersOrder()
        .filter((id) => id.startsWith('thematique:qpv-communes:'))
        .map((id) => ({ id, type: window.__atlas!.map.getLayer(id)!.type })),
    );
    // Outline and mark only: no fill, no pattern over the commune.
    expect(style.filter((l) => l.type === 'fill' && !l.id.endsWith(':base'))).toEqual([]);
    expect(style.map((l) => l.id)).toContain('thematique:qpv-communes:repere-0');
    const marks = await h.page.evaluate(() =>
      window.__atlas!.map.queryRenderedFeatures({ layers: ['thematique:qpv-communes:repere-0'] }).map((f) => f.properties.t as string),
    );
    expect(marks).toContain(String(lens.properties.qpv_noms));
    // The mark is drawn in the QPV colour, where the commune's label point is.
    const at = await projectToPage(h.page, [lon, lat]);
    const shot = await shotAround(h.page, at.x, at.y, 8);
    expect(countColour(shot, themeClair.palette.qpv.slice(0, 3), 60)).toBeGreaterThan(10);
    // Its names are placed above the communes' names: the mark's text wins, the names never overlap.
    const order = await h.page.evaluate(() => window.__atlas!.map.getLayersOrder());
    expect(order.indexOf('thematique:qpv-communes:repere-0')).toBeGreaterThan(order.indexOf('etiquettes-communes'));
    // A click on the mark opens the commune's QPV sheet, which says the outlines are missing.
    await h.page.mouse.click(at.x, at.y);
    await expect.poll(() => h.page.locator('.feature-panel h2').textContent()).toBe('Lens');
    expect(await h.page.locator('.feature-panel').textContent()).toContain('contours des QPV non disponibles');
    await h.page.keyboard.press('Escape');
  });

  it('écrit les noms des communes sans serveur de glyphes, et les retire avec le fond en ligne', async () => {
    await openAtlas(h);
    const placed = await h.page.evaluate(() =>
      window
        .__atlas!.map.queryRenderedFeatures({ layers: ['etiquettes-communes'] })
        .map((f) => ({ name: f.properties.nom as string, at: (f.geometry as unknown as { coordinates: [number, number] }).coordinates })),
    );
    const names = placed.map((p) => p.name);
    expect(names).toContain('Lens');
    expect(names.length).toBeGreaterThan(10);
    const lens = placed.find((p) => p.name === 'Lens')!;
    const at = await h.page.evaluate((p) => {
      const map = window.__atlas!.map;
      const q = map.project(p);
      const r = map.getCanvas().getBoundingClientRect();
      return { x: r.left + q.x, y: r.top + q.y };
    }, lens.at);
    const withName = await shotAround(h.page, at.x, at.y, 10);
    // The name's text colour is in the square (dark glyphs on their white halo).
    expect(countColour(withName, communeLabelColour(themeClair).slice(0, 3), 60)).toBeGreaterThan(8);
    await setVisibility('etiquettes-communes', false);
    await waitIdle(h.page);
    expect(diffCount(withName, await shotAround(h.page, at.x, at.y, 10))).toBeGreaterThan(20);
    await setVisibility('etiquettes-communes', true);
    const style = await h.page.evaluate(() => window.__atlas!.map.getStyle());
    expect(style.glyphs).toBeUndefined();
    expect(h.requests.some((u) => /\.pbf(\?|$)/.test(u))).toBe(false);
  });

  it('surligne l’objet cliqué dans la couleur de sélection', async () => {
    await openAtlas(h, '#couches=communes,parcs');
    const sub = builtCatalog()
      .layers.flatMap((l) => l.sublayers)
      .find((s) => s.id === 'parcs-terrils')!;
    const features = await builtFeatures(sub.file!);
    const point = await findVisiblePoint(h, sub.id, features, 'polygon', false);
    expect(point).not.toBeNull();
    await h.page.mouse.click(point!.x, point!.y);
    await expect.poll(() => h.page.locator('.feature-panel h2').textContent()).toBe(String(features[point!.index].properties.nom));
    await waitIdle(h.page);
    // The wide highlight stroke runs along the terril's outline: look at the whole map.
    const shot = await h.page.screenshot({ type: 'png' });
    const { decodePng } = await import('./png');
    expect(countColour(decodePng(shot), themeClair.highlight.slice(0, 3), 30)).toBeGreaterThan(50);
    await h.page.keyboard.press('Escape');
  });

  it('passe les couches thématiques en contraste élevé', async () => {
    await openAtlas(h, '#presentation=rapport&diapo=1');
    await h.page.getByRole('button', { name: 'Contraste élevé' }).click();
    const [r, g, b] = themeContraste.palette.velo;
    await expect
      .poll(() => h.page.evaluate(() => window.__atlas!.map.getPaintProperty('thematique:ev5-troncons:contour-0', 'line-color')))
      .toBe(`rgba(${r}, ${g}, ${b}, 1.000)`);
    await expect
      .poll(() => h.page.evaluate(() => window.__atlas!.map.getPaintProperty('etiquettes-communes', 'text-color')))
      .toBe('rgba(255, 255, 255, 1.000)');
    await h.page.getByRole('button', { name: 'Contraste élevé' }).click();
    await expect
      .poll(() => h.page.evaluate(() => window.__atlas!.map.getPaintProperty('thematique:ev5-troncons:contour-0', 'line-color')))
      .not.toBe(`rgba(${r}, ${g}, ${b}, 1.000)`);
    await h.page.keyboard.press('Escape');
  });
});
