// The English interface: switched from the header, remembered, <html lang> set; numbers written the
// English way; no French message of the catalogues left outside elements marked lang="fr" (data and
// the report's words stay French, marked); axe finds no violation on any main view in English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogues } from '../../src/app/i18n/catalogue-en';
import type { MessageKey } from '../../src/app/i18n/catalogue';
import { domainEn } from '../../src/app/i18n/messages/domain.en';
import { openAtlas, startHarness, type Harness } from './harness';
import { axeViolations, describeViolations } from './axe';
import { builtCatalog, builtCards } from './built-data';

let h: Harness;
const en = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** Pieces of French UI text that would betray an untranslated message: catalogue and glossary texts, without placeholders. */
const FRENCH_PIECES = (() => {
  const texts = [
    ...(Object.keys(catalogues.fr) as MessageKey[]).filter((k) => catalogues.fr[k] !== catalogues.en[k]).map((k) => catalogues.fr[k]),
    ...Object.entries(domainEn)
      .filter(([fr, english]) => fr !== english)
      .map(([fr]) => fr),
  ];
  // Proper names kept in the English texts ("Chaîne des Parcs (chain of parks)") are not betrayals.
  const english = [...Object.values(catalogues.en), ...Object.values(domainEn)];
  const pieces = texts
    .flatMap((t) => t.split(/\{\w+\}/))
    .map((p) => p.trim())
    .filter((p) => p.length >= 12 && /\p{L}{3}/u.test(p) && !english.some((e) => e.includes(p)));
  return [...new Set(pieces)];
})();

async function expectEnglishView(view: string): Promise<void> {
  const violations = await axeViolations(h.page);
  expect(violations, `${view}\n${describeViolations(violations)}`).toEqual([]);
  // What is rendered (seen, or read by a screen reader: visually hidden text counts), outside lang="fr".
  const found = await h.page.evaluate((pieces) => {
    const shown = (el: Element) => !el.closest('[lang="fr"], script, style, noscript') && el.checkVisibility({ visibilityProperty: true });
    let text = '';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement && shown(node.parentElement)) text += node.textContent ?? '';
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (!shown(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder']) text += `\n${el.getAttribute(name) ?? ''}`;
    }
    return pieces.filter((p) => text.includes(p));
  }, FRENCH_PIECES);
  expect(found, `${view}: French text outside lang="fr"`).toEqual([]);
}

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1280, height: 800 } });
  await h.page.emulateMedia({ reducedMotion: 'reduce' });
});

afterAll(async () => {
  await h?.close();
});

describe('English', () => {
  it('is chosen in the header, sets <html lang>, is remembered after a reload, and writes numbers the English way', async () => {
    expect(FRENCH_PIECES.length).toBeGreaterThan(200);
    await openAtlas(h);
    expect(await h.page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await h.page.getByRole('button', { name: /^FR/ }).getAttribute('aria-pressed')).toBe('true');
    await h.page.getByRole('button', { name: /^EN/ }).click();
    await expect.poll(() => h.page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await h.page.getByRole('tab').allTextContents()).toEqual(['Layers', 'Report', 'Workbench']);
    await openAtlas(h);
    expect(await h.page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await h.page.getByRole('button', { name: /^EN/ }).getAttribute('aria-pressed')).toBe('true');
    expect(await h.page.locator('.maplibregl-canvas').getAttribute('aria-label')).toBe('Map of the Lens-Liévin territory');
    expect(await h.page.locator('.maplibregl-ctrl-zoom-in').getAttribute('aria-label')).toBe('Zoom in');

    const catalog = builtCatalog();
    const population = catalog.layers.find((l) => l.id === 'communes')!.metrics.find((m) => m.unit === 'habitants')!;
    expect(await h.page.locator('[data-layer="communes"] .metrics').textContent()).toContain(`${en.format(population.value)} inhabitants`);
    const ev5 = catalog.layers.find((l) => l.id === 'ev5')!.metrics.find((m) => m.unit === 'km')!;
    expect(await h.page.locator('[data-layer="ev5"] .metrics').textContent()).toContain(`${en.format(ev5.value)} km`);
    // Named in English; off at the first view (docs/cartography.md), the Chaîne des Parcs on.
    expect(await h.page.getByRole('checkbox', { name: 'Mining estates / ERBM' }).isChecked()).toBe(false);
    expect(await h.page.getByRole('checkbox', { name: 'Chaîne des Parcs (chain of parks)', exact: true }).isChecked()).toBe(true);
    await expectEnglishView('map and layers panel');
  });

  it('search, feature sheet, table view, report card and workbench: in English, French data marked, no axe violation', async () => {
    await h.page.locator('#recherche').fill('lievin');
    await expect.poll(() => h.page.locator('.search-group-label').first().textContent()).toBe('Municipalities (1)');
    expect(await h.page.locator('.search-option').first().getAttribute('lang')).toBe('fr');
    await expect.poll(() => h.page.locator('#annonces').textContent()).toMatch(/^\d+ results: Municipalities 1, /);
    await expectEnglishView('search open');
    await h.page.keyboard.press('Enter');
    const sheet = h.page.locator('.feature-panel');
    await expect.poll(() => sheet.locator('h2').textContent()).toBe('Liévin');
    expect(await sheet.locator('h2').getAttribute('lang')).toBe('fr');
    expect(await sheet.locator('dt').allTextContents()).toContain('Municipal population');
    await expectEnglishView('feature sheet');
    await h.page.keyboard.press('Escape');

    await h.page.locator('[data-table-open="cites"]').click();
    const table = h.page.locator('[data-table="cites"]');
    await expect.poll(() => table.locator('h2').textContent()).toBe('Table: Mining estates');
    expect(await table.locator('thead th').first().textContent()).toContain('Estate');
    await expectEnglishView('table view');
    await h.page.keyboard.press('Escape');

    const card = builtCards().cards.find((c) => c.id === 'ev5')!;
    await h.page.getByRole('tab', { name: 'Report' }).click();
    await h.page.locator('[data-card-id="ev5"]').click();
    const title = h.page.locator('#fiche-rapport-titre');
    await expect.poll(() => title.textContent()).toBe(card.title);
    expect(await title.getAttribute('lang')).toBe('fr');
    expect(await h.page.locator('.figures thead').textContent()).toBe('FigureReportMapDifference');
    await expectEnglishView('report card');
    await h.page.getByRole('tab', { name: 'Workbench' }).click();
    await h.page.locator('.workbench').waitFor();
    expect(await h.page.getByRole('button', { name: 'Choose files…' }).count()).toBe(1);
    await expectEnglishView('workbench');
  });

  it('full pages in English: the cards list and the accessibility statement', async () => {
    await h.page.goto(`${h.baseUrl}/#fiches`);
    await h.page.locator('.card-link').first().waitFor();
    expect(await h.page.getByLabel('Sustainable development goal').count()).toBe(1);
    await expectEnglishView('cards page');
    await h.page.goto(`${h.baseUrl}/#accessibilite`);
    await expect.poll(() => h.page.locator('main h2').first().textContent()).toBe('Accessibility statement');
    expect(await h.page.title()).toBe('Accessibility statement – Atlas Lens-Liévin');
    expect(await h.page.locator('main').textContent()).toContain('Statement written on 28 November 2026');
    await expectEnglishView('accessibility statement');
  });

  it("n'a écrit aucune erreur en console", () => {
    expect(h.consoleErrors).toEqual([]);
  });
});
