// The address and the app: an address changed under the running app (pasted, or rewritten by other
// code, while the camera moves and the app rewrites its own address) is followed, never overwritten
// by the app's next write (src/app/state/useAddressSync.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAtlas, startHarness, type Harness } from './harness';
import { hashParams, settle } from './present-helpers';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 960, height: 640 } });
});

afterAll(async () => {
  await h?.close();
});

const PASTED = '#carte=12.00/50.40000/2.80000&couches=communes,ev5&sous-couches=communes,territoire,ev5-troncons&fond=ign-gris';

async function expectPastedView(): Promise<void> {
  await expect.poll(async () => (await hashParams(h.page)).fond, { timeout: 20_000 }).toBe('ign-gris');
  await settle(h.page);
  const params = await hashParams(h.page);
  expect(params.couches).toBe('communes,ev5');
  expect(params['sous-couches']).toBe('communes,territoire,ev5-troncons');
  expect(await h.page.getByRole('radio', { name: /^Plan IGN gris/, includeHidden: true }).isChecked()).toBe(true);
  expect(await h.page.getByRole('checkbox', { name: 'EuroVelo 5', exact: true, includeHidden: true }).isChecked()).toBe(true);
  const zoom = await h.page.evaluate(() => window.__atlas!.map.getZoom());
  expect(zoom).toBeCloseTo(12, 1);
}

describe('adresse changée sous l’application', () => {
  it('une adresse réécrite pendant que la carte bouge est suivie, pas écrasée', async () => {
    await openAtlas(h, '#carte=11.00/50.43000/2.83000');
    // The address changes without the browser's event having been handled yet, then the camera moves
    // (the app re-renders and writes its address): the old code wrote its own view over the new one.
    await h.page.evaluate((hash) => {
      window.history.replaceState(window.history.state, '', hash);
      window.__atlas!.map.panBy([60, 0], { animate: false });
    }, PASTED);
    await expectPastedView();
  });

  it('une adresse collée pendant un vol de la caméra est suivie', async () => {
    await openAtlas(h, '#carte=10.00/50.43000/2.83000');
    // Pasted on the third frame of a 4 s flight: the flight goes on moving the camera after it.
    await h.page.evaluate(
      (hash) =>
        new Promise<void>((done) => {
          const map = window.__atlas!.map;
          let frames = 0;
          const onMove = () => {
            if (++frames < 3) return;
            map.off('move', onMove);
            window.location.hash = hash;
            done();
          };
          map.on('move', onMove);
          map.flyTo({ center: [2.9, 50.45], zoom: 13, duration: 4000, essential: true });
        }),
      PASTED,
    );
    await expectPastedView();
    // The IGN basemap's tiles cannot load here (no network): nothing else may fail.
    expect(h.consoleErrors.filter((e) => !e.includes('https://data.geopf.fr/') && !e.includes('net::ERR_NAME_NOT_RESOLVED'))).toEqual([]);
  });
});
