// Nothing lost: with a saved workspace, the page is killed in the middle of a large import, of an
// analysis (buffer + intersect), and while the imported layer is being written to IndexedDB.
// Reopened, the workspace is exactly what was saved before: the same items, each with its data,
// and no half-written item (the raw stores are read, not only what the app chooses to list).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedParcels } from '../../scripts/bench/generate';
import { WORKSPACE_DB_NAME } from '../../src/app/workbench/store/workspace-db';
import { openAtlas, startHarness, type Harness } from './harness';

interface RawWorkspace {
  items: { key: string; name: string }[];
  donnees: { key: string; bytes: number }[];
}

let h: Harness;
let dir: string;
let saved: RawWorkspace;
let writing: () => void = () => undefined;
let kills = 0;

/** The workspace database as stored, both object stores. */
function rawWorkspace(): Promise<RawWorkspace> {
  return h.page.evaluate(
    (name) =>
      new Promise<RawWorkspace>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['items', 'donnees']);
          const items = tx.objectStore('items').getAll();
          const dataKeys = tx.objectStore('donnees').getAllKeys();
          const data = tx.objectStore('donnees').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve({
              items: (items.result as { id: string; name: string }[])
                .map((i) => ({ key: i.id, name: i.name }))
                .sort((a, b) => a.key.localeCompare(b.key)),
              donnees: (dataKeys.result as string[])
                .map((key, i) => ({ key, bytes: (data.result[i] as ArrayBuffer | Uint8Array).byteLength }))
                .sort((a, b) => a.key.localeCompare(b.key)),
            });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    WORKSPACE_DB_NAME,
  );
}

const items = () => h.page.locator('.wb-item');

async function openWorkbench(): Promise<void> {
  await openAtlas(h);
  await h.page.getByRole('tab', { name: 'Atelier' }).click();
}

/** Kills the page: renderer crash (as an out-of-memory tab) or closed without unload handlers. */
async function kill(how: 'crash' | 'close'): Promise<void> {
  const page = h.page;
  if (how === 'crash') {
    const cdp = await h.context.newCDPSession(page);
    const crashed = page.waitForEvent('crash');
    // Page.crash never answers: the renderer is gone.
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;
    await page.close().catch(() => undefined);
  } else {
    await page.close({ runBeforeUnload: false });
  }
  kills++;
  h.page = await h.context.newPage();
}

/** Reopened: the same stored items and data as saved, and the app lists them. */
async function expectIntact(): Promise<void> {
  await openWorkbench();
  await expect.poll(() => items().count(), { timeout: 30_000 }).toBe(saved.items.length);
  expect(await rawWorkspace()).toEqual(saved);
  expect(await h.page.locator('.wb-item-name').allInnerTexts()).toEqual(saved.items.map((i) => i.name));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-perte-'));
  h = await startHarness({ viewport: { width: 960, height: 640 } });
  // Called by the page when a layer's bytes are handed to IndexedDB; the transaction is then kept
  // open (a chain of reads) so that it cannot commit before the page is killed.
  await h.context.exposeBinding('__atlasWriting', () => writing());
  await h.context.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const request = put.apply(this, args);
      const w = window as unknown as { __atlasKillOnWrite?: boolean; __atlasWriting: () => void };
      if (this.name === 'donnees' && w.__atlasKillOnWrite) {
        // Keeps the transaction open with chained reads until the page is killed.
        const keepOpen = (store: IDBObjectStore) => {
          store.get('__garde').onsuccess = () => keepOpen(store);
        };
        keepOpen(this);
        w.__atlasWriting();
      }
      return request;
    };
  });
}, 180_000);

afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Rien ne se perd', () => {
  it('enregistre une couche dans l’espace de travail', async () => {
    await openWorkbench();
    const corridor = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { nom: 'Corridor' },
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
    await h.page
      .locator('#wb-fichiers')
      .setInputFiles({ name: 'corridor.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(corridor)) });
    await expect.poll(() => items().count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(async () => (await rawWorkspace()).donnees.length).toBe(1);
    saved = await rawWorkspace();
    expect(saved.items).toEqual([{ key: saved.donnees[0].key, name: 'corridor' }]);
  });

  it('page plantée au milieu de l’import d’un gros fichier : l’espace de travail est intact', async () => {
    const big = join(dir, 'parcelles.geojson');
    writeFileSync(big, JSON.stringify({ type: 'FeatureCollection', features: generatedParcels(80_000) }));
    await h.page.locator('#wb-fichiers').setInputFiles(big);
    await h.page.locator('.wb-job').waitFor({ timeout: 30_000 });
    await kill('crash');
    await expectIntact();
  });

  it('page fermée au milieu d’une analyse (zone tampon + croisements) : intact', async () => {
    await items().first().getByRole('button', { name: 'Analyser' }).click();
    await h.page.getByLabel('Distance (mètres)').fill('50000');
    await h.page.getByRole('button', { name: 'Calculer la zone tampon et les croisements' }).click();
    await h.page.locator('.wb-job').waitFor({ timeout: 30_000 });
    await kill('close');
    await expectIntact();
  });

  it('page plantée pendant l’écriture de la couche importée : aucune couche à moitié écrite', async () => {
    const reached = new Promise<void>((resolve) => (writing = resolve));
    await h.page.evaluate(() => ((window as unknown as { __atlasKillOnWrite: boolean }).__atlasKillOnWrite = true));
    const file = { type: 'FeatureCollection', features: generatedParcels(5_000) };
    await h.page
      .locator('#wb-fichiers')
      .setInputFiles({ name: 'moyen.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(file)) });
    await reached; // the item and its bytes are in an open transaction
    await kill('crash');
    await expectIntact();
    expect(kills).toBe(3);
  });
});
