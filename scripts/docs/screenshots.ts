// `npm run screenshots`: PNGs of the main views of the built app (dist/) in headless Chromium, for
// the README and docs/ — and for looking at what a change does to the map before committing it.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, openAtlas, ROOT, startHarness, waitIdle, type HarnessOptions } from '../../tests/browser/harness';

interface View {
  file: string;
  what: string;
  hash: string;
  options: HarnessOptions;
}

const DESKTOP = { viewport: { width: 1366, height: 800 } };
const PHONE = { viewport: { width: 375, height: 700 }, touch: true };

export const VIEWS: View[] = [
  { file: 'first-view.png', what: 'première visite, 1366 × 800', hash: '', options: DESKTOP },
  { file: 'card.png', what: 'fiche « EuroVélo 5 » ouverte', hash: '#fiche=ev5', options: DESKTOP },
  { file: 'cards-page.png', what: 'fiches du rapport, page sans carte', hash: '#fiches', options: DESKTOP },
  { file: 'phone.png', what: 'téléphone, 375 × 700', hash: '', options: PHONE },
];

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error('dist/ absent : lancez « npm run build » avant « npm run screenshots ».');
    process.exit(1);
  }
  const out = join(ROOT, 'docs', 'screenshots');
  mkdirSync(out, { recursive: true });
  for (const view of VIEWS) {
    const h = await startHarness(view.options);
    try {
      if (view.hash.startsWith('#fiches')) {
        // A full page without the map: wait for its cards instead of the map's idle.
        await h.page.goto(`${h.baseUrl}/${view.hash}`);
        await h.page.waitForSelector('.cards-page h1, .cards-page h2', { timeout: 60_000 });
      } else {
        await openAtlas(h, view.hash);
        await waitIdle(h.page);
      }
      await h.page.screenshot({ path: join(out, view.file) });
      console.log(`docs/screenshots/${view.file} : ${view.what}`);
    } finally {
      await h.close();
    }
  }
}

await main();
