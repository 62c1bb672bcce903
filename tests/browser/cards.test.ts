// Report cards: list (side panel and full page), card view with reported vs measured figures and
// quotes, charts with their table, highlight and framing on the map, the card in the address,
// cards listed on a feature's sheet, and a missing cards.json. Expectations come from dist/data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type { BuiltCard, CardsFile, FinaliteId } from '../../layers/cards';
import { FINALITES, matchesFilter } from '../../layers/cards';
import type { GeoFeature } from '../../layers/types';
import { openAtlas, startHarness, waitIdle, type Harness } from './harness';
import { builtCards, builtCatalog, builtFeatures } from './built-data';
import { findVisiblePoint, shotAround } from './map-helpers';
import { diffCount } from './png';

let h: Harness;
let cardsFile: CardsFile;
let ev5: BuiltCard;
/** Every feature of each sublayer the EV5 card links, by sublayer id. */
const sublayerFeatures = new Map<string, GeoFeature[]>();

const fr = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const START = '#carte=13.00/50.43000/2.83000';

async function featuresOf(sublayerId: string): Promise<GeoFeature[]> {
  if (!sublayerFeatures.has(sublayerId)) {
    const file = builtCatalog()
      .layers.flatMap((l) => l.sublayers)
      .find((s) => s.id === sublayerId)?.file;
    sublayerFeatures.set(sublayerId, file ? await builtFeatures(file) : []);
  }
  return sublayerFeatures.get(sublayerId)!;
}

async function linkedBounds(card: BuiltCard): Promise<[number, number, number, number]> {
  const features: GeoFeature[] = [];
  for (const link of card.links) features.push(...(await featuresOf(link.sublayer)).filter((f) => matchesFilter(f.properties, link.filter)));
  const [w, s, e, n] = bbox({ type: 'FeatureCollection', features } as FeatureCollection);
  return [w, s, e, n];
}

async function view(): Promise<{ zoom: number; w: number; s: number; e: number; n: number }> {
  return h.page.evaluate(() => {
    const map = window.__atlas!.map;
    const b = map.getBounds();
    return { zoom: map.getZoom(), w: b.getWest(), s: b.getSouth(), e: b.getEast(), n: b.getNorth() };
  });
}

async function expectFramed(bounds: [number, number, number, number]): Promise<void> {
  const v = await view();
  expect(v.w).toBeLessThanOrEqual(bounds[0]);
  expect(v.s).toBeLessThanOrEqual(bounds[1]);
  expect(v.e).toBeGreaterThanOrEqual(bounds[2]);
  expect(v.n).toBeGreaterThanOrEqual(bounds[3]);
}

/** Highlight on vs off at one on-screen point of the card's features, at the current camera. */
async function expectHighlightClearedOnClose(): Promise<void> {
  const point = await findVisiblePoint(h, 'ev5-troncons', await featuresOf('ev5-troncons'), 'line', false);
  expect(point, 'no visible EV5 feature').not.toBeNull();
  const on = await shotAround(h.page, point!.x, point!.y);
  await h.page.getByRole('button', { name: 'Toutes les fiches' }).click();
  await expect.poll(() => h.page.evaluate(() => location.hash)).not.toContain('fiche=');
  await waitIdle(h.page);
  const off = await shotAround(h.page, point!.x, point!.y);
  expect(diffCount(on, off)).toBeGreaterThan(20);
}

const cardTitles = () => h.page.locator('.card-link').allTextContents();

beforeAll(async () => {
  cardsFile = builtCards();
  ev5 = cardsFile.cards.find((c) => c.id === 'ev5')!;
  expect(ev5, 'dist/data/cards.json has no ev5 card').toBeTruthy();
  h = await startHarness();
  // No flight: framing is immediate, the tests need not wait for an animation.
  await h.page.emulateMedia({ reducedMotion: 'reduce' });
});

afterAll(async () => {
  await h?.close();
});

describe('Fiches du rapport', () => {
  it("liste les fiches de cards.json dans l'onglet Rapport et ouvre la fiche EV5 : chiffres, citations, mise en évidence, cadrage", async () => {
    await openAtlas(h, START);
    const before = await view();
    // Tabs pattern: arrow keys move between tabs and select them.
    await h.page.getByRole('tab', { name: 'Couches' }).focus();
    await h.page.keyboard.press('ArrowRight');
    const tab = h.page.getByRole('tab', { name: 'Rapport' });
    expect(await tab.getAttribute('aria-selected')).toBe('true');
    expect(await h.page.evaluate(() => document.activeElement?.id)).toBe('onglet-rapport');
    expect(await h.page.locator('#panneau-couches').isHidden()).toBe(true);
    await expect.poll(cardTitles).toHaveLength(cardsFile.cards.length);
    expect((await cardTitles()).sort()).toEqual(cardsFile.cards.map((c) => c.title).sort());

    await h.page.getByRole('button', { name: ev5.title, exact: true }).click();
    await expect.poll(() => h.page.evaluate(() => location.hash)).toContain('fiche=ev5');
    expect(await h.page.locator('#fiche-rapport-titre').textContent()).toBe(ev5.title);
    expect(await h.page.evaluate(() => document.activeElement?.id)).toBe('fiche-rapport-titre');

    // Figures: reported and measured values as cards.json has them, the quote and its section.
    for (const figure of ev5.figures) {
      const row = h.page.locator(`.figures tbody[data-figure="${figure.id}"]`);
      expect(await row.locator('[data-valeur="rapport"]').textContent()).toContain(fr.format(figure.value));
      const measured = ev5.measured[figure.id];
      const carte = (await row.locator('[data-valeur="carte"]').textContent()) ?? '';
      const detail = (await row.locator('.figure-detail').textContent()) ?? '';
      if (measured) {
        expect(carte).toContain(fr.format(measured.value));
        expect(detail).toContain(measured.explanation);
        if (measured.difference !== null && measured.difference !== 0) {
          const sign = measured.difference < 0 ? '\u2212' : '+';
          expect(await row.locator('[data-valeur="ecart"]').textContent()).toContain(`${sign}${fr.format(Math.abs(measured.difference))}`);
        }
      } else {
        expect(detail).toContain("La carte n'a pas de donnée pour ce chiffre");
        if (figure.noMeasure) expect(detail).toContain(figure.noMeasure);
      }
      expect(await row.locator('blockquote').textContent()).toContain(figure.quote);
      expect(await row.locator('cite').textContent()).toBe(figure.section);
    }
    expect(await h.page.locator('.card-view').textContent()).toContain(cardsFile.report.act);

    // What the map measures beyond the report's figures, with its breakdown, as cards.json has it.
    for (const m of ev5.mapMeasured) {
      const item = h.page.locator(`.map-measures [data-mesure="${m.id}"]`);
      expect(await item.locator('[data-valeur="carte"]').textContent()).toContain(fr.format(m.value));
      expect(await item.textContent()).toContain(m.explanation);
      for (const d of m.details ?? [])
        expect(await item.locator('tr', { hasText: d.label }).locator('td').textContent()).toContain(fr.format(d.value));
    }

    // Framed: the map shows every linked feature, from a camera that did not.
    await waitIdle(h.page);
    const bounds = await linkedBounds(ev5);
    await expectFramed(bounds);
    expect(Math.abs((await view()).zoom - before.zoom)).toBeGreaterThan(0.3);
    await expectHighlightClearedOnClose();
  });

  it('rouvre la même fiche, mise en évidence et cadrée, après un rechargement', async () => {
    await h.page.getByRole('button', { name: ev5.title, exact: true }).click();
    await expect.poll(() => h.page.evaluate(() => location.hash)).toContain('fiche=ev5');
    await waitIdle(h.page);
    const framed = await view();
    await h.page.reload();
    await h.page.waitForFunction(() => document.body.dataset.mapState === 'idle', undefined, { timeout: 90_000 });
    await waitIdle(h.page);
    await expect.poll(() => h.page.locator('#fiche-rapport-titre').textContent()).toBe(ev5.title);
    expect(await h.page.getByRole('tab', { name: 'Rapport' }).getAttribute('aria-selected')).toBe('true');
    expect(await h.page.evaluate(() => location.hash)).toContain('fiche=ev5');
    await expectFramed(await linkedBounds(ev5));
    expect((await view()).zoom).toBeCloseTo(framed.zoom, 1);
    await expectHighlightClearedOnClose();
  });

  it("liste sur la fiche d'un tronçon EV5 les fiches qui le concernent, et en ouvre une", async () => {
    const features = await featuresOf('ev5-troncons');
    const point = await findVisiblePoint(h, 'ev5-troncons', features, 'line', false);
    expect(point).not.toBeNull();
    await h.page.mouse.click(point!.x, point!.y);
    const panel = h.page.locator('.feature-panel');
    await expect.poll(() => panel.locator('h2').count()).toBe(1);
    const feature = features[point!.index];
    const expected = cardsFile.cards.filter((c) => c.links.some((l) => l.sublayer === 'ev5-troncons' && matchesFilter(feature.properties, l.filter)));
    expect(expected.map((c) => c.id)).toContain('ev5');
    expect(await panel.locator('.feature-cards').textContent()).toContain('Fiches du rapport');
    expect((await panel.locator('.feature-cards button').allTextContents()).sort()).toEqual(expected.map((c) => c.title).sort());
    await panel.getByRole('button', { name: ev5.title, exact: true }).press('Enter');
    await expect.poll(() => h.page.evaluate(() => location.hash)).toContain('fiche=ev5');
    expect(await h.page.locator('#fiche-rapport-titre').textContent()).toBe(ev5.title);
    expect(await h.page.evaluate(() => document.activeElement?.id)).toBe('fiche-rapport-titre');
    expect(await panel.count()).toBe(0);
  });

  it("n'a écrit aucune erreur en console sur la carte", () => {
    expect(h.consoleErrors).toEqual([]);
  });

  it('affiche la liste en pleine page sans carte, filtrable par finalité', async () => {
    const from = h.requests.length;
    await h.page.goto('about:blank');
    await h.page.goto(`${h.baseUrl}/#fiches`);
    await expect.poll(cardTitles).toHaveLength(cardsFile.cards.length);
    expect(await h.page.locator('.maplibregl-canvas').count()).toBe(0);
    expect(h.requests.slice(from).filter((u) => u.endsWith('.fgb'))).toEqual([]);

    const filter = h.page.getByLabel('Finalité du développement durable');
    let narrowed = false;
    for (const f of Object.keys(FINALITES) as FinaliteId[]) {
      await filter.selectOption(f);
      const expected = cardsFile.cards
        .filter((c) => c.finalites.values.includes(f))
        .map((c) => c.title)
        .sort();
      await expect.poll(async () => (await cardTitles()).sort()).toEqual(expected);
      if (expected.length < cardsFile.cards.length) narrowed = true;
    }
    expect(narrowed, 'every card has every finalité: the filter cannot narrow this data').toBe(true);
    await filter.selectOption('');
    await expect.poll(cardTitles).toHaveLength(cardsFile.cards.length);

    // A card on the full page links to the map with that card open.
    await h.page.getByRole('button', { name: ev5.title, exact: true }).click();
    expect(await h.page.locator('#fiche-rapport-titre').textContent()).toBe(ev5.title);
    const href = (await h.page.getByRole('link', { name: 'Voir sur la carte' }).getAttribute('href')) ?? '';
    expect(href).toContain('fiche=ev5');
    expect(href).not.toMatch(/(^#|&)fiches(&|$)/);
    expect(await h.page.evaluate(() => location.hash)).toMatch(/^#fiches&.*fiche=ev5/);
  });

  it('donne à chaque graphique un tableau avec les nombres de cards.json', async () => {
    const withCharts = cardsFile.cards.filter((c) => c.charts?.length);
    expect(withCharts.length).toBeGreaterThan(0);
    for (const card of withCharts) {
      await h.page.goto(`${h.baseUrl}/#fiches&fiche=${card.id}`);
      await expect.poll(() => h.page.locator('#fiche-rapport-titre').textContent()).toBe(card.title);
      for (const chart of card.charts!) {
        const figure = h.page.locator(`figure.card-chart[data-chart="${chart.id}"]`);
        expect(await figure.locator('figcaption').first().textContent()).toBe(chart.title);
        expect(await figure.locator('svg[role="img"]').getAttribute('aria-label')).toContain(chart.title);
        const rows = figure.locator('table tbody tr');
        expect(await rows.count()).toBe(chart.figures.length);
        for (const id of chart.figures) {
          const f = card.figures.find((x) => x.id === id)!;
          const text = (await figure.locator(`tr[data-figure="${id}"]`).textContent()) ?? '';
          expect(text, `${card.id}/${chart.id}/${id}`).toContain(f.label);
          expect(text).toContain(fr.format(f.value));
          if (card.measured[id]) expect(text).toContain(fr.format(card.measured[id].value));
        }
      }
    }
  });

  it("montre les valeurs comme du texte et signale les finalités déduites par l'Atlas", async () => {
    const hostile: BuiltCard = {
      ...structuredClone(ev5),
      id: 'essai-hostile',
      title: '<img src="x" onerror="window.__pirate = 1">Fiche <b>piégée</b>',
      finalites: { values: ['cohesion'], origin: 'atlas' },
      charts: [{ id: 'parts-essai', title: 'Parts <i>essai</i>', kind: 'parts', unit: 'km', figures: ['angres-lens', 'angres-olhain'] }],
    };
    hostile.figures[0] = { ...hostile.figures[0], quote: '<script>window.__pirate = 2</script>37 km' };
    const body = JSON.stringify({ ...cardsFile, cards: [...cardsFile.cards, hostile] });
    await h.context.route('**/data/cards.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    try {
      await h.page.goto('about:blank');
      await h.page.goto(`${h.baseUrl}/#fiches`);
      const item = h.page.locator('li', { has: h.page.locator('[data-card-id="essai-hostile"]') });
      await expect.poll(() => item.locator('.card-link').textContent()).toBe(hostile.title);
      expect(await item.textContent()).toContain("finalités déduites par l'Atlas");
      await h.page.getByLabel('Finalité du développement durable').selectOption('climat');
      expect(await h.page.locator('[data-card-id="essai-hostile"]').count()).toBe(0);
      await h.page.getByLabel('Finalité du développement durable').selectOption('');
      await h.page.locator('[data-card-id="essai-hostile"]').click();
      const card = h.page.locator('.card-view');
      expect(await card.locator('h2').textContent()).toBe(hostile.title);
      expect(await card.textContent()).toContain("Finalités déduites par l'Atlas");
      expect(await card.locator('img, b, i, script').count()).toBe(0);
      expect(await card.locator('figure.card-chart figcaption').first().textContent()).toBe('Parts <i>essai</i>');
      expect(await card.locator('tr[data-figure="angres-olhain"]').textContent()).toContain(
        fr.format(ev5.figures.find((f) => f.id === 'angres-olhain')!.value),
      );
      expect(await h.page.evaluate(() => (window as unknown as { __pirate?: number }).__pirate)).toBeUndefined();
    } finally {
      await h.context.unroute('**/data/cards.json');
    }
  });

  it('sans cards.json, le dit en français dans l’onglet Rapport et la carte fonctionne', async () => {
    await h.context.route('**/data/cards.json', (route) => route.fulfill({ status: 404, body: 'absent' }));
    try {
      await openAtlas(h);
      await h.page.getByRole('tab', { name: 'Rapport' }).click();
      const message = h.page.locator('.cards-error');
      await expect.poll(() => message.textContent()).toContain('introuvables (HTTP 404)');
      expect(await message.textContent()).toContain('La carte et ses couches restent utilisables');
      await h.page.getByRole('tab', { name: 'Couches' }).click();
      await h.page.getByRole('checkbox', { name: 'EuroVelo 5', exact: true }).uncheck();
      await expect.poll(() => h.page.evaluate(() => location.hash)).toMatch(/couches=/);
      expect(
        h.consoleErrors.every((m) => /404/.test(m)),
        h.consoleErrors.join('\n'),
      ).toBe(true);
    } finally {
      await h.context.unroute('**/data/cards.json');
    }
  });
});
