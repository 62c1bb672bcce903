// Basemap choice: online rasters are added under our layers, credited, and the choice survives a
// reload. Tiles are answered by a test route (a solid-colour PNG), so nothing leaves this machine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { externalRequests, openAtlas, startHarness, waitIdle, type Harness } from './harness';
import { decodePng, encodeSolidPng, pixel } from './png';

const TILE_COLOUR: [number, number, number] = [200, 110, 30];
let h: Harness;

/** Colour of the map a little inside its top-left corner, outside the territory. */
async function cornerColour(): Promise<[number, number, number]> {
  // The map legend sits in that corner: folded, it leaves the basemap visible below its button.
  const legend = h.page.locator('.map-legend-toggle');
  if ((await legend.count()) && (await legend.getAttribute('aria-expanded')) === 'true') await legend.click();
  await h.page.mouse.move(2, 2);
  const box = await h.page.evaluate(() => {
    const r = window.__atlas!.map.getCanvas().getBoundingClientRect();
    // Below the folded legend button; the territory's bounding box is empty there.
    return { x: r.left + 20, y: r.top + 80 };
  });
  const image = decodePng(await h.page.screenshot({ type: 'png', clip: { x: box.x, y: box.y, width: 3, height: 3 } }));
  return pixel(image, 1, 1);
}

const radio = (name: string) => h.page.getByRole('radio', { name: new RegExp(`^${name}`) });

beforeAll(async () => {
  h = await startHarness();
  const tile = encodeSolidPng(256, 256, TILE_COLOUR);
  await h.context.route(
    (url) => url.hostname !== '127.0.0.1' && url.protocol.startsWith('http'),
    (route) => route.fulfill({ status: 200, contentType: 'image/png', body: tile }),
  );
});

afterAll(async () => {
  await h?.close();
});

describe('Fonds de carte', () => {
  it('ouvre sur le fond hors ligne, sans aucune requête externe', async () => {
    await openAtlas(h);
    expect(await radio('Atlas').isChecked()).toBe(true);
    expect(externalRequests(h.requests)).toEqual([]);
    const [r, g, b] = await cornerColour();
    expect(Math.abs(r - TILE_COLOUR[0]) + Math.abs(g - TILE_COLOUR[1]) + Math.abs(b - TILE_COLOUR[2])).toBeGreaterThan(60);
  });

  it('affiche le Plan IGN standard de la Géoplateforme, crédité, sous nos couches', async () => {
    await radio('Plan IGN standard').check();
    await waitIdle(h.page);
    const tiles = externalRequests(h.requests);
    expect(tiles.length).toBeGreaterThan(0);
    for (const url of tiles) {
      expect(url).toMatch(/^https:\/\/data\.geopf\.fr\/wmts\?.*LAYER=GEOGRAPHICALGRIDSYSTEMS\.PLANIGNV2.*TILEMATRIX=\d+&TILEROW=\d+&TILECOL=\d+/);
    }
    const [r, g, b] = await cornerColour();
    expect(Math.abs(r - TILE_COLOUR[0]) + Math.abs(g - TILE_COLOUR[1]) + Math.abs(b - TILE_COLOUR[2])).toBeLessThan(30);
    expect(await h.page.locator('.attribution').textContent()).toContain('Plan IGN');
    // The thematic layers are MapLibre layers above the raster.
    const layersOrder = await h.page.evaluate(() => window.__atlas!.map.getLayersOrder());
    expect(layersOrder.indexOf('fond-raster')).toBeGreaterThanOrEqual(0);
    expect(layersOrder.indexOf('fond-raster')).toBeLessThan(layersOrder.findIndex((id) => id.startsWith('thematique:')));
  });

  it('rend le Plan IGN gris en niveaux de gris', async () => {
    await radio('Plan IGN gris').check();
    await waitIdle(h.page);
    const [r, g, b] = await cornerColour();
    expect(Math.max(r, g, b) - Math.min(r, g, b)).toBeLessThan(12);
    expect(await h.page.evaluate(() => location.hash)).toContain('fond=ign-gris');
  });

  it('garde le choix après un rechargement sans adresse (localStorage)', async () => {
    const before = externalRequests(h.requests).length;
    await openAtlas(h); // base address, no hash: the choice can only come from localStorage
    expect(await radio('Plan IGN gris').isChecked()).toBe(true);
    expect(await h.page.evaluate(() => window.__atlas!.map.getPaintProperty('fond-raster', 'raster-saturation'))).toBe(-1);
    expect(externalRequests(h.requests).length).toBeGreaterThan(before);
  });

  it('crédite OpenStreetMap (ODbL) quand on le choisit, puis revient au fond hors ligne sans requête', async () => {
    await radio('OpenStreetMap').check();
    await waitIdle(h.page);
    expect(externalRequests(h.requests).some((u) => /^https:\/\/tile\.openstreetmap\.org\/\d+\/\d+\/\d+\.png$/.test(u))).toBe(true);
    const credits = (await h.page.locator('.attribution').textContent()) ?? '';
    expect(credits).toContain("© les contributeurs d'OpenStreetMap");
    expect(credits).toContain('ODbL');
    await radio('Atlas').check();
    await h.page.reload();
    await h.page.waitForFunction(() => document.body.dataset.mapState === 'idle');
    const count = h.requests.length;
    await waitIdle(h.page);
    expect(await radio('Atlas').isChecked()).toBe(true);
    expect(externalRequests(h.requests.slice(count))).toEqual([]);
  });

  it("n'a écrit aucune erreur en console", () => {
    expect(h.consoleErrors).toEqual([]);
  });
});
