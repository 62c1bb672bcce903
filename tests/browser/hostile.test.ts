// Scripts never run from data. Property values carrying HTML or script reach the app two ways: a
// pipeline source (here the built puits file, the catalog's error message and licence links, and a card, rewritten by
// test routes) and a planner's imported file (hostile values, property name and file name). Every
// view shows them as text: feature panel, table, search, layer badge, card, workbench layer and
// warnings, exports (GeoJSON, CSV neutralised, KML escaped), share dialog, PNG export, print sheet.
// The CSP is bypassed here on purpose: the rendering must be safe without its help. Watched all
// along: a flag the payloads set, dialogs (alert), and every element added or changed in the page
// (inline script, on* attribute, javascript: URL, img src=x).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { DOMParser } from '@xmldom/xmldom';
import type { FeatureCollection } from 'geojson';
import type { CardsFile } from '../../layers/cards';
import { openAtlas, startHarness, waitIdle, type Harness } from './harness';
import { builtCards, builtCatalog, builtFeatures } from './built-data';

const flag = (where: string) => `window.__pirate='${where}';alert('${where}')`;
const IMG = `<img src=x onerror="${flag('img')}">`;
const SCRIPT = `<script>${flag('script')}</script>`;
const SVG = `<svg onload="${flag('svg')}"></svg>`;
const JS_LINK = `javascript:${flag('lien')}`;
const ATTRIBUTE = `" onmouseover="${flag('attribut')}" data-x="`;
const FORMULA = '=HYPERLINK("https://pirate.example/";"Cliquez")';

const PUITS_NAME = `${IMG}Puits piégé<b>gras</b>`;
const CARD_TITLE = `${SCRIPT}Fiche piégée ${SVG}`;
const ERROR_MESSAGE = `source illisible : ${IMG}${SCRIPT}`;
const FILE_BASE = `<img src=x onerror=alert(1)>couche`;
const FILE_NAME = `${FILE_BASE}.geojson`;
const KEY = `<b onmouseover="${flag('clé')}">clé</b>`;
const IMPORTED_NAME = `${SVG}Parcelle piégée ${ATTRIBUTE}`;
const IMAGE_TITLE = `<img src=x onerror=alert(1)>Titre piégé`;

let h: Harness;
const injected: string[] = [];
const dialogs: string[] = [];
let puitsFeatureCount = 0;

async function nothingRan(): Promise<void> {
  expect(await h.page.evaluate(() => (window as unknown as { __pirate?: string }).__pirate)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(injected).toEqual([]);
}

/** Text shown for a locator, tags included literally (what a user reads). */
const text = (selector: string) => h.page.locator(selector).first().innerText();

beforeAll(async () => {
  const catalog = builtCatalog();
  h = await startHarness({ viewport: { width: 960, height: 640 }, bypassCSP: true });
  await h.context.exposeBinding('__atlasInjected', (_source, what: string) => void injected.push(what));
  // Before any app code: reports every element that could run script, as soon as it is added.
  await h.context.addInitScript(() => {
    const report = (what: string) => (window as unknown as { __atlasInjected: (w: string) => void }).__atlasInjected(what);
    const check = (el: Element) => {
      for (const attr of [...el.attributes]) {
        if (/^on/i.test(attr.name)) report(`${el.tagName} ${attr.name}`);
        if (/^\s*javascript:/i.test(attr.value) && /^(href|src|action|formaction|xlink:href)$/i.test(attr.name))
          report(`${el.tagName} ${attr.name}=${attr.value}`);
      }
      if (el.tagName === 'SCRIPT' && (!el.getAttribute('src') || new URL(el.getAttribute('src')!, location.href).origin !== location.origin))
        report(`SCRIPT ${el.textContent}`);
      if (el.tagName === 'IMG' && el.getAttribute('src') === 'x') report('IMG src=x');
      if (/^(IFRAME|OBJECT|EMBED)$/.test(el.tagName)) report(el.tagName);
    };
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes' && r.target instanceof Element) check(r.target);
        for (const node of r.addedNodes) if (node instanceof Element) [node, ...node.querySelectorAll('*')].forEach(check);
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  h.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  // A pipeline source with hostile values: the built puits file, the catalog, the cards.
  const puitsFile = catalog.layers.find((l) => l.id === 'cites')!.sublayers.find((s) => s.id === 'cites-puits')!.file!;
  const puits = await builtFeatures(puitsFile);
  puitsFeatureCount = puits.length;
  puits[0].properties = { ...puits[0].properties, nom: PUITS_NAME, fiche_brgm: JS_LINK, commune: ATTRIBUTE };
  const puitsBytes = Buffer.from(serialize({ type: 'FeatureCollection', features: puits } as FeatureCollection));
  await h.context.route(`**/data/${puitsFile}`, (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: puitsBytes }));
  const broken = structuredClone(catalog);
  Object.assign(
    broken.layers.find((l) => l.id === 'dechets')!,
    { status: 'erreur', statusMessage: ERROR_MESSAGE },
  );
  // Licence links of the sources (attribution, layer information) turned into javascript: addresses.
  for (const source of broken.sources) if (source.licenceUrl) source.licenceUrl = JS_LINK;
  await h.context.route('**/data/catalog.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(broken) }),
  );
  const cards: CardsFile = builtCards();
  cards.cards[0] = { ...cards.cards[0], title: CARD_TITLE, summary: `${IMG} ${JS_LINK}` };
  await h.context.route('**/data/cards.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(cards) }),
  );
});

afterAll(async () => {
  await h?.close();
});

describe('Aucun script ne vient des données', () => {
  it('source du pipeline : fiche, tableau, recherche, badge et fiche du rapport en texte', async () => {
    await openAtlas(h, '#sous-couches=cites-puits&couches=cites&objet=cites-puits/0');
    // The watch works: an element with an event handler attribute is reported.
    await h.page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<i hidden onclick="void 0"></i>'));
    await expect.poll(() => injected).toEqual(['I onclick']);
    injected.length = 0;
    await expect.poll(() => text('.feature-panel h2')).toBe(PUITS_NAME);
    expect(await text('.feature-panel')).toContain(ATTRIBUTE);
    expect(await h.page.locator('.feature-panel a').count()).toBe(0); // javascript: is no link
    await expect.poll(() => text('[data-layer="dechets"] .badge-erreur')).toContain(ERROR_MESSAGE);
    expect(await h.page.locator('.attribution').first().textContent()).toContain('Licence Ouverte');
    expect(await h.page.locator('a[href^="javascript"]').count()).toBe(0);

    const go = (hash: string) => h.page.evaluate((x) => (window.location.hash = x), hash);
    await go('sous-couches=cites-puits&couches=cites&tableau=cites-puits');
    const table = h.page.locator('table').filter({ hasText: 'Puits piégé' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(puitsFeatureCount);
    expect(await table.innerText()).toContain(PUITS_NAME);

    await h.page.locator('#recherche').fill('pieg');
    const options = h.page.locator('.search-option');
    await expect
      .poll(() => options.allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringContaining(PUITS_NAME), expect.stringContaining(CARD_TITLE.trim())]));
    await h.page.keyboard.press('Escape');

    const card = builtCards().cards[0];
    await go(`fiche=${card.id}`);
    await expect.poll(() => text('.card-view h2')).toBe(CARD_TITLE.trim());
    expect(await text('.card-view')).toContain(`${IMG} ${JS_LINK}`);
    await nothingRan();
  });

  it('fichier importé : nom de couche, avertissements et fiche de l’objet en texte', async () => {
    const collection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { nom: IMPORTED_NAME, description: SCRIPT, lien: JS_LINK, formule: FORMULA, [KEY]: IMG },
          geometry: { type: 'Point', coordinates: [2.8, 50.42] },
        },
        { type: 'Feature', properties: { nom: 'Seconde' }, geometry: { type: 'Point', coordinates: [2.86, 50.44] } },
        { type: 'Feature', properties: { nom: SCRIPT }, geometry: null },
      ],
    };
    await h.page.getByRole('tab', { name: 'Atelier' }).click();
    await h.page
      .locator('#wb-fichiers')
      .setInputFiles({ name: FILE_NAME, mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(collection)) });
    const item = h.page.locator('.wb-item').first();
    await expect.poll(() => h.page.locator('.wb-item').count(), { timeout: 60_000 }).toBe(1);
    expect(await item.locator('.wb-item-name').innerText()).toBe(FILE_BASE);
    const itemText = await item.innerText();
    expect(itemText).toContain(`« ${FILE_NAME} »`);
    expect(await item.locator('.wb-warnings').innerText()).toContain(FILE_NAME);

    await waitIdle(h.page);
    const at = await h.page.evaluate(() => {
      const p = window.__atlas!.map.project([2.8, 50.42]);
      const r = window.__atlas!.map.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    });
    await h.page.mouse.click(at.x, at.y);
    await expect.poll(() => text('.feature-panel h2'), { timeout: 10_000 }).toBe(IMPORTED_NAME);
    const panel = await text('.feature-panel');
    for (const shown of [SCRIPT, JS_LINK, FORMULA, KEY, IMG]) expect(panel).toContain(shown);
    expect(await h.page.locator('.feature-panel a').count()).toBe(0);
    await h.page.keyboard.press('Escape');
    await nothingRan();
  });

  it('exports : GeoJSON fidèle, CSV sans formule active, KML échappé', async () => {
    const item = h.page.locator('.wb-item').first();
    const exported = async (format: string): Promise<string> => {
      await item.getByLabel('Exporter en').selectOption(format);
      const [download] = await Promise.all([h.page.waitForEvent('download'), item.getByRole('button', { name: /^Exporter/ }).click()]);
      return readFileSync((await download.path())!, 'utf8');
    };
    const geojson = JSON.parse(await exported('geojson')) as FeatureCollection;
    const hostile = geojson.features.find((f) => f.properties?.formule);
    expect(hostile?.properties).toMatchObject({ nom: IMPORTED_NAME, description: SCRIPT, lien: JS_LINK, formule: FORMULA, [KEY]: IMG });

    const csv = await exported('csv');
    expect(csv).toContain(`'${FORMULA.replace(/"/g, '""')}`);
    expect(csv).not.toMatch(/(^|;)"?=HYPERLINK/m);

    const kml = new DOMParser().parseFromString(await exported('kml'), 'text/xml');
    for (const tag of ['script', 'img', 'svg', 'b']) expect(kml.getElementsByTagName(tag).length).toBe(0);
    const kmlText = kml.documentElement?.textContent ?? '';
    for (const shown of [SCRIPT, JS_LINK, IMG, IMPORTED_NAME]) expect(kmlText).toContain(shown);
    expect(Array.from(kml.getElementsByTagName('Data')).map((d) => d.getAttribute('name'))).toContain(KEY);
    await nothingRan();
  });

  it('partage, image PNG et feuille d’impression montrent les noms en texte', async () => {
    const card = builtCards().cards[0];
    await h.page.evaluate((id) => (window.location.hash = `${window.location.hash.slice(1)}&fiche=${id}`), card.id);
    await expect.poll(() => text('.card-view h2')).toBe(CARD_TITLE.trim());
    await h.page.getByRole('button', { name: 'Partager' }).first().click();
    await expect.poll(() => text('dialog.share-dialog')).toContain(CARD_TITLE.trim());
    await h.page.locator('dialog.share-dialog').getByRole('button', { name: 'Fermer' }).click();

    await h.page.getByRole('button', { name: 'Image, impression' }).click();
    const dialog = h.page.locator('dialog.export-dialog');
    await dialog.getByRole('radio', { name: /^Écran/ }).check();
    await dialog.getByLabel('Titre', { exact: true }).fill(IMAGE_TITLE);
    await Promise.all([
      h.page.waitForEvent('download', { timeout: 120_000 }),
      dialog.getByRole('button', { name: 'Télécharger l’image PNG' }).click(),
    ]);
    await dialog.locator('figure.export-result').waitFor();
    // The image's text (title, legend, sources) is in a closed <details>: read, not shown.
    const imageText = await dialog.locator('figure.export-result').textContent();
    expect(imageText).toContain(IMAGE_TITLE);
    expect(imageText).toContain(FILE_NAME);
    await dialog.getByRole('button', { name: 'Fermer' }).click();

    // Ctrl+P's sheet: the imported layer in the legend, its file in the credits.
    await h.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expect.poll(() => text('.print-sheet')).toContain(FILE_NAME);
    expect(await h.page.locator('.print-legend li').allInnerTexts()).toContainEqual(expect.stringContaining(FILE_BASE));
    await h.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await nothingRan();
  });
});
