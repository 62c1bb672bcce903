// The whole report on the cards page: parts in the report's order (the territorial project first),
// a card whose section has no place says it has no map (and highlights nothing), a card whose
// section gives no number says so, and the page stays accessible with these cards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardsFile } from '../../layers/cards';
import { axeViolations } from './axe';
import { builtCards } from './built-data';
import { startHarness, type Harness } from './harness';

let h: Harness;
let cardsFile: CardsFile;

beforeAll(async () => {
  cardsFile = builtCards();
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

describe('Le rapport entier en fiches', () => {
  it("range les parties dans l'ordre du rapport et dit qu'une fiche n'a ni carte ni chiffre quand sa section n'en a pas", async () => {
    const withoutMap = cardsFile.cards.find((c) => c.links.length === 0 && c.figures.length > 0);
    const withoutFigures = cardsFile.cards.find((c) => c.figures.length === 0);
    expect(withoutMap, 'cards.json has no card without map').toBeTruthy();
    expect(withoutFigures, 'cards.json has no card without figures').toBeTruthy();

    await h.page.goto(`${h.baseUrl}/#fiches`);
    await expect.poll(() => h.page.locator('.card-link').count()).toBe(cardsFile.cards.length);
    const parts = await h.page.locator('.card-part > h3').allTextContents();
    expect(parts[0]).toMatch(/^Projet de territoire/);
    expect(parts.slice(1).map((p) => p.slice(0, 8))).toEqual(['Partie 1', 'Partie 2']);
    expect(await axeViolations(h.page)).toEqual([]);

    await h.page.getByRole('button', { name: withoutMap!.title, exact: true }).click();
    await expect.poll(() => h.page.locator('#fiche-rapport-titre').textContent()).toBe(withoutMap!.title);
    expect(await h.page.locator('.card-no-map').textContent()).toContain('fiche sans carte');
    expect(await h.page.locator('.figures tbody').count()).toBe(withoutMap!.figures.length);
    expect(await axeViolations(h.page)).toEqual([]);

    // On the map, the same card highlights nothing and has no « Sur la carte » list.
    await h.page.goto(`${h.baseUrl}/#fiche=${withoutFigures!.id}`);
    await expect.poll(() => h.page.locator('#fiche-rapport-titre').textContent()).toBe(withoutFigures!.title);
    expect(await h.page.locator('#fiche-carte').count()).toBe(0);
    expect(await h.page.locator('.card-no-map').count()).toBe(1);
    expect(await h.page.locator('.figures').count()).toBe(0);
    expect(await h.page.getByText('Cette section du rapport ne donne aucun chiffre.').count()).toBe(1);
    expect(h.consoleErrors).toEqual([]);
  });
});
