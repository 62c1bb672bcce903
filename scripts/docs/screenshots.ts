// `npm run screenshots`: PNGs of the main views of the built app (dist/) in headless Chromium, for
// the README and docs/ — and for looking at what a change does to the map before committing it.
// `npm run screenshots -- story phone` renders only the views whose file name contains a word given.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DIST, openAtlas, ROOT, startHarness, waitIdle, type HarnessOptions } from '../../tests/browser/harness';

interface View {
  file: string;
  what: string;
  hash: string;
  options: HarnessOptions;
  /** Full page without the map: wait for this selector instead of the map's idle. */
  waitFor?: string;
  /** What to do once the view is open, before the picture. */
  then?: (page: Page) => Promise<void>;
}

const DESKTOP = { viewport: { width: 1366, height: 800 } };
const PHONE = { viewport: { width: 375, height: 700 }, touch: true };

/**
 * The story's chapter nearest the middle whose map draws a thematic layer (not only the communes),
 * reached as a reader would: its link in the chapter list.
 */
async function middleChapter(page: Page): Promise<void> {
  const index = await page.evaluate(`(() => {
    const chapters = [...document.querySelectorAll('.story-chapter')];
    const context = ['Communes', 'Territoire de la CALL'];
    const thematic = chapters
      .map((c, i) => ({ i, shown: [...c.querySelectorAll('.story-on-map li')].map((li) => li.textContent) }))
      .filter((c) => c.shown.some((t) => !context.some((x) => t.startsWith(x)) && !/pas de géométrie| 0 objet/.test(t)));
    const middle = chapters.length / 2;
    return thematic.sort((a, b) => Math.abs(a.i - middle) - Math.abs(b.i - middle))[0]?.i ?? Math.floor(middle);
  })()`);
  await page.locator('.story-nav a').nth(Number(index)).click();
  await page.waitForFunction(() => /chapitre=/.test(location.hash));
  // The camera's flight, then the map's idle.
  await page.waitForTimeout(1500);
  await waitIdle(page);
}

export const VIEWS: View[] = [
  { file: 'first-view.png', what: 'première visite, 1366 × 800', hash: '', options: DESKTOP },
  { file: 'card.png', what: 'fiche « EuroVélo 5 » ouverte', hash: '#fiche=ev5', options: DESKTOP },
  {
    file: 'cards-page.png',
    what: 'fiches du rapport, page sans carte',
    hash: '#fiches',
    options: DESKTOP,
    waitFor: '.cards-page h1, .cards-page h2',
  },
  {
    file: 'slide.png',
    what: 'présentation du rapport, diapositive 3',
    hash: '#presentation=rapport&diapo=3',
    options: DESKTOP,
    then: async (page) => {
      await page.waitForSelector('.slide-panel');
      await waitIdle(page);
    },
  },
  {
    file: 'story.png',
    what: 'récit du rapport, le chapitre à couche thématique le plus proche du milieu',
    hash: '#recit',
    options: DESKTOP,
    then: middleChapter,
  },
  { file: 'phone.png', what: 'téléphone, 375 × 700', hash: '', options: PHONE },
  {
    file: 'phone-menu.png',
    what: 'téléphone, menu ouvert',
    hash: '',
    options: PHONE,
    then: async (page) => {
      await page.locator('.menu-toggle').tap();
      await page.waitForSelector('.header-actions .panel-toggle', { state: 'visible' });
    },
  },
  { file: 'story-phone.png', what: 'récit sur un téléphone', hash: '#recit', options: PHONE, then: middleChapter },
];

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error('dist/ absent : lancez « npm run build » avant « npm run screenshots ».');
    process.exit(1);
  }
  const out = join(ROOT, 'docs', 'screenshots');
  mkdirSync(out, { recursive: true });
  const wanted = process.argv.slice(2);
  for (const view of VIEWS.filter((v) => wanted.length === 0 || wanted.some((w) => v.file.includes(w)))) {
    const h = await startHarness(view.options);
    try {
      if (view.waitFor) {
        await h.page.goto(`${h.baseUrl}/${view.hash}`);
        await h.page.waitForSelector(view.waitFor, { timeout: 60_000 });
      } else {
        await openAtlas(h, view.hash);
        await waitIdle(h.page);
      }
      await view.then?.(h.page);
      await h.page.screenshot({ path: join(out, view.file) });
      console.log(`docs/screenshots/${view.file} : ${view.what}`);
    } finally {
      await h.close();
    }
  }
}

await main();
