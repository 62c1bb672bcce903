// The legend over the map: only the sublayers drawn, each class a button that draws that class alone
// (the features drawn and picked change, and the address says `classe=`), kept on reload, operated
// by keyboard, collapsed at first on a narrow screen, axe-clean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSublayer } from '../../layers/index';
import { themeClair } from '../../layers/theme';
import { openAtlas, startHarness, waitIdle, type Harness } from './harness';
import { hashParams } from './present-helpers';
import { axeViolations, describeViolations } from './axe';

let h: Harness;
const VIEW = '#carte=11.20/50.43000/2.83000&couches=communes,cites&sous-couches=communes,territoire,cites';
const ERBM = findSublayer('cites')!
  .sublayer.classes(themeClair)
  .findIndex((c) => c.id === 'erbm');

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1366, height: 800 } });
  await h.page.emulateMedia({ reducedMotion: 'reduce' });
});

afterAll(async () => {
  await h?.close();
});

/** Class index (`c`) of every cité drawn on the canvas now, as MapLibre renders and picks them. */
async function citesDrawn(): Promise<number[]> {
  await waitIdle(h.page);
  return h.page.evaluate(() => {
    const map = window.__atlas!.map;
    const layers = map
      .getStyle()
      .layers.filter((l) => l.id.startsWith('thematique:cites:'))
      .map((l) => l.id);
    return map.queryRenderedFeatures({ layers }).map((f) => Number(f.properties.c));
  });
}

const legend = () => h.page.locator('.map-legend');
const erbmButton = () => legend().locator('[data-sublayer="cites"] [data-class="erbm"]');

describe('légende sur la carte', () => {
  it('ne liste que les sous-couches affichées, avec leurs classes', async () => {
    await openAtlas(h, VIEW);
    expect(await legend().locator('.map-legend-body').isVisible()).toBe(true);
    expect(
      await legend()
        .locator('.map-legend-group')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-sublayer'))),
    ).toEqual(['communes', 'territoire', 'cites']);
    expect(await legend().locator('[data-sublayer="cites"] button[data-class]').allTextContents()).toEqual([
      'Cité ERBM (renouvellement)',
      'Cité du bien UNESCO',
      'Cité de la zone tampon UNESCO',
    ]);
    expect(describeViolations(await axeViolations(h.page, '.map-legend'))).toBe('');
  });

  it('un clic sur « Cité ERBM » ne dessine que les cités ERBM, le dit dans l’adresse, et résiste au rechargement', async () => {
    const all = await citesDrawn();
    expect(all.filter((c) => c === ERBM).length).toBeGreaterThan(0);
    expect(all.filter((c) => c !== ERBM).length).toBeGreaterThan(0);
    await erbmButton().click();
    expect(await erbmButton().getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => (await hashParams(h.page)).classe).toBe('cites/erbm');
    const only = await citesDrawn();
    expect(only.length).toBeGreaterThan(0);
    expect(only.every((c) => c === ERBM)).toBe(true);
    // The other classes are struck through in the legend (not by colour alone).
    expect(await legend().locator('[data-sublayer="cites"] li.filtered-out').count()).toBe(2);
    // The print sheet (its legend comes from the same entries as the PNG's) lists only the class drawn.
    const printed = () => h.page.locator('.print-legend li').allTextContents();
    await expect.poll(printed, { timeout: 30_000 }).toContain('Cité ERBM (renouvellement)');
    expect(await printed()).not.toContain('Cité du bien UNESCO');
    expect(await printed()).toContain('Limite communale');

    await openAtlas(h, `${VIEW}&classe=cites/erbm`);
    expect(await erbmButton().getAttribute('aria-pressed')).toBe('true');
    expect((await citesDrawn()).every((c) => c === ERBM)).toBe(true);
    expect(describeViolations(await axeViolations(h.page, '.map-legend'))).toBe('');
  });

  it('au clavier : Entrée sur la classe choisie rend toutes les classes ; « Tout afficher de … » aussi', async () => {
    await erbmButton().focus();
    await h.page.keyboard.press('Enter');
    expect(await erbmButton().getAttribute('aria-pressed')).toBe('false');
    await expect.poll(async () => (await hashParams(h.page)).classe).toBeUndefined();
    expect(new Set(await citesDrawn()).size).toBeGreaterThan(1);

    await legend().locator('[data-sublayer="cites"] [data-class="unesco"]').press(' ');
    await expect.poll(async () => (await hashParams(h.page)).classe).toBe('cites/unesco');
    await legend().getByRole('button', { name: 'Tout afficher de « Cités minières »' }).click();
    await expect.poll(async () => (await hashParams(h.page)).classe).toBeUndefined();
    expect(h.consoleErrors).toEqual([]);
  });

  it('est repliée au départ sur un écran de téléphone, et se déplie', async () => {
    await h.page.setViewportSize({ width: 375, height: 700 });
    await openAtlas(h, VIEW);
    const toggle = legend().getByRole('button', { name: 'Légende' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await legend().locator('.map-legend-body').isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await erbmButton().isVisible()).toBe(true);
  });
});
