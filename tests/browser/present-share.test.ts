// Sharing: the « Partager » dialog's permalink reopens exactly the view (camera, basemap, layers,
// open card, selected feature, imported layer of this browser; present.test.ts checks a slide's link); a link naming
// imported layers another browser does not have says so; embed mode and its iframe snippet.
// Online basemap tiles are answered by a test route, so nothing leaves this machine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { externalRequests, openAtlas, startHarness, type Harness } from './harness';
import { builtCards, builtCatalog, builtFeatures } from './built-data';
import { hashParams, mapView, settle } from './present-helpers';
import { encodeSolidPng } from './png';

let h: Harness;
/** A smaller window: software WebGL draws each frame faster, and nothing here needs more. */
const SMALL = { width: 960, height: 640 };

beforeAll(async () => {
  h = await startHarness({ viewport: SMALL });
  const tile = encodeSolidPng(256, 256, [200, 200, 200]);
  await h.context.route(
    (url) => url.hostname !== '127.0.0.1' && url.protocol.startsWith('http'),
    (route) => route.fulfill({ status: 200, contentType: 'image/png', body: tile }),
  );
});

afterAll(async () => {
  await h?.close();
});

/** Drops a file on the map as a user's drag and drop does. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    ([name, text]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name));
      const target = document.getElementById('carte')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    [name, text],
  );
}

const CORRIDOR = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { nom: 'Corridor' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [2.78, 50.42],
          [2.83, 50.43],
        ],
      },
    },
  ],
});

async function shareLink(): Promise<string> {
  await h.page.getByRole('button', { name: 'Partager' }).click();
  const dialog = h.page.locator('dialog.share-dialog');
  await dialog.waitFor();
  return dialog.getByLabel('Lien permanent vers cette vue').inputValue();
}

describe('liens permanents', () => {
  let link = '';
  let itemId = '';

  it('le dialogue « Partager » donne le lien de toute la vue, couche importée comprise, et le dit', async () => {
    await openAtlas(h, '#carte=12.50/50.44000/2.86000');
    await dropFile(h.page, 'corridor.geojson', CORRIDOR);
    await expect.poll(() => h.page.locator('.wb-item').count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(async () => (await hashParams(h.page)).importes ?? '').toMatch(/^[a-z0-9-]+$/);
    itemId = (await hashParams(h.page)).importes;
    // The new layer is framed (a camera flight): the view is pasted during it, and followed.
    // Paste a view: layers, basemap, card, selected feature (the camera stays where it is).
    const card = builtCards().cards.find((c) => c.id === 'cites-minieres-erbm')!;
    await h.page.evaluate(
      ([id, item]) =>
        (window.location.hash = `#carte=12.50/50.44000/2.86000&couches=communes,cites&fond=ign-gris&objet=communes/5&fiche=${id}&importes=${item}`),
      [card.id, itemId],
    );
    await settle(h.page);
    link = await shareLink();
    const url = new URL(link);
    expect(`${url.origin}${url.pathname}`).toBe(`${h.baseUrl}/`);
    const params = Object.fromEntries(
      url.hash
        .slice(1)
        .split('&')
        .map((p) => p.split('=')),
    );
    expect(params).toMatchObject({
      carte: '12.50/50.44000/2.86000',
      couches: 'communes,cites',
      fond: 'ign-gris',
      objet: 'communes/5',
      fiche: card.id,
      importes: itemId,
    });
    const dialog = h.page.locator('dialog.share-dialog');
    expect(await dialog.locator('[data-avertissement="couches-importees"]').textContent()).toContain('ne s’afficheront que dans ce navigateur');
    expect(await dialog.locator('.present-list').textContent()).toContain(`la fiche « ${card.title} »`);
    await dialog.getByRole('button', { name: 'Copier le lien' }).click();
    await expect
      .poll(() => dialog.locator('.present-status').first().textContent())
      .toMatch(/Copié dans le presse-papiers\.|Copie automatique impossible/);
    await dialog.getByRole('button', { name: 'Fermer' }).click();
  });

  it('rouvre exactement la vue du lien', async () => {
    // Hide the imported layer: the link must show it again.
    await h.page.evaluate(() => (window.location.hash = '#importes='));
    await settle(h.page);
    await h.page.goto('about:blank');
    await h.page.goto(link);
    await h.page.waitForFunction(() => document.body.dataset.mapState === 'idle', undefined, { timeout: 90_000 });
    await settle(h.page);
    const view = await mapView(h.page);
    expect(view.zoom).toBeCloseTo(12.5, 2);
    expect(view.lat).toBeCloseTo(50.44, 4);
    expect(view.lon).toBeCloseTo(2.86, 4);
    // The layers tab is hidden behind the card's tab: its controls are read all the same.
    expect(await h.page.getByRole('radio', { name: /^Plan IGN gris/, includeHidden: true }).isChecked()).toBe(true);
    expect(await h.page.getByRole('checkbox', { name: 'EuroVelo 5', exact: true, includeHidden: true }).isChecked()).toBe(false);
    expect(await h.page.getByRole('checkbox', { name: 'Cités minières / ERBM', exact: true, includeHidden: true }).isChecked()).toBe(true);
    const communes = await builtFeatures(
      builtCatalog()
        .layers.find((l) => l.id === 'communes')!
        .sublayers.find((s) => s.id === 'communes')!.file!,
    );
    await expect.poll(() => h.page.locator('.feature-panel h2').textContent()).toBe(String(communes[5].properties.nom));
    expect(await h.page.getByRole('tab', { name: 'Rapport' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(async () => (await hashParams(h.page)).importes).toBe(itemId);
    // The address written back by the app is the link's, parameter for parameter.
    const params = await hashParams(h.page);
    const expected = Object.fromEntries(
      new URL(link).hash
        .slice(1)
        .split('&')
        .map((p) => p.split('=')),
    );
    expect(params).toEqual(expected);
  });

  it('dit qu’un lien désigne des couches importées absentes de ce navigateur', async () => {
    await openAtlas(h, '#importes=import-d-un-autre-poste');
    await expect
      .poll(() => h.page.locator('.present-notice').first().textContent(), { timeout: 20_000 })
      .toContain('Ce lien affiche 1 couche(s) importée(s) absente(s) de ce navigateur (import-d-un-autre-poste)');
  });
});

describe('intégration à un site', () => {
  it('donne le code iframe ; la carte intégrée n’a que la carte, ses sources, la légende et « Ouvrir la carte complète »', async () => {
    // Tiles of the online basemap chosen above were asked for (and answered by the route).
    h.requests.length = 0;
    await openAtlas(h, '#carte=11.00/50.43000/2.80000');
    await shareLink();
    const dialog = h.page.locator('dialog.share-dialog');
    await dialog.getByLabel('Largeur (px)').fill('640');
    const snippet = await dialog.getByLabel('Code à coller dans la page').inputValue();
    // (`importes=` empty when this browser has an imported layer, hidden: the earlier tests made one.)
    expect(snippet).toMatch(
      /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/#carte=11\.00\/50\.43000\/2\.80000(&amp;importes=)?&amp;integration=1" width="640" height="600" title="Carte : Atlas Lens-Liévin"/,
    );
    const src = snippet.match(/src="([^"]+)"/)![1].replace(/&amp;/g, '&');
    await dialog.getByRole('button', { name: 'Fermer' }).click();

    // The authority's page, stood in by a test route (same origin: Chrome keeps an about:blank page
    // from framing a local address).
    await h.context.route(`${h.baseUrl}/site-de-la-call.html`, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="fr"><title>Site</title><body>${snippet}</body></html>`,
      }),
    );
    await h.page.goto(`${h.baseUrl}/site-de-la-call.html`);
    const frame = h.page.frameLocator('iframe');
    await frame.locator('.embed-bar').waitFor({ timeout: 60_000 });
    expect(await frame.locator('.app-header').isVisible()).toBe(false);
    expect(await frame.locator('.side-panel').isVisible()).toBe(false);
    expect(await frame.locator('.attribution').isVisible()).toBe(true);
    const open = frame.getByRole('link', { name: /Ouvrir la carte complète/ });
    expect(await open.getAttribute('target')).toBe('_blank');
    expect(await open.getAttribute('href')).toBe(src.replace('&integration=1', ''));
    await frame.locator('.embed-legend summary').click();
    expect(await frame.locator('.embed-legend').textContent()).toContain('EuroVelo 5');
    expect(externalRequests(h.requests)).toEqual([]);
    expect(h.consoleErrors).toEqual([]);
  });
});
