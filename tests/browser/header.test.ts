// The header on phones and tablets (one row, nothing overlapping or clipped, the search behind a
// button that opens a working search, the actions in a menu) and the map's compact credits (a few
// percent of the map when closed, opened by keyboard, listing the visible layers' sources; the
// full list in the panel).
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openAtlas, startHarness, type Harness } from './harness';
import { builtCatalog } from './built-data';

const harnesses: Harness[] = [];
afterAll(async () => {
  // Those a failing test left open.
  for (const h of harnesses) await h.close().catch(() => undefined);
});
async function harness(options: Parameters<typeof startHarness>[0]): Promise<Harness> {
  const h = await startHarness(options);
  harnesses.push(h);
  return h;
}

interface Box {
  what: string;
  x: number;
  y: number;
  w: number;
  h: number;
  clipped: boolean;
}

/** The header's visible controls (and title): their boxes, and whether their content is cut. */
function headerControls(page: Page, within = '.app-header'): Promise<Box[]> {
  return page.evaluate((within) => {
    const root = document.querySelector(within)!;
    return (
      [...root.querySelectorAll<HTMLElement>('h1, button, a, input, .present-chip')]
        .filter((e) => !e.closest('.visually-hidden, .header-icon-text') && e.getClientRects().length > 0)
        .map((e) => ({ e, r: e.getBoundingClientRect() }))
        // Shown and on top: a folded control (clipped to nothing) has something else at its centre.
        .filter(({ e, r }) => r.width > 2 && r.height > 2 && e.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)))
        .map(({ e, r }) => ({
          what: `${e.tagName.toLowerCase()}.${e.className} « ${(e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 30)} »`,
          x: r.x,
          y: r.y,
          w: r.width,
          h: r.height,
          clipped: e.scrollWidth > e.clientWidth + 1 || r.x < -0.5 || r.x + r.width > innerWidth + 0.5,
        }))
    );
  }, within);
}

function overlaps(boxes: Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      const ix = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const iy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (ix > 0.5 && iy > 0.5) out.push(`${a.what} × ${b.what}`);
    }
  return out;
}

async function expectTidyHeader(page: Page, view: string): Promise<number> {
  const boxes = await headerControls(page);
  expect(boxes.length, `${view}: header controls found`).toBeGreaterThanOrEqual(3);
  expect(overlaps(boxes), `${view}: overlapping header controls`).toEqual([]);
  expect(
    boxes.filter((b) => b.clipped).map((b) => b.what),
    `${view}: clipped header controls`,
  ).toEqual([]);
  const header = await page.evaluate(() => {
    const e = document.querySelector<HTMLElement>('.app-header')!;
    return { height: e.getBoundingClientRect().height, scroll: e.scrollWidth, client: e.clientWidth };
  });
  expect(header.scroll, `${view}: the header scrolls sideways`).toBeLessThanOrEqual(header.client);
  return header.height;
}

describe('En-tête sur téléphone et tablette', () => {
  it.each([
    [320, 640, true],
    [375, 700, true],
    [768, 1024, false],
    [768, 1024, true],
  ])('%i × %i px (tactile : %s) : une ligne, rien ne se chevauche ni n’est coupé, menu compris', async (width, height, touch) => {
    const h = await harness({ viewport: { width, height }, touch });
    await openAtlas(h);
    const view = `${width} px${touch ? ' tactile' : ''}`;
    const rowHeight = await expectTidyHeader(h.page, view);
    expect(rowHeight, `${view}: header height`).toBeLessThanOrEqual(64);
    console.log(`hauteur de l’en-tête à ${view} : ${rowHeight} px`);
    // The actions, in the menu: each whole, none over another.
    const menu = h.page.getByRole('button', { name: 'Menu' });
    await (touch ? menu.tap() : menu.click());
    await expect.poll(() => h.page.locator('.header-actions .panel-toggle').isVisible()).toBe(true);
    const inMenu = await headerControls(h.page, '.header-actions');
    expect(inMenu.map((b) => b.what).join('\n')).toMatch(/Présenter[\s\S]*Image, impression[\s\S]*(Couches et rapport|Masquer le panneau)/);
    expect(overlaps(inMenu), `${view}: overlapping menu items`).toEqual([]);
    expect(inMenu.filter((b) => b.clipped).map((b) => b.what)).toEqual([]);
    await h.page.keyboard.press('Escape');
    await expect.poll(() => h.page.locator('.header-actions .panel-toggle').isVisible()).toBe(false);
    expect(await h.page.evaluate(() => document.activeElement?.classList.contains('menu-toggle'))).toBe(true);
    harnesses.splice(harnesses.indexOf(h), 1);
    await h.close();
  });

  it('375 px : le bouton de recherche ouvre une recherche qui trouve la commune ; le lien d’évitement y mène aussi', async () => {
    const h = await harness({ viewport: { width: 375, height: 700 }, touch: true });
    await openAtlas(h);
    // Folded: the field is clipped to nothing (still in the tab order and the accessibility tree).
    const search = h.page.locator('.app-header .search');
    expect((await search.boundingBox())!.width).toBeLessThan(2);
    await h.page.locator('.search-toggle').tap();
    await expect.poll(async () => (await search.boundingBox())!.width).toBeGreaterThan(300);
    expect(await h.page.evaluate(() => document.activeElement?.id)).toBe('recherche');
    await h.page.keyboard.type('lievin');
    await h.page
      .locator('.search-option', { hasText: /^Liévin/ })
      .first()
      .tap();
    await expect.poll(() => h.page.locator('.feature-panel h2').textContent()).toBe('Liévin');
    // The header stayed one row while the search was open.
    expect(await expectTidyHeader(h.page, 'recherche ouverte')).toBeLessThanOrEqual(64);

    // Keyboard: the skip link « Aller à la recherche » gives the focus to the field, which shows itself.
    await openAtlas(h);
    await h.page.keyboard.press('Tab');
    expect(await h.page.evaluate(() => document.activeElement?.textContent)).toBe('Aller à la recherche');
    await h.page.keyboard.press('Enter');
    await expect.poll(() => h.page.evaluate(() => document.activeElement?.id)).toBe('recherche');
    expect((await search.boundingBox())!.width).toBeGreaterThan(300);
    harnesses.splice(harnesses.indexOf(h), 1);
    await h.close();
  });
});

describe('Crédits sur la carte', () => {
  it('fermés, quelques pour cent de la carte ; au clavier, ils s’ouvrent sur les sources des couches visibles ; le panneau les a toutes', async () => {
    const h = await harness({ viewport: { width: 1366, height: 800 } });
    const catalog = builtCatalog();
    const sourcesOf = (layer: string) =>
      catalog.layers
        .find((l) => l.id === layer)!
        .sources.map((id) => catalog.sources.find((s) => s.id === id)!)
        .filter((s) => s.origin !== 'absente');
    // Communes and the EV5 (OpenStreetMap data, ODbL) only.
    await openAtlas(h, '#couches=communes,ev5&sous-couches=communes,territoire,ev5-troncons');
    const attribution = h.page.locator('.attribution');
    const list = attribution.locator('.attribution-list');
    expect(await list.isVisible()).toBe(false);
    const [mapBox, closedBox] = [(await h.page.locator('#carte').boundingBox())!, (await attribution.boundingBox())!];
    const share = (closedBox.width * closedBox.height) / (mapBox.width * mapBox.height);
    console.log(`crédits fermés : ${(share * 100).toFixed(2)} % de la carte`);
    expect(share).toBeLessThanOrEqual(0.05);
    expect(await attribution.locator('.attribution-short').textContent()).toContain("© les contributeurs d'OpenStreetMap");

    // Keyboard: Tab reaches the button, Enter opens, Escape closes and gives the focus back.
    const toggle = attribution.getByRole('button', { name: 'Sources' });
    await toggle.focus();
    await h.page.keyboard.press('Enter');
    await expect.poll(() => list.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const text = (await list.textContent()) ?? '';
    for (const s of [...sourcesOf('communes'), ...sourcesOf('ev5')]) expect(text).toContain(s.producer);
    const hidden = sourcesOf('cites').filter((s) => ![...sourcesOf('communes'), ...sourcesOf('ev5')].some((v) => v.producer === s.producer));
    expect(hidden.length).toBeGreaterThan(0);
    for (const s of hidden) expect(text).not.toContain(s.producer);
    expect(text).toMatch(/ODbL/);
    const openBox = (await attribution.boundingBox())!;
    expect(openBox.height).toBeGreaterThan(closedBox.height + 20);
    await h.page.keyboard.press('Escape');
    await expect.poll(() => list.isVisible()).toBe(false);
    expect(await h.page.evaluate(() => document.activeElement?.classList.contains('attribution-toggle'))).toBe(true);

    // The panel's full credits: every source of this build.
    const all = (await h.page.locator('.all-sources').textContent()) ?? '';
    for (const s of catalog.sources.filter((s) => s.origin !== 'absente')) expect(all).toContain(s.producer);
    harnesses.splice(harnesses.indexOf(h), 1);
    await h.close();
  });
});
