// Coordinates readout: the cursor's position in Lambert-93 metres inside the CALL, a choice kept
// after a reload, « Copier les coordonnées » by keyboard putting the readout's text on the
// clipboard and announcing it; on a touch phone at 320 px the map centre is shown (and said), beside
// the scale bar without covering it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAtlas, projectToPage, startHarness, waitIdle, type Harness } from './harness';
import { axeViolations, describeViolations } from './axe';

/** The machine is shared and slow: lazy chunks and the worker may take seconds. */
const WAIT = { timeout: 30_000 };

const value = (h: Harness) => h.page.locator('[data-coords-value]').innerText();
/** "X 688 053 m Y 7 037 188 m" → [688053, 7037188]. */
function metres(text: string): [number, number] {
  const m = /^X ([\d\s\u202f]+) m Y ([\d\s\u202f]+) m$/.exec(text.trim());
  if (!m) throw new Error(`not Lambert-93 metres: ${JSON.stringify(text)}`);
  return [Number(m[1].replace(/\D/g, '')), Number(m[2].replace(/\D/g, ''))];
}

describe('coordinates readout (desktop)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ viewport: { width: 1366, height: 800 } });
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.baseUrl });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the cursor in Lambert-93 metres inside the CALL, remembers the choice, copies by keyboard', async () => {
    await openAtlas(h);
    const readout = h.page.getByRole('group', { name: 'Coordonnées' });
    // WGS 84 by default, the map centre until the cursor comes over the map.
    await expect.poll(() => value(h), WAIT).toMatch(/^50,\d{5}° N [23],\d{5}° E$/);
    expect(await readout.locator('.coords-source').innerText()).toBe('Centre de la carte');

    await readout.getByLabel('Système des coordonnées affichées').selectOption('EPSG:2154');
    const lens = await projectToPage(h.page, [2.83, 50.43]);
    await h.page.mouse.move(lens.x, lens.y);
    await expect.poll(() => readout.locator('.coords-source').innerText(), WAIT).toBe('Curseur');
    await expect.poll(() => value(h), WAIT).toMatch(/^X /);
    const [x, y] = metres(await value(h));
    // Lambert-93 of 2.83° E 50.43° N is X 687 903, Y 7 036 955 (gdaltransform); a pixel is ~20 m here.
    expect(x).toBeGreaterThan(660_000);
    expect(x).toBeLessThan(705_000);
    expect(y).toBeGreaterThan(7_020_000);
    expect(y).toBeLessThan(7_050_000);
    expect(Math.abs(x - 687_903)).toBeLessThan(200);
    expect(Math.abs(y - 7_036_955)).toBeLessThan(200);

    // Not a live region itself: a screen reader hears the copy, not every mouse move.
    expect(await readout.locator('[aria-live]').count()).toBe(1);
    expect(await readout.locator('.coords-text').getAttribute('aria-live')).toBeNull();

    // The copy button by keyboard: the cursor leaves the map first (the centre is then copied).
    await h.page.mouse.move(1, 1);
    await expect.poll(() => readout.locator('.coords-source').innerText(), WAIT).toBe('Centre de la carte');
    const shown = await value(h);
    const button = readout.getByRole('button', { name: 'Copier les coordonnées' });
    await button.focus();
    await h.page.keyboard.press('Enter');
    const expected = shown.replace(/[\u202f\u00a0]/g, ' ');
    await expect.poll(() => h.page.evaluate(() => navigator.clipboard.readText()), WAIT).toBe(expected);
    await expect.poll(() => readout.locator('[role="status"]').innerText(), WAIT).toBe(`Coordonnées copiées : ${expected}`);

    const violations = await axeViolations(h.page, '.coords');
    expect(violations, describeViolations(violations)).toEqual([]);
    await readout.screenshot({ path: '/tmp/i18-coords-1366.png' });
    await h.page.screenshot({ path: '/tmp/i18-map-1366.png' });

    // Reload: Lambert-93 is still the choice.
    await openAtlas(h);
    expect(await h.page.getByLabel('Système des coordonnées affichées').inputValue()).toBe('EPSG:2154');
    await expect.poll(() => value(h), WAIT).toMatch(/^X \d/);
  });

  it('lists the measure’s vertices in the chosen system, each copyable, and all at once', async () => {
    // Lambert-93 is still the choice (previous case): the vertices follow it.
    await h.page.getByRole('tab', { name: 'Atelier' }).click();
    await h.page.getByRole('button', { name: 'Mesurer une distance' }).click();
    const addCentre = h.page.getByRole('button', { name: 'Ajouter le centre de la carte' });
    await h.page.evaluate(() => window.__atlas!.map.jumpTo({ center: [2.84, 50.43] }));
    await waitIdle(h.page);
    await addCentre.click();
    await expect.poll(() => h.page.locator('[data-vertex]').count(), WAIT).toBe(1);
    await h.page.evaluate(() => window.__atlas!.map.jumpTo({ center: [2.78, 50.42] }));
    await waitIdle(h.page);
    await addCentre.click();
    const vertices = h.page.getByRole('list', { name: /^Sommets \(Lambert-93/ });
    await expect.poll(() => vertices.locator('li').count(), WAIT).toBe(2);
    const texts = await vertices.locator('[data-vertex]').allInnerTexts();
    const points = texts.map(metres);
    for (const [x, y] of points) {
      expect(x).toBeGreaterThan(660_000);
      expect(x).toBeLessThan(705_000);
      expect(y).toBeGreaterThan(7_020_000);
      expect(y).toBeLessThan(7_050_000);
    }
    // 2.78° E is west of 2.84° E: a smaller X.
    expect(points[1][0]).toBeLessThan(points[0][0]);
    await vertices.getByRole('button', { name: 'Copier le sommet 2' }).click();
    const plain = (t: string) => t.replace(/[\u202f\u00a0]/g, ' ');
    await expect.poll(() => h.page.evaluate(() => navigator.clipboard.readText()), WAIT).toBe(plain(texts[1]));
    await h.page.getByRole('button', { name: 'Copier tous les sommets' }).click();
    await expect.poll(() => h.page.evaluate(() => navigator.clipboard.readText()), WAIT).toBe(texts.map(plain).join('\n'));
    const violations = await axeViolations(h.page, '.wb-vertices');
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});

describe('coordinates readout (touch phone, 320 px)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ viewport: { width: 320, height: 640 }, touch: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the map centre, says so, and sits beside the scale bar without covering it', async () => {
    await openAtlas(h);
    await waitIdle(h.page);
    // Folded at first on a phone: one button, no wider than a third of the map, not covering the scale.
    const toggle = h.page.getByRole('button', { name: 'Coordonnées', exact: true });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await h.page.locator('[data-coords-value]').count()).toBe(0);
    const folded = (await h.page.locator('.coords').boundingBox())!;
    expect(folded.width).toBeLessThan(320 / 3);
    await toggle.tap();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const readout = h.page.locator('.coords');
    await expect.poll(() => readout.locator('.coords-source').innerText(), WAIT).toBe('Centre de la carte');
    await expect.poll(() => value(h), WAIT).toMatch(/^50,\d{5}° N [23],\d{5}° E$/);
    const boxes = await h.page.evaluate(() => {
      const box = (s: string) => {
        const r = document.querySelector(s)!.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      };
      return { coords: box('.coords'), scale: box('.maplibregl-ctrl-scale'), map: box('.map'), credits: box('.attribution') };
    });
    const overlap = (a: typeof boxes.coords, b: typeof boxes.coords) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    expect(overlap(boxes.coords, boxes.scale)).toBe(false);
    // Nor the closed credits at the bottom-right.
    expect(overlap(boxes.coords, boxes.credits)).toBe(false);
    expect(boxes.coords.right).toBeLessThanOrEqual(boxes.map.right);
    expect(boxes.coords.left).toBeGreaterThanOrEqual(boxes.map.left);
    await h.page.screenshot({ path: '/tmp/i18-map-320.png' });
  });
});
