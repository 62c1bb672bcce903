// The built atlas under its Content-Security-Policy, served by the real preview server with the
// header: map, online basemap, a card, the workbench (its worker reads the file), a deck file
// (validated without eval), presentation and PNG export all work, and the browser reports no
// violation (securitypolicyviolation events in the page, CSP messages in the console).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../scripts/deploy/headers';
import { openAtlas, startHarness, waitIdle, type Harness } from './harness';
import { encodeSolidPng } from './png';
import { builtCards } from './built-data';

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  sample: string;
}

let h: Harness;
const violations: Violation[] = [];
const cspMessages = () => h.consoleErrors.filter((m) => /Content Security Policy|Refused to/i.test(m));

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 960, height: 640 } });
  // Reported through a binding: the page's own storage is reset by every navigation.
  await h.context.exposeBinding('__atlasCspViolation', (_source, v: Violation) => void violations.push(v));
  await h.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __atlasCspViolation: (v: unknown) => void }).__atlasCspViolation;
      report({ directive: e.violatedDirective, blocked: e.blockedURI, source: `${e.sourceFile}:${e.lineNumber}`, sample: e.sample });
    });
  });
  // Online basemap tiles are answered locally: nothing leaves the machine, CSP still checks the host.
  const tile = encodeSolidPng(256, 256, [200, 210, 220]);
  await h.context.route(
    (url) => url.hostname !== '127.0.0.1' && url.protocol.startsWith('http'),
    (route) => route.fulfill({ status: 200, contentType: 'image/png', body: tile }),
  );
});

afterAll(async () => {
  await h?.close();
});

const clean = () => {
  expect(violations).toEqual([]);
  expect(cspMessages()).toEqual([]);
};

describe('Content-Security-Policy', () => {
  it('sert l’atlas avec la politique stricte, sans script en ligne, et la carte s’affiche', async () => {
    const response = await fetch(`${h.baseUrl}/`);
    const policy = response.headers.get('content-security-policy');
    expect(policy).toBe(contentSecurityPolicy());
    expect(policy).not.toMatch(/unsafe-(eval|inline)|wasm-unsafe-eval/);
    expect(await response.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    await h.page.emulateMedia({ reducedMotion: 'reduce' }); // camera jumps: shorter test
    await openAtlas(h, '#carte=11.00/50.43000/2.80000');
    clean();
    // The watch works: an injected inline script is refused, does not run, and is reported.
    await h.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
    });
    await expect.poll(() => violations.length).toBe(1);
    expect(violations[0].directive).toBe('script-src-elem');
    expect(await h.page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
    violations.length = 0;
    h.consoleErrors.length = 0;
  });

  it('charge un fond en ligne (hôte autorisé) et ouvre une fiche du rapport', async () => {
    await h.page.getByRole('radio', { name: /^OpenStreetMap/ }).check();
    await waitIdle(h.page);
    expect(h.requests.some((u) => u.startsWith('https://tile.openstreetmap.org/'))).toBe(true);
    const card = builtCards().cards[0];
    await h.page.evaluate((id) => (window.location.hash = `fiche=${id}`), card.id);
    await expect.poll(() => h.page.locator('.card-view h2').first().textContent()).toBe(card.title);
    clean();
  });

  it('importe un fichier dans le worker de l’atelier', async () => {
    const corridor = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { nom: 'Tracé' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [2.78, 50.42],
              [2.83, 50.43],
            ],
          },
        },
      ],
    };
    await h.page.getByRole('tab', { name: 'Atelier' }).click();
    await h.page
      .locator('#wb-fichiers')
      .setInputFiles({ name: 'trace.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(corridor)) });
    const items = h.page.locator('.wb-item');
    await expect.poll(() => items.count(), { timeout: 60_000 }).toBe(1);
    expect(await items.first().innerText()).toContain('1 entité');
    clean();
  });

  it('lit un fichier de jeu (validé sans eval) et présente', async () => {
    await h.page.getByRole('button', { name: 'Présenter', exact: true }).first().click();
    const dialog = h.page.locator('dialog.decks-dialog');
    await dialog.waitFor();
    const deck = { type: 'atlas-lens-lievin/jeu-de-diapositives', version: 1, deck: { title: 'Jeu', slides: [{ kind: 'vue', title: 1 }] } };
    await dialog
      .locator('.deck-list input[type="file"]')
      .setInputFiles({ name: 'jeu.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(deck)) });
    await expect
      .poll(() => h.page.locator('[data-erreur="import"]').textContent())
      .toMatch(/^Le fichier « jeu\.json » n’est pas un jeu de diapositives valide/);
    await dialog.locator('[data-jeu="rapport"]').getByRole('button', { name: 'Présenter' }).click();
    await h.page.locator('.slide-panel[data-diapo="1"]').waitFor({ timeout: 15_000 });
    await h.page.keyboard.press('Escape');

    // The PNG export runs under the same policy in present-export.test.ts, whose console must stay clean.
    clean();
  });
});
