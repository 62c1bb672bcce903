// « Ma commune » offline: after a first visit (service worker installed, data precached), a
// commune's page opens with neither network nor server, its profiles and map read from the cache.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAtlas, startHarness, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ serviceWorkers: 'allow', viewport: { width: 1280, height: 900 } });
}, 120_000);
afterAll(async () => h?.close());

describe('« Ma commune » hors ligne', () => {
  it('opens #commune=62498 without network nor server, from the precached communes.json', async () => {
    await openAtlas(h);
    await h.page.locator('[data-hors-ligne="pret"]').waitFor({ timeout: 60_000 });
    await h.page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 30_000 });
    await h.stopServer();
    await h.context.setOffline(true);
    const fromWorker: string[] = [];
    h.page.on('response', (r) => {
      if (r.fromServiceWorker()) fromWorker.push(new URL(r.url()).pathname);
    });
    await h.page.goto('about:blank');
    await h.page.goto(`${h.baseUrl}/#commune=62498`);
    await h.page.locator('#commune-titre').waitFor({ timeout: 60_000 });
    expect(await h.page.evaluate(() => navigator.onLine)).toBe(false);
    expect(fromWorker).toContain('/data/communes.json');
    expect(await h.page.locator('.commune-figures tr[data-figure="ev5"] > :nth-child(2)').textContent()).toBe('7,5 km');
    await expect.poll(() => h.page.locator('.commune-map-svg path').count(), { timeout: 30_000 }).toBeGreaterThan(36);
  });
});
