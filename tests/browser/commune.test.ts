// « Ma commune »: a commune's page from its address, from the search and from its feature sheet;
// communes side by side; the A4 sheet (print size, PNG size and credits). Expectations come from
// the built dist/data/communes.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommunesFile } from '../../layers/commune-profile';
import { DIST, openAtlas, startHarness, type Harness } from './harness';
import { axeViolations, describeViolations } from './axe';
import { decodePng } from './png';

let h: Harness;
const file = JSON.parse(readFileSync(join(DIST, 'data', 'communes.json'), 'utf8')) as CommunesFile;
const lens = file.communes.find((c) => c.code === '62498')!;
const shots = process.env.COMMUNE_SHOTS;

async function openCommunePage(hash: string): Promise<void> {
  await h.page.goto('about:blank');
  await h.page.goto(`${h.baseUrl}/${hash}`);
  await h.page.locator('#commune-titre').waitFor({ timeout: 60_000 });
}

async function expectAxeClean(what: string): Promise<void> {
  const violations = await axeViolations(h.page);
  expect(violations, `${what}\n${describeViolations(violations)}`).toEqual([]);
}

const cell = (figure: string, column: number) => h.page.locator(`.commune-figures tr[data-figure="${figure}"] > :nth-child(${column})`);

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1280, height: 900 } });
}, 120_000);
afterAll(async () => h?.close());

describe('« Ma commune »', () => {
  it('#commune=62498 shows Lens: its EV5 length, rank and CALL total, its QPV by name, its cards and report quotes, its map', async () => {
    await openCommunePage('#commune=62498');
    expect(await h.page.locator('#commune-titre').textContent()).toBe('Lens');
    expect(await cell('ev5', 2).textContent()).toBe('7,5 km');
    const ev5 = lens.figures.find((f) => f.id === 'ev5')!;
    expect(await cell('ev5', 3).textContent()).toBe(ev5.rank === 1 ? '1re sur 36' : `${ev5.rank}e sur 36`);
    expect(await cell('ev5', 4).textContent()).toContain('35,4 km');
    // A layer with nothing in the commune says so plainly.
    expect(await cell('dechets', 2).textContent()).toBe('aucun établissement de traitement des déchets');
    const qpv = await h.page.locator('.commune-qpv li').allTextContents();
    expect(qpv).toHaveLength(lens.qpv.length);
    for (const q of lens.qpv) expect(qpv.some((t) => t.includes(q.nom))).toBe(true);
    const cards = await h.page.locator('.commune-cards a').allTextContents();
    expect(cards).toContain('EuroVelo 5 : la véloroute sur le territoire');
    expect(await h.page.locator('.commune-cards a', { hasText: 'EuroVelo 5' }).getAttribute('href')).toBe('#fiche=ev5');
    expect(await h.page.locator('.commune-quotes blockquote').count()).toBe(lens.quotes.length);
    // The map: every commune drawn, Lens's outline emphasised, a legend and the credits.
    await expect.poll(() => h.page.locator('.commune-map-svg path').count(), { timeout: 30_000 }).toBeGreaterThan(36);
    expect(await h.page.locator('.commune-legend li').count()).toBeGreaterThan(3);
    expect(await h.page.locator('.commune-map .commune-credits').textContent()).toContain("© les contributeurs d'OpenStreetMap");
    // Charts placing Lens among the 36, each with its table.
    const chart = h.page.locator('.rank-chart').filter({ hasText: 'EuroVelo 5 dans la commune' });
    expect(await chart.locator('svg').getAttribute('aria-label')).toMatch(/Lens est 1re sur 36 avec 7,5 km/);
    expect(await chart.locator('tbody tr').count()).toBe(36);
    // Links to the features: the EV5 pieces in Lens.
    const links = h.page.locator('.commune-figures tr[data-figure="ev5"] a');
    expect(await links.count()).toBe(ev5.features!.length);
    expect(await links.first().getAttribute('href')).toMatch(/^#carte=1\d\.\d\d\/50\.\d{5}\/2\.\d{5}&objet=ev5-troncons\/\d+$/);
    // A phone: nothing scrolls sideways but the tables, inside their own boxes.
    await h.page.setViewportSize({ width: 360, height: 740 });
    expect(await h.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    if (shots) await h.page.screenshot({ path: `${shots}/commune-lens-phone.png` });
    await h.page.setViewportSize({ width: 1280, height: 900 });
    if (shots) {
      await h.page.screenshot({ path: `${shots}/commune-lens-top.png` });
      await h.page
        .locator('.commune-figures')
        .first()
        .screenshot({ path: `${shots}/commune-lens-figures.png` });
      await h.page.locator('.rank-charts').screenshot({ path: `${shots}/commune-lens-charts.png` });
      await h.page.locator('.commune-quotes').screenshot({ path: `${shots}/commune-lens-quotes.png` });
    }
    await expectAxeClean('page de Lens');
  });

  it('opens from the header search in two actions: type the name, choose « Fiches des communes »', async () => {
    await openAtlas(h);
    await h.page.locator('#recherche').fill('lievin');
    const option = h.page.locator('.search-group', { hasText: 'Fiches des communes' }).locator('.search-option').first();
    await option.click();
    await expect.poll(() => h.page.locator('#commune-titre').textContent(), { timeout: 30_000 }).toBe('Liévin');
    expect(await h.page.evaluate(() => window.location.hash)).toContain('commune=62510');
  });

  it('opens from a commune’s feature sheet: « Voir la fiche de la commune »', async () => {
    await openAtlas(h, `#objet=communes/${lens.feature.index}`);
    const link = h.page.locator('.feature-panel a', { hasText: 'Voir la fiche de la commune' });
    await link.click();
    await expect.poll(() => h.page.locator('#commune-titre').textContent(), { timeout: 30_000 }).toBe('Lens');
  });

  it('« Voir la commune sur la carte » opens the map framed on Lens, its sheet open', async () => {
    await openCommunePage('#commune=62498');
    await h.page.locator('.commune-actions a', { hasText: 'Voir la commune sur la carte' }).click();
    await h.page.waitForFunction(() => document.body.dataset.mapState === 'idle', undefined, { timeout: 90_000 });
    await expect.poll(() => h.page.locator('.feature-panel h2').textContent(), { timeout: 30_000 }).toBe('Lens');
    const [zoom, lat, lon] = /carte=([\d.]+)\/([\d.]+)\/([\d.]+)/
      .exec(await h.page.evaluate(() => window.location.hash))!
      .slice(1)
      .map(Number);
    const [w, s, e, n] = lens.bounds;
    expect(lon).toBeGreaterThan(w);
    expect(lon).toBeLessThan(e);
    expect(lat).toBeGreaterThan(s);
    expect(lat).toBeLessThan(n);
    expect(zoom).toBeGreaterThan(11);
  });

  it('#communes=62498,62510 compares Lens and Liévin in one table', async () => {
    await openCommunePage('#communes=62498,62510');
    const heads = await h.page.locator('.commune-compare thead th').allTextContents();
    expect(heads.slice(1)).toEqual(['Lens', 'Liévin']);
    const lievin = file.communes.find((c) => c.code === '62510')!;
    const row = h.page.locator('.commune-compare tr[data-figure="population"] td');
    expect(await row.nth(0).textContent()).toContain(new Intl.NumberFormat('fr-FR').format(lens.population));
    expect(await row.nth(1).textContent()).toContain(new Intl.NumberFormat('fr-FR').format(lievin.population));
    expect(await h.page.locator('.commune-compare tbody tr').count()).toBe(lens.figures.length);
    if (shots) await h.page.screenshot({ path: `${shots}/commune-compare.png`, fullPage: true });
    await expectAxeClean('comparaison');
  });

  it('prints an A4 sheet (210 × 297 mm) and downloads it as a 1240 × 1754 PNG carrying the credits', async () => {
    await openCommunePage('#commune=62498');
    await h.page.getByRole('button', { name: 'Fiche A4 (impression, PNG)' }).click();
    const sheet = h.page.locator('.commune-sheet-svg');
    await sheet.waitFor();
    await expect.poll(() => sheet.locator('path').count(), { timeout: 30_000 }).toBeGreaterThan(36);
    expect(await sheet.getAttribute('viewBox')).toBe('0 0 1240 1754');
    const sheetText = (await sheet.textContent()) ?? '';
    expect(sheetText).toContain('Légende');
    expect(sheetText).toContain('EuroVelo 5 dans la commune');
    expect(sheetText).toContain("© les contributeurs d'OpenStreetMap");
    expect(await sheet.locator('.commune-scale text').textContent()).toMatch(/^\d+(,\d+)? (m|km)$/);
    if (shots) await sheet.screenshot({ path: `${shots}/commune-sheet.png` });
    await expectAxeClean('fiche A4');
    // Printed: the sheet alone, at the paper's size.
    await h.page.evaluate(() => document.body.classList.add('commune-impression'));
    await h.page.emulateMedia({ media: 'print' });
    const box = (await sheet.boundingBox())!;
    expect(box.width).toBeCloseTo((210 / 25.4) * 96, 0);
    expect(box.height).toBeCloseTo((297 / 25.4) * 96, 0);
    expect(await h.page.locator('.app-header').evaluate((e) => getComputedStyle(e).visibility)).toBe('hidden');
    await h.page.emulateMedia({ media: 'screen' });
    await h.page.evaluate(() => document.body.classList.remove('commune-impression'));
    // The PNG: A4 at 150 dpi, the credits inside the file.
    const [download] = await Promise.all([h.page.waitForEvent('download'), h.page.getByRole('button', { name: 'Télécharger en PNG' }).click()]);
    const bytes = readFileSync((await download.path())!);
    const png = decodePng(bytes);
    expect([png.width, png.height]).toEqual([1240, 1754]);
    expect(bytes.toString('latin1')).toContain('Copyright');
    expect(bytes.toString('utf8')).toContain("© les contributeurs d'OpenStreetMap");
    expect(download.suggestedFilename()).toBe('fiche-62498-Lens.png');
    if (shots) {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(`${shots}/commune-sheet-download.png`, bytes);
    }
  });

  it('speaks English too: figure names, ranks and what a commune lacks', async () => {
    await openCommunePage('#commune=62498');
    await h.page.locator('.language-switch button[lang="en"]').click();
    await expect.poll(() => cell('ev5', 1).textContent()).toBe('EuroVelo 5 in the municipality');
    expect(await cell('ev5', 3).textContent()).toBe('1st of 36');
    expect(await cell('dechets', 2).textContent()).toBe('nothing on this layer');
    await h.page.locator('.language-switch button[lang="fr"]').click();
    await expect.poll(() => cell('ev5', 3).textContent()).toBe('1re sur 36');
  });
});
