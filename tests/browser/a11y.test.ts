// Accessibility of the built app in French (the default), keyboard only where a user would be:
// axe-core (WCAG 2.0/2.1 A and AA) finds no violation on any main view; skip links, the search
// combobox, the live announcements, the table view of a layer and the focus coming back where it
// came from. Expectations come from dist/data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bbox } from '@turf/turf';
import type { GeoFeature } from '../../layers/types';
import { AXE_VERSION } from '../../src/app/a11y/statement';
import { openAtlas, startHarness, waitIdle, type Harness } from './harness';
import { axeViolations, describeViolations } from './axe';
import { builtCatalog, builtFeatures } from './built-data';

let h: Harness;
let communes: GeoFeature[];
let terrils: GeoFeature[];
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

const fileOf = (id: string) =>
  builtCatalog()
    .layers.flatMap((l) => l.sublayers)
    .find((s) => s.id === id)!.file!;
const focused = () =>
  h.page.evaluate(() => ({
    id: document.activeElement?.id ?? '',
    text: document.activeElement?.textContent ?? '',
    tag: document.activeElement?.tagName ?? '',
  }));
const announced = async () => (await h.page.locator('#annonces').textContent()) ?? '';
const hash = () => h.page.evaluate(() => location.hash);

async function expectAxeClean(view: string): Promise<void> {
  const violations = await axeViolations(h.page);
  expect(violations, `${view}\n${describeViolations(violations)}`).toEqual([]);
}

/** The map shows the whole bounding box of a feature. */
async function expectInView(feature: GeoFeature): Promise<void> {
  const [w, s, e, n] = bbox(feature);
  const v = await h.page.evaluate(() => {
    const b = window.__atlas!.map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  });
  expect(v[0]).toBeLessThanOrEqual(w);
  expect(v[1]).toBeLessThanOrEqual(s);
  expect(v[2]).toBeGreaterThanOrEqual(e);
  expect(v[3]).toBeGreaterThanOrEqual(n);
}

beforeAll(async () => {
  communes = await builtFeatures(fileOf('communes'));
  terrils = await builtFeatures(fileOf('parcs-terrils'));
  h = await startHarness({ viewport: { width: 1280, height: 800 } });
  await h.page.emulateMedia({ reducedMotion: 'reduce' });
});

afterAll(async () => {
  await h?.close();
});

describe('Accessibilité (français, clavier, axe-core)', () => {
  it('carte et panneau des couches : aucune violation ; les liens d’évitement viennent en premier et mènent à la recherche, la carte, le panneau', async () => {
    await openAtlas(h);
    await expectAxeClean('carte et panneau des couches');
    await h.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await h.page.keyboard.press('Tab');
    expect((await focused()).text).toBe('Aller à la recherche');
    await h.page.keyboard.press('Tab');
    expect((await focused()).text).toBe('Aller à la carte');
    await h.page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).id).toBe('carte-interactive');
    expect(await h.page.locator('#carte-interactive').getAttribute('aria-describedby')).toBe('aide-carte');
    await h.page.locator('.skip-link', { hasText: 'Aller au panneau des couches' }).focus();
    await h.page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).id).toBe('panneau');
  });

  it('recherche au clavier : « lievin » trouve Liévin, le nombre de résultats est annoncé, Entrée cadre la commune et ouvre sa fiche, Échap rend le focus', async () => {
    const index = communes.findIndex((c) => c.properties.nom === 'Liévin');
    await h.page.locator('.skip-link', { hasText: 'Aller à la recherche' }).focus();
    await h.page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).id).toBe('recherche');
    await h.page.keyboard.type('lievin');
    const input = h.page.locator('#recherche');
    await expect.poll(() => input.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(announced).toMatch(/^\d+ résultats : Communes 1, /);
    expect(await h.page.locator('.search-group-label').first().textContent()).toBe('Communes (1)');
    await expectAxeClean('recherche ouverte');
    await h.page.keyboard.press('ArrowDown');
    const active = (await input.getAttribute('aria-activedescendant')) ?? '';
    const option = h.page.locator(`[id="${active}"]`);
    expect(await option.getAttribute('role')).toBe('option');
    expect(await option.getAttribute('aria-selected')).toBe('true');
    expect(await option.locator('.search-option-label').textContent()).toBe('Liévin');
    expect((await focused()).id).toBe('recherche');
    await h.page.keyboard.press('Enter');
    await expect.poll(hash).toContain(`objet=communes/${index}`);
    await expect.poll(() => h.page.locator('.feature-panel h2').textContent()).toBe('Liévin');
    expect((await focused()).id).toBe('fiche-titre');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    await waitIdle(h.page);
    await expectInView(communes[index]);
    await expectAxeClean('fiche d’un objet');
    await h.page.keyboard.press('Escape');
    await expect.poll(() => h.page.locator('.feature-panel').count()).toBe(0);
    expect((await focused()).id).toBe('recherche');
  });

  it('annonce ce qu’une case change et le nombre d’entités visibles', async () => {
    const box = h.page.getByRole('checkbox', { name: 'EuroVelo 5', exact: true });
    await box.focus();
    await h.page.keyboard.press('Space');
    await expect.poll(announced).toMatch(/^Couche « EuroVelo 5 » masquée : [\d\u202f]+ entités? visibles?$/);
    const count = async () => Number((await announced()).match(/: ([\d\u202f]+)/)![1].replace(/\u202f/g, ''));
    const hidden = await count();
    await h.page.keyboard.press('Space');
    await expect.poll(announced).toMatch(/^Couche « EuroVelo 5 » affichée : /);
    expect(await count()).toBeGreaterThan(hidden);
  });

  it('tableau des terrils : trié, filtrable, une ligne sélectionne et cadre l’objet, Échap referme et rend le focus', async () => {
    const opener = h.page.locator('[data-table-open="parcs-terrils"]');
    await opener.focus();
    await h.page.keyboard.press('Enter');
    const table = h.page.locator('[data-table="parcs-terrils"]');
    await expect.poll(async () => (await focused()).tag).toBe('H2');
    expect(await table.locator('h2').textContent()).toBe('Tableau : Terrils');
    await expect.poll(hash).toContain('tableau=parcs-terrils');
    const names = () => table.locator('tbody th button').allTextContents();
    expect(await names()).toEqual(terrils.map((t) => String(t.properties.nom)).sort(collator.compare));
    expect(await table.locator('thead th').first().getAttribute('aria-sort')).toBe('ascending');
    await expectAxeClean('tableau d’une couche');

    // Sorting by area, one way then the other, from the keyboard.
    const surface = table.locator('thead th', { hasText: 'Surface' });
    await surface.getByRole('button').focus();
    await h.page.keyboard.press('Enter');
    expect(await surface.getAttribute('aria-sort')).toBe('ascending');
    const areas = async () =>
      (await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-index'))))).map(
        (i) => terrils[i].properties.surface_ha as number,
      );
    const up = await areas();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await h.page.keyboard.press('Enter');
    expect(await surface.getAttribute('aria-sort')).toBe('descending');
    const down = await areas();
    expect(down).toEqual([...up].sort((a, b) => b - a));
    await expect.poll(announced).toBe('Tableau trié par Surface, ordre décroissant');

    // The filter ignores accents; the biggest terril is found by a word of its name.
    const biggest = terrils.indexOf(terrils.reduce((a, b) => ((a.properties.surface_ha as number) >= (b.properties.surface_ha as number) ? a : b)));
    const word = String(terrils[biggest].properties.nom)
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .split(/\s+/)
      .sort((a, b) => b.length - a.length)[0];
    await table.getByLabel('Filtrer les lignes').fill(word.toUpperCase());
    await expect.poll(() => table.locator(`tr[data-index="${biggest}"]`).count()).toBe(1);
    expect(await table.locator('tbody tr').count()).toBeLessThan(terrils.length);
    await expect.poll(announced).toMatch(/lignes? sur 45$/);

    const row = table.locator(`tr[data-index="${biggest}"] th button`);
    await row.focus();
    await h.page.keyboard.press('Enter');
    await expect.poll(hash).toContain(`objet=parcs-terrils/${biggest}`);
    await expect.poll(() => h.page.locator('.feature-panel h2').textContent()).toBe(String(terrils[biggest].properties.nom));
    expect(await row.getAttribute('aria-current')).toBe('true');
    await waitIdle(h.page);
    await expectInView(terrils[biggest]);
    await h.page.keyboard.press('Escape');
    await expect.poll(() => h.page.locator('.feature-panel').count()).toBe(0);
    expect(await row.evaluate((el) => el === document.activeElement)).toBe(true);
    await h.page.keyboard.press('Escape');
    await expect.poll(() => table.count()).toBe(0);
    expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await hash()).not.toContain('tableau=');
  });

  it('fiche du rapport et atelier : aucune violation ; fermer une fiche rend le focus à son entrée', async () => {
    await h.page.getByRole('tab', { name: 'Couches' }).focus();
    await h.page.keyboard.press('ArrowRight');
    await h.page.locator('[data-card-id="ev5"]').click();
    await expect.poll(async () => (await focused()).id).toBe('fiche-rapport-titre');
    await expectAxeClean('fiche du rapport');
    await h.page.getByRole('button', { name: 'Toutes les fiches' }).click();
    await expect.poll(async () => h.page.evaluate(() => document.activeElement?.getAttribute('data-card-id'))).toBe('ev5');
    await h.page.keyboard.press('Shift+Tab');
    await h.page.getByRole('tab', { name: 'Atelier' }).click();
    await h.page.locator('.workbench').waitFor();
    await expectAxeClean('atelier');
  });

  it('pages sans carte (fiches, déclaration d’accessibilité) : aucune violation ; la déclaration dit ce qui a été vérifié', async () => {
    const link = h.page.getByRole('link', { name: 'Accessibilité : partiellement conforme' });
    expect(await link.getAttribute('href')).toMatch(/^#accessibilite/);
    await h.page.goto('about:blank');
    await h.page.goto(`${h.baseUrl}/#fiches`);
    await h.page.locator('.card-link').first().waitFor();
    await expectAxeClean('liste des fiches en pleine page');
    expect(await h.page.title()).toBe('Fiches du rapport – Atlas Lens-Liévin');
    await h.page.goto(`${h.baseUrl}/#accessibilite`);
    const main = h.page.locator('main#contenu');
    await expect.poll(() => main.locator('h2').first().textContent()).toBe('Déclaration d’accessibilité');
    const text = (await main.textContent()) ?? '';
    expect(text).toContain(`axe-core ${AXE_VERSION}`);
    expect(text).toContain('wcag2a, wcag2aa, wcag21a, wcag21aa');
    expect(text).toContain('Aucun test n’a encore été fait avec un lecteur d’écran');
    expect(text).toContain('Voies de recours');
    expect(await h.page.title()).toBe('Déclaration d’accessibilité – Atlas Lens-Liévin');
    await expectAxeClean('déclaration d’accessibilité');
  });

  it("n'a écrit aucune erreur en console", () => {
    expect(h.consoleErrors).toEqual([]);
  });
});
