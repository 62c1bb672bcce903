// The story (#recit): one chapter per report card in the report's order; reaching a chapter sets
// the map's camera (the card's features in view) and layers (the card's focus); the keyboard
// reaches every chapter; with reduced motion the camera jumps, otherwise it flies; the wheel over
// the map scrolls the story; axe finds nothing, best practices included; it loads offline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltCard } from '../../layers/cards';
import type { Bounds } from '../../layers/types';
import { reportOrder } from '../../src/app/cards/report-order';
import { cardFeatures, featuresBounds } from '../../src/app/cards/card-features';
import { focusVisibility } from '../../src/app/state/focus';
import { AXE_TAGS } from '../../src/app/a11y/statement';
import type { LayerData } from '../../src/app/data/useLayerData';
import { openAtlas, startHarness, waitIdle, type Harness } from './harness';
import { axeViolations, describeViolations, type AxeViolation } from './axe';
import { builtCards, builtCatalog, builtFeatures } from './built-data';

let h: Harness;
let chapters: BuiltCard[];
const data: LayerData = {};
const catalog = builtCatalog();
const drawable = new Set(catalog.layers.flatMap((l) => l.sublayers).flatMap((s) => (s.file ? [s.id] : [])));

beforeAll(async () => {
  chapters = reportOrder(builtCards().cards);
  for (const s of catalog.layers.flatMap((l) => l.sublayers))
    if (s.file) data[s.id] = { state: 'ok', features: await builtFeatures(s.file) } as LayerData[string];
  h = await startHarness({ viewport: { width: 1366, height: 800 } });
});

afterAll(async () => {
  await h?.close();
});

/** Chapters whose card has features on the map (their camera can be checked). */
const framed = () => chapters.filter((c) => featuresBounds(cardFeatures(c, data)) !== null);
const boundsOf = (c: BuiltCard): Bounds => featuresBounds(cardFeatures(c, data))!;

async function mapState() {
  return h.page.evaluate(() => {
    const map = window.__atlas!.map;
    const shown = map
      .getStyle()
      .layers.filter((l) => 'source' in l && typeof l.source === 'string' && l.source.startsWith('thematique:') && l.layout?.visibility !== 'none')
      .map((l) => (l as { source: string }).source.replace(/^thematique:/, '').replace(/:incertitude$/, ''));
    const c = map.getCenter();
    return { center: [c.lng, c.lat] as [number, number], moving: map.isMoving(), sublayers: [...new Set(shown)].sort() };
  });
}

const inside = ([x, y]: [number, number], [w, s, e, n]: Bounds) => x >= w && x <= e && y >= s && y <= n;
const focusOf = (c: BuiltCard) => [...focusVisibility(c).sublayers].filter((id) => drawable.has(id)).sort();

/**
 * Times the map's next movement from its start to its end: a jump starts and ends in the same
 * task (0 ms), a flight lasts its duration (600 ms, longer on a loaded machine, never shorter).
 */
async function timeNextMove(): Promise<void> {
  await h.page.evaluate(() => {
    const w = window as unknown as { __moveMs?: number | null };
    const map = window.__atlas!.map;
    w.__moveMs = null;
    map.once('movestart', () => {
      const start = performance.now();
      map.once('moveend', () => (w.__moveMs = performance.now() - start));
    });
  });
}
const moveMs = () => h.page.evaluate(() => (window as unknown as { __moveMs: number | null }).__moveMs);

/** Scrolls a chapter to the top of the reading column, as a reader's scrolling would. */
async function scrollTo(id: string): Promise<void> {
  await h.page.evaluate((id) => document.getElementById(`chapitre-${id}`)!.scrollIntoView({ block: 'start' }), id);
}

describe('Le récit (#recit)', () => {
  it('un chapitre par fiche, dans l’ordre du rapport (celui du jeu de diapositives), chacun avec son texte et ses citations', async () => {
    await h.page.emulateMedia({ reducedMotion: 'reduce' });
    await openAtlas(h, '#recit');
    const ids = await h.page.locator('.story-chapter').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.card));
    expect(ids).toEqual(chapters.map((c) => c.id));
    const withFigure = chapters.find((c) => c.figures.length > 0)!;
    const chapter = h.page.locator(`#chapitre-${withFigure.id}`);
    expect(await chapter.locator('h2').textContent()).toBe(withFigure.title);
    expect(await chapter.locator('.story-summary').textContent()).toBe(withFigure.summary);
    expect(await chapter.locator('blockquote').first().textContent()).toContain(withFigure.figures[0].quote);
    // Headings in order: h1 (the atlas), h2 per chapter, h3 inside.
    const levels = await h.page.locator('h1, h2, h3').evaluateAll((els) => els.map((e) => Number(e.tagName[1])));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1]).toBeLessThanOrEqual(1);
  });

  it('atteindre un chapitre règle sa caméra et ses couches ; avec le mouvement réduit, la caméra saute', async () => {
    const picks = framed();
    expect(picks.length).toBeGreaterThan(3);
    for (const c of [picks[0], picks[Math.floor(picks.length / 2)], picks[picks.length - 1]]) {
      await waitIdle(h.page);
      await timeNextMove();
      await scrollTo(c.id);
      await expect.poll(() => h.page.evaluate(() => location.hash)).toContain(`chapitre=${c.id}`);
      // No flight: right after the change, the map is already there.
      const now = await mapState();
      expect(now.moving, `${c.id}: the map moves`).toBe(false);
      expect(inside(now.center, boundsOf(c)), `${c.id}: centre ${now.center} outside ${boundsOf(c)}`).toBe(true);
      await waitIdle(h.page);
      expect(await moveMs(), `${c.id}: a jump takes no time`).toBeLessThan(100);
      expect((await mapState()).sublayers).toEqual(focusOf(c));
      expect(await h.page.locator('.story-nav a[aria-current="step"]').textContent()).toBe(c.title);
      // The text says what the map shows.
      expect(await h.page.locator(`#chapitre-${c.id} .story-on-map`).textContent()).toMatch(/mis en évidence/);
    }
  });

  it('sans préférence de mouvement, la caméra vole jusqu’au chapitre', async () => {
    await h.page.emulateMedia({ reducedMotion: 'no-preference' });
    const picks = framed();
    const target = picks[1];
    await waitIdle(h.page);
    await timeNextMove();
    await scrollTo(target.id);
    await expect.poll(() => h.page.evaluate(() => location.hash)).toContain(`chapitre=${target.id}`);
    await waitIdle(h.page);
    // A flight: the movement lasts (a jump takes no time).
    await expect.poll(moveMs).toBeGreaterThanOrEqual(500);
    await expect.poll(async () => inside((await mapState()).center, boundsOf(target))).toBe(true);
    await h.page.emulateMedia({ reducedMotion: 'reduce' });
  });

  it('au clavier, la liste des chapitres mène à chacun ; la molette sur la carte fait défiler le récit', async () => {
    await openAtlas(h, '#recit');
    const reached = new Set<string>();
    for (let i = 0; i < 400 && reached.size < chapters.length; i++) {
      await h.page.keyboard.press('Tab');
      const href = await h.page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href') ?? '');
      const m = /^#recit&chapitre=([a-z0-9-]+)$/.exec(href);
      if (m && (await h.page.evaluate(() => !!document.activeElement?.closest('.story-nav')))) reached.add(m[1]);
    }
    expect([...reached].sort()).toEqual(chapters.map((c) => c.id).sort());
    // Enter on the last one: its heading takes the focus and the chapter becomes the current one.
    const last = chapters[chapters.length - 1];
    await h.page.keyboard.press('Enter');
    await expect.poll(() => h.page.evaluate(() => document.activeElement?.id)).toBe(`chapitre-${last.id}-titre`);
    await expect.poll(() => h.page.evaluate(() => location.hash)).toContain(`chapitre=${last.id}`);

    // The map takes neither the wheel nor the keyboard: the story scrolls, the zoom stays.
    await h.page.evaluate(() => window.scrollTo(0, 0));
    const zoom = await h.page.evaluate(() => window.__atlas!.map.getZoom());
    const box = (await h.page.locator('.story-map').boundingBox())!;
    await h.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await h.page.mouse.wheel(0, 800);
    await expect.poll(() => h.page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    expect(await h.page.evaluate(() => window.__atlas!.map.getZoom())).toBeCloseTo(zoom, 5);
    expect(await h.page.locator('.story-map canvas').evaluate((c) => (c as HTMLCanvasElement).tabIndex)).toBe(-1);
  });

  it('axe : aucune violation, règles de bonnes pratiques comprises', async () => {
    await openAtlas(h, `#recit&chapitre=${framed()[0].id}`);
    await axeViolations(h.page); // injects axe
    const violations = await h.page.evaluate(
      async (tags) => {
        const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: AxeRaw[] }> } }).axe;
        type AxeRaw = { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };
        const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return result.violations.map((v) => ({
          rule: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: n.failureSummary ?? '' })),
        }));
      },
      [...AXE_TAGS, 'best-practice'],
    );
    expect(violations as AxeViolation[], describeViolations(violations)).toEqual([]);
  });
});

describe('Le récit hors ligne', () => {
  it('se recharge sans réseau ni serveur après une visite', async () => {
    const off = await startHarness({ serviceWorkers: 'allow', viewport: { width: 960, height: 640 } });
    try {
      await openAtlas(off);
      await off.page.locator('[data-hors-ligne="pret"]').waitFor({ timeout: 60_000 });
      await off.page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 30_000 });
      await off.stopServer();
      await off.context.setOffline(true);
      const target = framed()[0];
      await openAtlas(off, `#recit&chapitre=${target.id}`);
      expect(await off.page.locator('.story-chapter').count()).toBe(chapters.length);
      await expect.poll(() => off.page.locator('.story-nav a[aria-current="step"]').textContent()).toBe(target.title);
      await waitIdle(off.page);
      const visible = await off.page.evaluate(
        () =>
          window.__atlas!.map.getStyle().layers.filter((l) => 'source' in l && l.source === 'thematique:communes' && l.layout?.visibility !== 'none')
            .length,
      );
      expect(visible).toBeGreaterThan(0);
    } finally {
      await off.close();
    }
  });
});
