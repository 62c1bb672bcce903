// Presentation mode: the report's deck driven by the keys a clicker sends (the slide, the address,
// the card and the camera follow), Escape leaves; a deck made in the app (current views, a card,
// renamed, reordered, a slide deleted) restores each view exactly, survives a reload, goes out as
// a file and comes back, is refused in French when broken, and travels in a link.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardsFile } from '../../layers/cards';
import { reportOrder } from '../../src/app/present/deck/default-deck';
import { openAtlas, startHarness, type Harness } from './harness';
import { builtCards, builtCatalog } from './built-data';
import { cardBounds, frames, hashParams, mapView, settle } from './present-helpers';

let h: Harness;
/** A smaller window: software WebGL draws each frame faster, and nothing here needs more. */
const SMALL = { width: 960, height: 640 };
let cards: CardsFile;

beforeAll(async () => {
  cards = builtCards();
  h = await startHarness({ viewport: SMALL });
});

afterAll(async () => {
  await h?.close();
});

async function openDecks(): Promise<void> {
  await h.page.getByRole('button', { name: 'Présenter', exact: true }).first().click();
  await h.page.locator('dialog.decks-dialog').waitFor();
}

async function slideIs(n: number, settled = true): Promise<void> {
  // A card slide loads and frames its features first: under a loaded machine this takes a while.
  await h.page.locator(`.slide-panel[data-diapo="${n}"]`).waitFor({ timeout: 30_000 });
  await expect.poll(async () => (await hashParams(h.page)).diapo).toBe(String(n));
  if (settled) await settle(h.page);
}

describe('présentation du jeu du rapport au clavier', () => {
  it('suit les touches d’une télécommande : diapositive, adresse, fiche et caméra', async () => {
    await openAtlas(h);
    const ordered = reportOrder(cards.cards);
    await openDecks();
    await h.page.locator('[data-jeu="rapport"]').getByRole('button', { name: 'Présenter' }).click();
    await slideIs(1);
    expect(await hashParams(h.page)).toMatchObject({ presentation: 'rapport', diapo: '1' });
    expect(await h.page.locator('.app-header').isVisible()).toBe(false);
    expect(await h.page.locator('.slide-count').textContent()).toBe(`Diapositive 1 sur ${ordered.length + 1}`);
    // The opening slide frames the whole territory.
    expect(frames(await mapView(h.page), builtCatalog().territory.bounds)).toBe(true);

    // Next: ArrowRight, PageDown, Space; previous: ArrowLeft, PageUp; Home and End (ArrowDown and
    // the other aliases are mapped by the same function: tests/unit/present-share.test.ts).
    const steps: [string, number][] = [
      ['ArrowRight', 2],
      ['PageDown', 3],
      [' ', 4],
      ['ArrowLeft', 3],
      ['PageUp', 2],
      ['End', ordered.length + 1],
      ['Home', 1],
    ];
    // The camera is checked after a few of them (each check waits for the flight and the drawing);
    // not after the first card, the territorial project, which frames the territory like the opening.
    const cameraChecked = new Set([' ', 'End']);
    const territory = builtCatalog().territory.bounds;
    let moveSeen = false;
    for (const [key, n] of steps) {
      const before = await mapView(h.page);
      await h.page.keyboard.press(key);
      await slideIs(n, cameraChecked.has(key));
      if (n === 1) continue;
      const card = ordered[n - 2];
      expect(await hashParams(h.page), key).toMatchObject({ fiche: card.id, presentation: 'rapport' });
      expect(await h.page.locator('.slide-title').textContent()).toBe(card.title);
      // One flight; the rest jump (reduced motion), which software WebGL draws much faster.
      if (key === 'ArrowRight') await h.page.emulateMedia({ reducedMotion: 'reduce' });
      if (!cameraChecked.has(key)) continue;
      // The camera frames the card's features (a card about the whole territory frames it all).
      const box = await cardBounds(card);
      const now = await mapView(h.page);
      if (box) expect(frames(now, box), `${key} → ${card.id}`).toBe(true);
      // The first checked card framing less than the whole territory has moved the camera.
      if (!moveSeen && box && box.some((v, i) => Math.abs(v - territory[i]) > 1e-3)) {
        expect(now.zoom === before.zoom && now.lat === before.lat, `${key} → ${card.id}`).toBe(false);
        moveSeen = true;
      }
    }
    expect(moveSeen, 'no checked slide frames less than the whole territory').toBe(true);
    await settle(h.page);

    // Escape leaves: the chrome is back, the address no longer presents, the view stays.
    const last = await mapView(h.page);
    await h.page.keyboard.press('Escape');
    await expect.poll(() => h.page.locator('.slide-panel').count()).toBe(0);
    expect(await h.page.locator('.app-header').isVisible()).toBe(true);
    const params = await hashParams(h.page);
    expect(params.presentation).toBeUndefined();
    expect(params.diapo).toBeUndefined();
    expect((await mapView(h.page)).zoom).toBeCloseTo(last.zoom, 5);
    expect(h.consoleErrors).toEqual([]);
  });

  it('reprend à la diapositive de l’adresse après un rechargement ; partage la diapositive ; contraste élevé', async () => {
    const card = reportOrder(cards.cards)[2];
    await openAtlas(h, '#presentation=rapport&diapo=4');
    await slideIs(4);
    expect(await hashParams(h.page)).toMatchObject({ fiche: card.id });
    // The header is hidden while presenting: the slide panel has its own « Partager ».
    await h.page.getByRole('button', { name: 'Partager' }).click();
    const share = h.page.locator('dialog.share-dialog');
    expect(await share.getByLabel('Lien permanent vers cette vue').inputValue()).toMatch(
      new RegExp(`fiche=${card.id}&presentation=rapport&diapo=4$`),
    );
    expect(await share.locator('.present-list').textContent()).toContain('la présentation, diapositive 4');
    await share.getByRole('button', { name: 'Fermer' }).click();
    await h.page.getByRole('button', { name: 'Contraste élevé' }).click();
    await expect.poll(() => h.page.evaluate(() => document.body.classList.contains('atlas-contraste'))).toBe(true);
    // The map background turns black (the contrast theme's basemap).
    await expect.poll(() => h.page.evaluate(() => window.__atlas!.map.getPaintProperty('fond', 'background-color'))).toBe('rgba(0, 0, 0, 1.000)');
    await h.page.getByRole('button', { name: 'Contraste élevé' }).click();
    await h.page.getByRole('button', { name: 'Quitter (Échap)' }).click();
    await expect.poll(() => h.page.evaluate(() => document.body.classList.contains('atlas-contraste'))).toBe(false);
  });
});

describe('jeux de diapositives modifiés dans l’atlas', () => {
  const A = { zoom: 12, lat: 50.43, lon: 2.83 };
  const B = { zoom: 13.5, lat: 50.46, lon: 2.95 };
  let exported = '';

  it('ajoute des vues et une fiche, renomme, réordonne, supprime ; chaque vue revient exactement', async () => {
    await h.page.emulateMedia({ reducedMotion: 'reduce' });
    await openAtlas(h, `#carte=${A.zoom.toFixed(2)}/${A.lat.toFixed(5)}/${A.lon.toFixed(5)}&couches=communes,ev5`);
    await openDecks();
    await h.page.getByRole('button', { name: 'Nouveau jeu à partir de la vue actuelle' }).click();
    const editor = h.page.locator('.deck-editor');
    await editor.waitFor();
    await editor.getByLabel('Titre du jeu').fill('Conseil communautaire');
    await editor.locator('.slide-row').first().getByLabel('Titre', { exact: true }).fill('Lens et la véloroute');
    // A second view: another place, other layers, a feature selected.
    await h.page.getByRole('button', { name: 'Fermer' }).click();
    await h.page.evaluate(
      (b) => (window.location.hash = `#carte=${b.zoom.toFixed(2)}/${b.lat.toFixed(5)}/${b.lon.toFixed(5)}&couches=communes,cites&objet=communes/2`),
      B,
    );
    await settle(h.page);
    await openDecks();
    await h.page.locator('.deck-row', { hasText: 'Conseil communautaire' }).getByRole('button', { name: 'Modifier' }).click();
    await editor.getByRole('button', { name: 'Ajouter la vue actuelle' }).click();
    await editor.locator('.slide-row').nth(1).getByLabel('Titre', { exact: true }).fill('Les cités de Harnes');
    await editor.locator('.slide-row').nth(1).getByLabel('Note (affichée sous le titre)').fill('Programme ERBM');
    await editor.getByLabel('Fiche du rapport').selectOption('ev5');
    await editor.getByRole('button', { name: 'Ajouter la fiche' }).click();
    await editor.getByRole('button', { name: 'Ajouter la vue actuelle' }).click();
    await expect.poll(() => editor.locator('.slide-row').count()).toBe(4);
    await editor.getByRole('button', { name: 'Supprimer la diapositive 4' }).click();
    await editor.getByRole('button', { name: 'Monter la diapositive 3' }).click();
    const titles = () => editor.locator('.slide-row input[id^="diapo-titre-"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    await expect.poll(titles).toEqual(['Lens et la véloroute', 'EuroVelo 5 : la véloroute sur le territoire', 'Les cités de Harnes']);

    await editor.getByRole('button', { name: 'Présenter', exact: true }).click();
    await slideIs(1);
    const a = await mapView(h.page);
    expect([a.zoom, a.lat, a.lon].map((x) => Number(x.toFixed(3)))).toEqual([A.zoom, A.lat, A.lon]);
    expect(await h.page.locator('.slide-title').textContent()).toBe('Lens et la véloroute');
    expect(await hashParams(h.page)).toMatchObject({ couches: 'communes,ev5' });
    await h.page.keyboard.press('ArrowRight');
    await slideIs(2);
    expect((await hashParams(h.page)).fiche).toBe('ev5');
    await h.page.keyboard.press('ArrowRight');
    await slideIs(3);
    const b = await mapView(h.page);
    expect([b.zoom, b.lat, b.lon].map((x) => Number(x.toFixed(3)))).toEqual([B.zoom, B.lat, B.lon]);
    expect(await hashParams(h.page)).toMatchObject({ couches: 'communes,cites', objet: 'communes/2' });
    expect(await h.page.locator('.slide-note').textContent()).toBe('Programme ERBM');
    // The highlighted (selected) feature's sheet is open.
    await h.page.locator('.feature-panel').waitFor();
    await h.page.keyboard.press('Escape');
    await expect.poll(() => h.page.locator('.slide-panel').count()).toBe(0);
  });

  it('garde le jeu après rechargement, l’exporte en fichier et le réimporte', async () => {
    await openAtlas(h);
    await openDecks();
    const row = h.page.locator('.deck-row', { hasText: 'Conseil communautaire' });
    await expect.poll(() => row.count()).toBe(1);
    const [download] = await Promise.all([h.page.waitForEvent('download'), row.getByRole('button', { name: 'Exporter (fichier)' }).click()]);
    expect(download.suggestedFilename()).toBe('jeu-conseil-communautaire.json');
    exported = readFileSync((await download.path())!, 'utf8');
    const file = JSON.parse(exported);
    expect(file.type).toBe('atlas-lens-lievin/jeu-de-diapositives');
    expect(file.deck.slides.map((s: { title: string }) => s.title)).toEqual([
      'Lens et la véloroute',
      'EuroVelo 5 : la véloroute sur le territoire',
      'Les cités de Harnes',
    ]);

    const input = h.page.locator('.deck-list input[type="file"]');
    await input.setInputFiles({ name: 'jeu-conseil-communautaire.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await expect.poll(() => h.page.locator('.deck-row', { hasText: 'Conseil communautaire' }).count()).toBe(2);
    await expect
      .poll(() => h.page.locator('.deck-list .present-status').textContent())
      .toContain('Jeu « Conseil communautaire » importé (3 diapositive(s)).');

    await input.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"type": "autre chose"}') });
    await expect
      .poll(() => h.page.locator('[data-erreur="import"]').textContent())
      .toBe('Le fichier « notes.json » n’est pas un jeu de diapositives de l’Atlas Lens-Liévin (champ « type » absent ou différent).');
    const broken = JSON.parse(exported);
    broken.deck.slides[2].view.camera.zoom = 'douze';
    await input.setInputFiles({ name: 'abime.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await expect
      .poll(() => h.page.locator('[data-erreur="import"]').textContent())
      .toBe('Le fichier « abime.json » n’est pas un jeu de diapositives valide : diapositive 3 › vue › caméra › zoom : un nombre attendu.');
    await input.setInputFiles({ name: 'tronque.json', mimeType: 'application/json', buffer: Buffer.from(exported.slice(0, 120)) });
    await expect.poll(() => h.page.locator('[data-erreur="import"]').textContent()).toMatch(/^Le fichier « tronque\.json » n’est pas un JSON valide/);
  });

  it('partage un jeu par un lien qui l’ouvre en présentation', async () => {
    const row = h.page.locator('.deck-row', { hasText: 'Conseil communautaire' }).first();
    await row.getByRole('button', { name: 'Lien' }).click();
    const link = await row.locator('input[readonly]').inputValue();
    expect(link).toMatch(/#presentation=lien&diapo=1&jeu=1\.[\w-]+$/);
    await h.page.getByRole('button', { name: 'Fermer' }).click();
    await h.page.goto('about:blank');
    await h.page.goto(link);
    await slideIs(1);
    expect(await h.page.locator('.slide-title').textContent()).toBe('Lens et la véloroute');
    expect(await h.page.locator('.slide-count').textContent()).toBe('Diapositive 1 sur 3');
    await h.page.keyboard.press('End');
    await slideIs(3);
    expect(await h.page.locator('.slide-note').textContent()).toBe('Programme ERBM');
    await h.page.keyboard.press('Escape');
    expect(h.consoleErrors).toEqual([]);
  });
});
