// What goes wrong must stay contained: a layer in error or a file that fails to load shows a
// badge with its reason while the rest works; feature values are shown as text, never as HTML.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { FeatureCollection } from 'geojson';
import type { Catalog } from '../../layers/types';
import { openAtlas, startHarness, type Harness } from './harness';
import { builtCatalog, builtFeatures } from './built-data';
import { findVisiblePoint } from './map-helpers';

let h: Harness;
let catalog: Catalog;
const ERROR_MESSAGE = 'registre IREP illisible (message de test)';
const HOSTILE_NAME = '<img src="x" onerror="window.__pirate = 1">Puits <b>piégé</b>';

/** The puits file, rewritten with hostile values in its first two features. */
async function hostilePuits(file: string): Promise<Uint8Array> {
  const features = await builtFeatures(file);
  features[0].properties = { ...features[0].properties, nom: HOSTILE_NAME, fiche_brgm: 'javascript:window.__pirate=2' };
  features[1].properties = { ...features[1].properties, fiche_brgm: 'https://ficheinfoterre.brgm.fr/exemple' };
  return serialize({ type: 'FeatureCollection', features } as FeatureCollection);
}

beforeAll(async () => {
  catalog = builtCatalog();
  h = await startHarness();
  const broken = structuredClone(catalog);
  const dechets = broken.layers.find((l) => l.id === 'dechets')!;
  dechets.status = 'erreur';
  dechets.statusMessage = ERROR_MESSAGE;
  await h.context.route('**/data/catalog.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(broken) }),
  );
  await h.context.route('**/data/ev5-troncons.fgb', (route) => route.fulfill({ status: 404, body: 'absent' }));
  await h.context.route('**/data/parcs-cavaliers-unesco.fgb', (route) =>
    route.fulfill({ status: 200, body: Buffer.from('ceci n’est pas un FlatGeobuf') }),
  );
  const puitsFile = catalog.layers.find((l) => l.id === 'cites')!.sublayers.find((s) => s.id === 'cites-puits')!.file!;
  const puits = Buffer.from(await hostilePuits(puitsFile));
  await h.context.route(`**/data/${puitsFile}`, (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: puits }));
});

afterAll(async () => {
  await h?.close();
});

describe('Robustesse', () => {
  it('signale en français la couche en erreur et les fichiers illisibles, et le reste fonctionne', async () => {
    await openAtlas(h);
    const badge = (layerId: string) => h.page.locator(`[data-layer="${layerId}"] .badge-erreur`);
    await expect.poll(() => badge('dechets').textContent()).toContain(ERROR_MESSAGE);
    await expect.poll(() => badge('ev5').textContent()).toContain('introuvable (HTTP 404)');
    await expect.poll(() => badge('parcs').textContent()).toContain('illisible');
    // Only those layers carry a badge — and the trame verte et bleue, whose green corridors are the parcs' own files
    // (by reference, not copies): it says the same unreadable file. The healthy ones are drawn and clickable.
    const badged = await h.page
      .locator('[data-layer]')
      .evaluateAll((items) => items.filter((li) => li.querySelector('.badge-erreur')).map((li) => (li as HTMLElement).dataset.layer));
    expect(badged.sort()).toEqual(['dechets', 'ev5', 'parcs', 'tvb']);
    await expect.poll(() => badge('tvb').textContent()).toContain('illisible');
    expect(catalog.layers.length).toBeGreaterThan(badged.length + 2);
    const terrils = catalog.layers.find((l) => l.id === 'parcs')!.sublayers.find((s) => s.id === 'parcs-terrils')!;
    const features = await builtFeatures(terrils.file!);
    const point = await findVisiblePoint(h, 'parcs-terrils', features, 'polygon', false);
    expect(point).not.toBeNull();
    await h.page.mouse.click(point!.x, point!.y);
    await expect.poll(() => h.page.locator('.feature-panel h2').textContent()).toBe(String(features[point!.index].properties.nom));
    await h.page.keyboard.press('Escape');
  });

  it('affiche les valeurs comme du texte : pas de HTML, liens http(s) seulement', async () => {
    await openAtlas(h, '#sous-couches=cites-puits&couches=cites&objet=cites-puits/0');
    const panel = h.page.locator('.feature-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe(HOSTILE_NAME);
    expect(await panel.locator('img, b').count()).toBe(0);
    expect(await panel.locator('a').count()).toBe(0); // javascript: is not a link
    expect(await h.page.evaluate(() => (window as unknown as { __pirate?: number }).__pirate)).toBeUndefined();
    await openAtlas(h, '#sous-couches=cites-puits&couches=cites&objet=cites-puits/1');
    const link = h.page.locator('.feature-panel a');
    await expect.poll(() => link.getAttribute('href')).toBe('https://ficheinfoterre.brgm.fr/exemple');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it("n'écrit en console que les réponses HTTP en échec provoquées par le test", () => {
    expect(
      h.consoleErrors.every((m) => /404/.test(m)),
      h.consoleErrors.join('\n'),
    ).toBe(true);
  });
});
