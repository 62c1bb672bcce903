// The report as data: the full-text search of the report that opens a card at the sentence found. Expectations come from dist/data (cards.json, report-text.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
  h = await startHarness({ viewport: { width: 1280, height: 900 } });
  await h.page.emulateMedia({ reducedMotion: 'reduce' });
});

afterAll(async () => {
  await h?.close();
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
    // A card without map: no "on the map" section.
    expect(await h.page.locator('.card-view .note', { hasText: 'Sur la carte' }).count()).toBe(0);
    const sentence = h.page.locator('.found-sentence');
    const passage = text.passages.find((p) => p.card === card!.id && normalise(p.text).includes(word))!;
    expect(normalise((await sentence.textContent()) ?? '')).toBe(normalise(`« ${passage.text} »`));
    expect(normalise((await sentence.locator('mark').first().textContent()) ?? '')).toContain(word);
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
