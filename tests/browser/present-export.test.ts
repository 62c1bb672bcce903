// Image export and print: the PNG has the requested pixel size (A4 at 150 dpi), the legend
// and the credits are in its pixels, in its text chunks and in the text shown beside the preview
// (the credits in the map attribution's own wording); the print sheet has the same elements and is
// alone on paper; Ctrl+P without the dialog prints a snapshot of the map.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findSublayer } from '../../layers/index';
import { themeClair } from '../../layers/theme';
import { defaultVisibility } from '../../src/app/state/visibility';
import { visibleCredits } from '../../src/app/ui/Attribution';
import { readTextChunks } from '../../src/core/png/png-chunks';
import type { Box } from '../../src/app/present/export/layout';
import { openAtlas, startHarness, type Harness } from './harness';
import { builtCatalog } from './built-data';
import { decodePng, pixel, type Image } from './png';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

async function openExport(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Image, impression' }).click();
  await page.locator('dialog.export-dialog').waitFor();
}

/** Pixels of a box whose colour is within `tolerance` (sum of channel differences) of `rgb`. */
function countNear(image: Image, box: Box, rgb: number[], tolerance = 40): number {
  let n = 0;
  for (let y = Math.floor(box.y); y < box.y + box.height; y++) {
    for (let x = Math.floor(box.x); x < box.x + box.width; x++) {
      const p = pixel(image, x, y);
      if (Math.abs(p[0] - rgb[0]) + Math.abs(p[1] - rgb[1]) + Math.abs(p[2] - rgb[2]) <= tolerance) n++;
    }
  }
  return n;
}

function distinctColours(image: Image, box: Box): number {
  const seen = new Set<number>();
  for (let y = Math.floor(box.y); y < box.y + box.height; y += 3)
    for (let x = Math.floor(box.x); x < box.x + box.width; x += 3) {
      const [r, g, b] = pixel(image, x, y);
      seen.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
    }
  return seen.size;
}

const expectedCredits = () => visibleCredits(builtCatalog(), defaultVisibility(), 'atlas', 'fr').map((c) => `${c.text} — ${c.licence}`);

describe('export PNG', () => {
  it('A4 paysage à 150 dpi : 1754 × 1240 pixels, titre, légende, échelle, nord et crédits dans l’image', async () => {
    await openAtlas(h, '#carte=11.00/50.43000/2.80000');
    await openExport(h.page);
    const dialog = h.page.locator('dialog.export-dialog');
    await dialog.getByRole('radio', { name: 'A4' }).check();
    await dialog.getByRole('radio', { name: '150 dpi' }).check();
    await dialog.getByRole('radio', { name: 'paysage' }).check();
    await dialog.getByLabel('Titre', { exact: true }).fill('Le territoire et la véloroute');
    expect(await dialog.locator('[data-taille-prevue]').getAttribute('data-taille-prevue')).toBe('1754x1240');
    const [download] = await Promise.all([
      h.page.waitForEvent('download', { timeout: 120_000 }),
      dialog.getByRole('button', { name: 'Télécharger l’image PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^atlas-lens-lievin-A4-paysage-150dpi-\d{4}-\d{2}-\d{2}\.png$/);
    const bytes = readFileSync((await download.path())!);
    const image = decodePng(bytes);
    expect([image.width, image.height]).toEqual([1754, 1240]);

    // The text beside the preview is what is burnt in: the attribution's credits, word for word.
    const figure = dialog.locator('figure.export-result');
    await figure.waitFor();
    expect(await figure.getAttribute('data-export-width')).toBe('1754');
    const credits = await figure.locator('[data-export="credits"] li').allTextContents();
    expect(credits.slice(0, -1)).toEqual(expectedCredits());
    expect(credits.at(-1)).toMatch(/^Réalisé avec l’Atlas Lens-Liévin le /);
    expect(credits.join('\n')).toContain("© les contributeurs d'OpenStreetMap");
    const legend = await figure.locator('[data-export="legende"] li').allTextContents();
    expect(legend).toContain('EuroVelo 5');
    expect(legend).toContain('Itinéraire EuroVelo 5 (OSM)');
    // …and travels inside the file (iTXt chunks) with the print resolution.
    const chunks = readTextChunks(new Uint8Array(bytes));
    expect(chunks.Title).toBe('Le territoire et la véloroute');
    expect(chunks.Copyright.split('\n')).toEqual(credits);
    expect(chunks.Description).toContain('Itinéraire EuroVelo 5 (OSM)');
    expect(chunks.Source).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#carte=11\.00\/50\.43000\/2\.80000/);

    // Pixels: the map is drawn, the legend shows the EV5 line's colour, the credits are written.
    const boxes = JSON.parse((await figure.getAttribute('data-export-boxes'))!) as { map: Box; legend: Box; credits: Box };
    expect(distinctColours(image, boxes.map)).toBeGreaterThan(30);
    const velo = findSublayer('ev5-troncons')!.sublayer.classes(themeClair)[0].symbol.line;
    expect(countNear(image, boxes.legend, velo)).toBeGreaterThan(20);
    expect(countNear(image, boxes.credits, [29, 35, 39], 120)).toBeGreaterThan(800);
    // Outside the map, the page is white.
    expect(pixel(image, 3, 3)).toEqual([255, 255, 255]);
    expect(await figure.locator('p', { hasText: 'Échelle' }).textContent()).toMatch(
      /Échelle : \d+([,.]\d+)? (km|m) · échelle 1:[\d\s\u202f]+ imprimé en A4/,
    );
  });

  it('annonce la taille de chaque format avant le rendu : écran, A3 à 300 dpi', async () => {
    const dialog = h.page.locator('dialog.export-dialog');
    const size = () => dialog.locator('[data-taille-prevue]').getAttribute('data-taille-prevue');
    await dialog.getByRole('radio', { name: /^Écran/ }).check();
    expect(await size()).toBe('1024x720');
    await dialog.getByRole('radio', { name: 'A3' }).check();
    await dialog.getByRole('radio', { name: '300 dpi' }).check();
    await dialog.getByRole('radio', { name: 'portrait' }).check();
    expect(await size()).toBe('3508x4961');
    await dialog.getByRole('radio', { name: 'paysage' }).check();
    expect(await size()).toBe('4961x3508');
    await dialog.getByRole('button', { name: 'Fermer' }).click();
  });
});

describe('impression', () => {
  it('met en page la carte, la légende, l’échelle, le nord et les crédits sur une feuille A4 paysage', async () => {
    await h.page.evaluate(() => {
      const w = window as unknown as { __printed: unknown };
      w.__printed = null;
      // The browser's dialog cannot be driven: the page's state at the call is recorded instead.
      window.print = () => {
        const sheet = document.querySelector<HTMLElement>('.print-sheet')!;
        const img = sheet.querySelector('img');
        w.__printed = {
          phase: sheet.dataset.impression,
          className: sheet.className,
          text: sheet.innerText || sheet.textContent,
          credits: [...sheet.querySelectorAll('.print-credits li')].map((li) => li.textContent),
          legend: [...sheet.querySelectorAll('.print-legend li')].map((li) => li.textContent),
          image: img ? { width: img.naturalWidth, height: img.naturalHeight, complete: img.complete } : null,
          // The paper rule is in a constructed style sheet (the CSP refuses <style> elements).
          page: [...document.adoptedStyleSheets]
            .flatMap((s) => [...s.cssRules])
            .map((r) => r.cssText)
            .find((t) => t.startsWith('@page')),
          bodyClass: document.body.className,
        };
      };
    });
    await openExport(h.page);
    const dialog = h.page.locator('dialog.export-dialog');
    await dialog.getByRole('radio', { name: 'A4' }).check();
    await dialog.getByRole('radio', { name: 'paysage' }).check();
    await dialog.getByLabel('Titre', { exact: true }).fill('Fiche pour le conseil');
    await dialog.getByRole('button', { name: 'Imprimer (A4 paysage)' }).click();
    await h.page.waitForFunction(() => (window as unknown as { __printed: unknown }).__printed !== null, undefined, { timeout: 90_000 });
    const printed = (await h.page.evaluate(() => (window as unknown as { __printed: unknown }).__printed)) as {
      phase: string;
      className: string;
      text: string;
      credits: string[];
      legend: string[];
      image: { width: number; height: number; complete: boolean } | null;
      page: string;
      bodyClass: string;
    };
    expect(printed.phase).toBe('impression');
    expect(printed.className).toContain('print-A4 print-paysage');
    // Chrome serialises the rule in its own way (a4, 0px).
    expect(printed.page).toMatch(/^@page \{ size: A4 landscape; margin: 0(px)?; \}$/i);
    expect(printed.bodyClass).toContain('atlas-impression');
    expect(printed.text).toContain('Fiche pour le conseil');
    expect(printed.credits).toEqual(expectedCredits());
    expect(printed.legend).toContain('Itinéraire EuroVelo 5 (OSM)');
    // The map image is rendered for its box at 200 dpi (a 21 cm wide box: about 1 650 pixels).
    expect(printed.image?.complete).toBe(true);
    expect(printed.image!.width).toBeGreaterThan(1400);
    expect(printed.image!.width).toBeLessThan(1900);

    // On paper the sheet is alone.
    await h.page.emulateMedia({ media: 'print' });
    const shown = await h.page.evaluate(() => ({
      root: getComputedStyle(document.getElementById('root')!).display,
      sheet: getComputedStyle(document.querySelector('.print-sheet')!).display,
    }));
    expect(shown).toEqual({ root: 'none', sheet: 'grid' });
    await h.page.emulateMedia({ media: 'screen' });
    await h.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect.poll(() => h.page.locator('.print-sheet').getAttribute('data-impression')).toBe('repos');
    expect(await h.page.evaluate(() => document.body.classList.contains('atlas-impression'))).toBe(false);
  });

  it('Ctrl+P sans le dialogue imprime la carte à l’écran avec sa légende et ses crédits', async () => {
    await h.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const state = await h.page.evaluate(() => {
      const img = document.querySelector<HTMLImageElement>('.print-sheet img');
      return {
        src: img?.src.slice(0, 22),
        body: document.body.classList.contains('atlas-impression'),
        credits: document.querySelectorAll('.print-credits li').length,
      };
    });
    expect(state).toEqual({ src: 'data:image/png;base64,', body: true, credits: expectedCredits().length });
    await h.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await h.page.evaluate(() => document.querySelector('.print-sheet img'))).toBeNull();
    expect(h.consoleErrors).toEqual([]);
  });
});
