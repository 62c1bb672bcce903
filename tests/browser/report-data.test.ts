// The report as data: the #chiffres page (every figure of every card, sortable, filterable,
// downloadable as CSV and JSON, axe-clean) and the full-text search of the report that opens a
// card at the sentence found. Expectations come from dist/data (cards.json, report-text.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltCard, CardsFile } from '../../layers/cards';
import type { ReportTextFile } from '../../src/core/report/passages';
import { normalise } from '../../src/app/search/normalise';
import { axeViolations, describeViolations } from './axe';
import { builtCards } from './built-data';
import { DIST, openAtlas, startHarness, type Harness } from './harness';

let h: Harness;
let cardsFile: CardsFile;
let text: ReportTextFile;
let figureCount: number;

const rowCount = () => h.page.locator('.figures-table tbody tr').count();
const focusedSentence = () => h.page.evaluate(() => document.activeElement?.classList.contains('found-sentence') ?? false);
/** The sentence is on screen, and so is the header (its title and search were not scrolled away). */
const inViewport = () =>
  h.page.evaluate(() => {
    const r = document.querySelector('.found-sentence')!.getBoundingClientRect();
    const title = document.querySelector('.app-header h1')!.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && title.top >= 0;
  });

/** A word (7 letters or more) of the card's sentences that no other card's sentence, title or summary holds. */
function wordOnlyIn(card: BuiltCard): string {
  const others = normalise(
    [...text.passages.filter((p) => p.card !== card.id).map((p) => p.text), ...cardsFile.cards.flatMap((c) => [c.title, c.summary, c.theme])].join(
      ' ',
    ),
  );
  const words = new Set(text.passages.filter((p) => p.card === card.id).flatMap((p) => normalise(p.text).split(' ')));
  const word = [...words].find((w) => w.length >= 7 && /^\p{L}+$/u.test(w) && !others.includes(w));
  if (!word) throw new Error(`no word of its own in the sentences of ${card.id}`);
  return word;
}

beforeAll(async () => {
  cardsFile = builtCards();
  text = JSON.parse(readFileSync(join(DIST, 'data', 'report-text.json'), 'utf8')) as ReportTextFile;
  figureCount = cardsFile.cards.reduce((n, c) => n + c.figures.length, 0);
  h = await startHarness({ viewport: { width: 1280, height: 900 } });
  await h.page.emulateMedia({ reducedMotion: 'reduce' });
});

afterAll(async () => {
  await h?.close();
});

describe('#chiffres : les chiffres du rapport en données ouvertes', () => {
  it('liste chaque chiffre de chaque fiche, avec la source, sans violation axe', async () => {
    await h.page.goto('about:blank');
    await h.page.goto(`${h.baseUrl}/#chiffres`);
    await expect.poll(rowCount, { timeout: 20_000 }).toBe(figureCount);
    expect(await h.page.locator('h2').first().textContent()).toBe('Les chiffres du rapport');
    const intro = (await h.page.locator('.report-intro').textContent()) ?? '';
    expect(intro).toContain(cardsFile.report.title);
    expect(intro).toContain(cardsFile.report.act);
    expect(intro).toContain(cardsFile.report.date);
    expect(await h.page.title()).toMatch(/^Les chiffres du rapport – /);
    // No map on this page, and no FlatGeobuf read.
    expect(await h.page.locator('.maplibregl-canvas').count()).toBe(0);
    expect(h.requests.filter((u) => u.endsWith('.fgb'))).toEqual([]);
    const violations = await axeViolations(h.page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await h.page.screenshot({ path: '/tmp/17b-chiffres.png', fullPage: false });
  });

  it('trie par valeur (aria-sort), filtre sans accents et par fiche', async () => {
    const valueHeader = h.page.locator('th[data-column="value"]');
    await valueHeader.getByRole('button').click();
    expect(await valueHeader.getAttribute('aria-sort')).toBe('ascending');
    const values = async () =>
      await h.page.locator('.figures-table tbody td[data-valeur]').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-valeur'))));
    const up = await values();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await valueHeader.getByRole('button').click();
    expect(await valueHeader.getAttribute('aria-sort')).toBe('descending');
    expect((await values())[0]).toBe(Math.max(...up));

    await h.page.getByLabel('Filtrer (libellé, citation, section, fiche)').fill('COMPOSTAGE');
    const expected = cardsFile.cards.flatMap((c) =>
      c.figures.filter((f) => normalise(`${f.label} ${f.quote} ${f.section} ${c.title} ${f.unit}`).includes('compostage')),
    );
    expect(expected.length).toBeGreaterThan(0);
    await expect.poll(rowCount).toBe(expected.length);
    await h.page.getByLabel('Filtrer (libellé, citation, section, fiche)').fill('');
    const ev5 = cardsFile.cards.find((c) => c.id === 'ev5')!;
    await h.page.getByLabel('Fiche', { exact: true }).selectOption('ev5');
    await expect.poll(rowCount).toBe(ev5.figures.length);
    expect(await h.page.locator('.card-count').textContent()).toBe(`${ev5.figures.length} chiffres affichés sur ${figureCount}`);
    await h.page.getByLabel('Fiche', { exact: true }).selectOption('');
    await h.page.screenshot({ path: '/tmp/17b-chiffres-sorted.png', fullPage: false });
  });

  it('télécharge le CSV (tableur français) et le JSON de tous les chiffres', async () => {
    const [csv] = await Promise.all([h.page.waitForEvent('download'), h.page.getByRole('button', { name: /^Télécharger en CSV/ }).click()]);
    expect(csv.suggestedFilename()).toBe('chiffres-rapport-developpement-durable-2019-2020.csv');
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<Record<string, string>>(csvText.slice(1), { header: true, delimiter: ';', skipEmptyLines: true }).data;
    expect(rows).toHaveLength(figureCount);
    const all = cardsFile.cards.flatMap((c) => c.figures.map((f) => ({ card: c, f })));
    rows.forEach((row, i) => {
      expect(row.chiffre).toBe(all[i].f.id);
      expect(Number(row.valeur.replace(',', '.'))).toBe(all[i].f.value);
      const m = all[i].card.measured[all[i].f.id];
      expect(row.valeur_carte === '' ? null : Number(row.valeur_carte.replace(',', '.'))).toBe(m ? m.value : null);
    });
    const [json] = await Promise.all([h.page.waitForEvent('download'), h.page.getByRole('button', { name: /^Télécharger en JSON/ }).click()]);
    const data = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { source: { act: string }; chiffres: unknown[] };
    expect(data.source.act).toBe(cardsFile.report.act);
    expect(data.chiffres).toHaveLength(figureCount);
  });

  it('est annoncée depuis la liste des fiches', async () => {
    await h.page.goto('about:blank');
    await h.page.goto(`${h.baseUrl}/#fiches`);
    await h.page.getByRole('link', { name: /^Tous les chiffres du rapport/ }).click();
    await expect.poll(rowCount, { timeout: 20_000 }).toBe(figureCount);
    expect(await h.page.evaluate(() => location.hash)).toMatch(/^#chiffres/);
  });
});

describe('Recherche dans le texte du rapport', () => {
  it('trouve un mot qui n’est que dans une fiche sans carte et l’ouvre à sa phrase, surlignée et focalisée', async () => {
    // A card without map links: one of the build's, or else one made so by the served cards.json.
    let card = cardsFile.cards.find((c) => c.links.length === 0);
    if (!card) {
      card = { ...cardsFile.cards.find((c) => text.passages.some((p) => p.card === c.id))!, links: [] };
      const served: CardsFile = { ...cardsFile, cards: cardsFile.cards.map((c) => (c.id === card!.id ? card! : c)) };
      await h.page.route('**/data/cards.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(served) }));
    }
    const word = wordOnlyIn(card);
    await h.page.goto('about:blank');
    const from = h.requests.length;
    await h.page.goto(`${h.baseUrl}/#fiches`);
    await h.page.locator('.card-link').first().waitFor();
    // The text index is not part of the first load: it comes with the first keystroke.
    expect(h.requests.slice(from).some((u) => u.endsWith('report-text.json'))).toBe(false);
    const input = h.page.locator('#recherche');
    await input.fill(word.toUpperCase());
    const group = h.page.getByRole('group', { name: /^Texte du rapport/ });
    await group.waitFor();
    expect(h.requests.slice(from).some((u) => u.endsWith('report-text.json'))).toBe(true);
    const options = group.getByRole('option');
    expect(await options.count()).toBe(1);
    expect(normalise((await options.first().locator('mark').first().textContent()) ?? '')).toContain(word);
    await input.press('ArrowDown');
    // The first option may be a card title; go to the sentence.
    const ids = await h.page.locator('[role="option"]').evaluateAll((els) => els.map((e) => e.id));
    const target = await options.first().getAttribute('id');
    for (let i = 1; i < ids.indexOf(target!) + 1; i++) await input.press('ArrowDown');
    await input.press('Enter');

    await expect.poll(() => h.page.locator('#fiche-rapport-titre').textContent()).toBe(card.title);
    // A card without map says so, and names no layer.
    expect(await h.page.locator('.card-view .card-no-map').textContent()).toMatch(
      /^Cette section du rapport ne désigne aucun lieu que les données ouvertes de la carte représentent/,
    );
    expect(await h.page.locator('.card-view .card-map').count()).toBe(0);
    const sentence = h.page.locator('.found-sentence');
    const passage = text.passages.find((p) => p.card === card!.id && normalise(p.text).includes(word))!;
    expect(normalise((await sentence.textContent()) ?? '')).toBe(normalise(`« ${passage.text} »`));
    expect(normalise((await sentence.locator('mark').first().textContent()) ?? '')).toContain(word);
    // Where it stands: the card's section, then the heading just above the sentence.
    const where = (await h.page.locator('.found-passage figcaption cite').textContent()) ?? '';
    expect(where.startsWith(card.section)).toBe(true);
    expect(where.endsWith(passage.heading)).toBe(true);
    await expect.poll(focusedSentence).toBe(true);
    expect(await inViewport()).toBe(true);
    const violations = await axeViolations(h.page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await h.page.screenshot({ path: '/tmp/17b-passage-page.png' });
    await h.page.unroute('**/data/cards.json');
  });

  it('sur la carte : « hydrogene » (sans accent) ouvre la fiche dans le panneau à la phrase « … à Hydrogène … »', async () => {
    await openAtlas(h, '#carte=11.00/50.43000/2.83000');
    const input = h.page.locator('#recherche');
    await input.fill('hydrogene');
    const option = h.page
      .getByRole('group', { name: /^Texte du rapport/ })
      .getByRole('option')
      .first();
    await option.waitFor();
    await option.click();
    const passage = text.passages.find((p) => normalise(p.text).includes('hydrogene'))!;
    const card = cardsFile.cards.find((c) => c.id === passage.card)!;
    await expect.poll(() => h.page.locator('#fiche-rapport-titre').textContent()).toBe(card.title);
    expect(await h.page.locator('.found-sentence mark').first().textContent()).toBe('Hydrogène');
    await expect.poll(focusedSentence).toBe(true);
    expect(await inViewport()).toBe(true);
    await h.page.screenshot({ path: '/tmp/17b-passage-map.png' });
    // Back to the list: the found sentence does not come back with the card.
    await h.page.getByRole('button', { name: 'Toutes les fiches' }).click();
    await h.page.getByRole('button', { name: card.title, exact: true }).click();
    expect(await h.page.locator('.found-sentence').count()).toBe(0);
  });
});
