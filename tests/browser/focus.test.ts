// Card focus: opening a card shows exactly its declared sublayers and the context (communes, outline),
// the others hidden; « Afficher toutes les couches » brings back the reader's own layers (with the
// card's); closing the card restores the view the reader had. The same for the report deck's card
// slides, while a slide of kind « vue » keeps the layers it was saved with, and leaving the deck
// restores the view it started from. What is drawn is read from the map's own style layers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardsFile } from '../../layers/cards';
import { findSublayer } from '../../layers/index';
import { focusVisibility } from '../../src/app/state/focus';
import { defaultVisibility } from '../../src/app/state/visibility';
import { encodeDeck } from '../../src/app/present/deck/share-codec';
import { reportOrder } from '../../src/app/present/deck/default-deck';
import type { Deck } from '../../src/core/deck/types';
import { DEFAULT_BASEMAP } from '../../src/core/map-style/basemaps';
import { openAtlas, startHarness, type Harness } from './harness';
import { builtCards } from './built-data';
import { hashParams } from './present-helpers';

let h: Harness;
let cards: CardsFile;
const SMALL = { width: 960, height: 640 };

beforeAll(async () => {
  cards = builtCards();
  h = await startHarness({ viewport: SMALL });
  // No flights: a card's framing jumps, the loop over every card need not wait for animations.
  await h.page.emulateMedia({ reducedMotion: 'reduce' });
});

afterAll(async () => {
  await h?.close();
});

/** Sublayers with style layers on the map (their data is loaded), and those of them drawn now. */
async function drawn(): Promise<{ present: string[]; visible: string[] }> {
  // The style's layout is set as React commits: no need to wait for the frame (the polls retry).
  return h.page.evaluate(() => {
    const layers = window.__atlas!.map.getStyle().layers.filter((l) => l.id.startsWith('thematique:'));
    const sublayer = (id: string) => id.slice('thematique:'.length).split(':')[0];
    const present = [...new Set(layers.map((l) => sublayer(l.id)))].sort();
    const visible = [
      ...new Set(layers.filter((l) => (l.layout as { visibility?: string } | undefined)?.visibility !== 'none').map((l) => sublayer(l.id))),
    ].sort();
    return { present, visible };
  });
}

const within = (ids: Iterable<string>, present: string[]): string[] => [...new Set(ids)].filter((id) => present.includes(id)).sort();

/** The sublayers a visibility draws (a sublayer is drawn when it and its layer are on). */
function drawnBy(v: { layers: Set<string>; sublayers: Set<string> }, present: string[]): string[] {
  return within(
    [...v.sublayers].filter((id) => v.layers.has(findSublayer(id)?.layer.id ?? '')),
    present,
  );
}

async function setHash(hash: string): Promise<void> {
  await h.page.evaluate((x) => (window.location.hash = x), hash);
}

async function checkbox(name: string) {
  return h.page.getByRole('checkbox', { name, exact: true, includeHidden: true });
}

describe('une fiche ouverte montre son sujet', () => {
  let before: string[] = [];

  it('chaque fiche de cards.json montre exactement ses couches et le contexte, et la fermer rend la vue d’avant', async () => {
    await openAtlas(h, '#carte=11.00/50.43000/2.83000');
    // A view of the reader's own, not the defaults: the EV5 hidden, the QPV shown.
    await h.page.getByRole('tab', { name: 'Couches' }).click();
    const ev5 = await checkbox('EuroVelo 5');
    if (await ev5.isChecked()) await ev5.click();
    const { present } = await drawn();
    before = (await drawn()).visible;
    expect(before).not.toContain('ev5-troncons');
    expect(before.length).toBeGreaterThan(2);

    for (const card of cards.cards) {
      await setHash(`#fiche=${card.id}`);
      await h.page.locator(`.card-view[data-card="${card.id}"]`).waitFor();
      const expected = within(focusVisibility(card).sublayers, present);
      await expect.poll(async () => (await drawn()).visible, { message: card.id }).toEqual(expected);
      // The address says only the card: reloading it gives this same view.
      const params = await hashParams(h.page);
      expect(params.couches, card.id).toBeUndefined();
      expect(params['sous-couches'], card.id).toBeUndefined();
      // The panel's checkboxes say the same as the map.
      expect(await (await checkbox('Cités minières / ERBM')).isChecked(), card.id).toBe(focusVisibility(card).layers.has('cites'));
      await h.page.getByRole('button', { name: 'Toutes les fiches' }).click();
      await expect.poll(async () => (await drawn()).visible, { message: `${card.id} fermée` }).toEqual(before);
      await expect.poll(() => h.page.evaluate(() => location.hash)).not.toContain('fiche=');
    }
  }, 900_000);

  it('« Afficher toutes les couches » ajoute les couches du lecteur, un clic revient à la fiche ; la fermer rend la vue d’avant', async () => {
    const card = cards.cards.find((c) => c.id === 'ev5')!;
    const { present } = await drawn();
    await h.page.getByRole('tab', { name: 'Rapport' }).click();
    await h.page.locator(`.card-link[data-card-id="${card.id}"]`).click();
    const focus = within(focusVisibility(card).sublayers, present);
    await expect.poll(async () => (await drawn()).visible).toEqual(focus);
    const view = h.page.locator('.card-view');
    expect(await view.locator('.focus-toggle p').textContent()).toBe('La carte ne montre que les couches de cette fiche.');
    await view.getByRole('button', { name: 'Afficher toutes les couches' }).click();
    const all = [...new Set([...before, ...focus])].sort();
    await expect.poll(async () => (await drawn()).visible).toEqual(all);
    // Not the focus any more: the address lists the layers, so a reload keeps this view.
    expect((await hashParams(h.page))['sous-couches']).toBeDefined();
    expect(await view.locator('.focus-toggle p').textContent()).toBe('La carte montre aussi vos autres couches.');
    // The same control sits on the map (the legend's top), one click away when the panel is closed.
    await h.page.locator('.map-legend').getByRole('button', { name: 'Ne montrer que les couches de la fiche' }).click();
    await expect.poll(async () => (await drawn()).visible).toEqual(focus);
    await view.getByRole('button', { name: 'Toutes les fiches' }).click();
    await expect.poll(async () => (await drawn()).visible).toEqual(before);
  });

  it('une fiche choisie dans la recherche s’ouvre aussi sur ses seules couches', async () => {
    const card = cards.cards.find((c) => c.id === 'cites-minieres-erbm')!;
    await openAtlas(h, '#carte=11.00/50.43000/2.83000');
    const { present } = await drawn();
    await h.page.locator('#recherche').fill(card.title.slice(0, 30));
    await h.page.locator('.search-option', { hasText: card.title }).first().click();
    await h.page.locator(`.card-view[data-card="${card.id}"]`).waitFor();
    await expect.poll(async () => (await drawn()).visible).toEqual(within(focusVisibility(card).sublayers, present));
  });

  it('#fiche=x seul rouvre la vue de la fiche ; des couches explicites dans un lien l’emportent', async () => {
    const card = cards.cards.find((c) => c.id === 'cites-minieres-erbm')!;
    await openAtlas(h, `#fiche=${card.id}`);
    const { present, visible } = await drawn();
    expect(visible).toEqual(within(focusVisibility(card).sublayers, present));
    // Closing a card opened by the address restores the view without it: the defaults.
    await h.page.getByRole('button', { name: 'Toutes les fiches' }).click();
    await expect.poll(async () => (await drawn()).visible).toEqual(drawnBy(defaultVisibility(), present));

    await openAtlas(h, `#fiche=${card.id}&couches=ev5&sous-couches=ev5-troncons`);
    expect((await drawn()).visible).toEqual(['ev5-troncons']);
    expect(await h.page.locator('.card-view .focus-toggle button').textContent()).toBe('Ne montrer que les couches de la fiche');
    expect(h.consoleErrors).toEqual([]);
  });
});

describe('diapositives', () => {
  it('une diapositive « fiche » du jeu du rapport montre la fiche seule ; quitter le jeu rend la vue d’avant', async () => {
    await openAtlas(h, '#carte=11.00/50.43000/2.83000&couches=communes,ev5,qpv&sous-couches=communes,territoire,ev5-troncons,qpv-communes');
    const { present, visible: mine } = await drawn();
    expect(mine).toEqual(within(['communes', 'territoire', 'ev5-troncons', 'qpv-communes'], present));
    const ordered = reportOrder(cards.cards);
    const n = ordered.findIndex((c) => c.id === 'cites-minieres-erbm');
    await h.page.getByRole('button', { name: 'Présenter', exact: true }).first().click();
    await h.page.locator('dialog.decks-dialog').waitFor();
    await h.page.locator('[data-jeu="rapport"]').getByRole('button', { name: 'Présenter' }).click();
    await h.page.locator('.slide-panel[data-diapo="1"]').waitFor({ timeout: 30_000 });
    await h.page.keyboard.press('End');
    for (let i = 0; i < ordered.length - 1 - n; i++) await h.page.keyboard.press('ArrowLeft');
    await h.page.locator(`.slide-panel[data-diapo="${n + 2}"]`).waitFor({ timeout: 30_000 });
    expect((await hashParams(h.page)).fiche).toBe('cites-minieres-erbm');
    await expect.poll(async () => (await drawn()).visible).toEqual(within(focusVisibility(ordered[n]).sublayers, present));
    // The legend is on the map, open, without a toggle, in presentation.
    expect(await h.page.locator('.map-legend .map-legend-body').isVisible()).toBe(true);
    expect(await h.page.locator('.map-legend-toggle').count()).toBe(0);
    await h.page.keyboard.press('Escape');
    await expect.poll(() => h.page.locator('.slide-panel').count()).toBe(0);
    await expect.poll(async () => (await drawn()).visible).toEqual(mine);
    expect((await hashParams(h.page)).fiche).toBeUndefined();
  });

  it('une diapositive « vue » garde les couches avec lesquelles elle a été enregistrée, entre deux diapositives « fiche »', async () => {
    const deck: Deck = {
      id: 'essai',
      title: 'Essai',
      createdAt: '2026-01-01',
      updatedAt: '2026-01-01',
      slides: [
        { id: 'diapo-1', kind: 'fiche', card: 'ev5', title: 'EV5', note: '' },
        {
          id: 'diapo-2',
          kind: 'vue',
          title: 'Ma vue',
          note: '',
          view: { layers: ['communes', 'qpv', 'captages'], sublayers: ['communes', 'qpv-communes', 'captages-perimetres'], basemap: DEFAULT_BASEMAP },
        },
        { id: 'diapo-3', kind: 'fiche', card: 'cites-minieres-erbm', title: 'Cités', note: '' },
      ],
    };
    const encoded = encodeDeck(deck);
    if (!encoded.ok) throw new Error('deck too long');
    await openAtlas(h, `#presentation=lien&diapo=1&jeu=${encoded.value}`);
    await h.page.locator('.slide-panel[data-diapo="1"]').waitFor({ timeout: 30_000 });
    const { present } = await drawn();
    const ev5 = cards.cards.find((c) => c.id === 'ev5')!;
    await expect.poll(async () => (await drawn()).visible).toEqual(within(focusVisibility(ev5).sublayers, present));
    await h.page.keyboard.press('ArrowRight');
    await h.page.locator('.slide-panel[data-diapo="2"]').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await drawn()).visible).toEqual(within(['communes', 'qpv-communes', 'captages-perimetres'], present));
    await h.page.keyboard.press('ArrowRight');
    await h.page.locator('.slide-panel[data-diapo="3"]').waitFor({ timeout: 30_000 });
    const cites = cards.cards.find((c) => c.id === 'cites-minieres-erbm')!;
    await expect.poll(async () => (await drawn()).visible).toEqual(within(focusVisibility(cites).sublayers, present));
    await h.page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await drawn()).visible).toEqual(within(['communes', 'qpv-communes', 'captages-perimetres'], present));
    expect(h.consoleErrors).toEqual([]);
  });
});
