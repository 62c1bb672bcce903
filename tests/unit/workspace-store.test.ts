// The IndexedDB workspace against fake-indexeddb: a fresh factory per test, so tests share nothing.
import 'fake-indexeddb/auto'; // globals (IDBObjectStore…) that idb's wrappers test with instanceof
import { IDBFactory } from 'fake-indexeddb';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GeoFeature } from '../../layers/types';
import { writeFlatGeobuf } from '../../src/core/fgb/write';
import { isQuotaError } from '../../src/app/workbench/store/errors';
import { openWorkspace, WORKSPACE_DB_NAME, WorkspaceStorageError, type StorageManagerLike } from '../../src/app/workbench/store/workspace-db';
import type { WorkspaceItem } from '../../src/core/types';

const FEATURES: GeoFeature[] = [
  { type: 'Feature', geometry: { type: 'Point', coordinates: [2.8312, 50.4322] }, properties: { nom: 'Fosse 11/19' } },
  {
    type: 'Feature',
    geometry: {
      type: 'LineString',
      coordinates: [
        [2.82, 50.43],
        [2.85, 50.44],
      ],
    },
    properties: { nom: 'Cavalier' },
  },
];
const FGB = writeFlatGeobuf(FEATURES, { name: 'test' });

function item(id: string, order: number, extra: Partial<WorkspaceItem> = {}): WorkspaceItem {
  return {
    id,
    kind: 'import',
    name: `Couche ${id}`,
    colour: [214, 39, 135],
    opacity: 0.85,
    order,
    visible: true,
    createdAt: '2026-03-14T09:00:00.000Z',
    featureCount: 2,
    geometryTypes: { Point: 1, LineString: 1 },
    bounds: [2.82, 50.43, 2.85, 50.44],
    propertyNames: ['nom'],
    credits: [{ producer: 'Fichier importé « a.geojson »', date: '2026-03-14', licence: 'selon le fichier source', attribution: 'a.geojson' }],
    ...extra,
  };
}

const FULL_DISK: StorageManagerLike = {
  estimate: async () => ({ usage: 52_400_000, quota: 53_000_000 }),
  persist: async () => true,
};

/** A second, plain connection to look at what is really stored. */
function rawDb(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(WORKSPACE_DB_NAME);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function rawKeys(factory: IDBFactory): Promise<{ items: IDBValidKey[]; donnees: IDBValidKey[] }> {
  const db = await rawDb(factory);
  const tx = db.transaction(['items', 'donnees']);
  const keys = (store: string) =>
    new Promise<IDBValidKey[]>((resolve) => {
      const r = tx.objectStore(store).getAllKeys();
      r.onsuccess = () => resolve(r.result);
    });
  const result = { items: await keys('items'), donnees: await keys('donnees') };
  db.close();
  return result;
}

async function rawPut(factory: IDBFactory, store: string, value: unknown, key?: string): Promise<void> {
  const db = await rawDb(factory);
  const tx = db.transaction(store, 'readwrite');
  tx.objectStore(store).put(value, key);
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('workspace store', () => {
  it('stores an item and its FlatGeobuf bytes, and reads them back', async () => {
    const ws = await openWorkspace(new IDBFactory(), null);
    await ws.put(item('a', 1), FGB);
    const { items, problems } = await ws.list();
    expect(problems).toEqual([]);
    expect(items).toEqual([item('a', 1)]);
    expect(await ws.get('a')).toEqual(item('a', 1));
    const bytes = await ws.getData('a');
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes!]).toEqual([...FGB]);
    const names: unknown[] = [];
    for await (const f of deserialize(bytes!)) names.push(f.properties?.nom);
    expect(names.sort()).toEqual(['Cavalier', 'Fosse 11/19']);
    expect(await ws.get('absent')).toBeNull();
    expect(await ws.getData('absent')).toBeNull();
    ws.close();
  });

  it('stores only the bytes of a view, not its whole buffer', async () => {
    const ws = await openWorkspace(new IDBFactory(), null);
    const padded = new Uint8Array(FGB.length + 20);
    padded.set(FGB, 10);
    await ws.put(item('a', 1), padded.subarray(10, 10 + FGB.length));
    expect((await ws.getData('a'))?.byteLength).toBe(FGB.length);
  });

  it('lists by drawing order and survives close and reopen', async () => {
    const factory = new IDBFactory();
    const ws = await openWorkspace(factory, null);
    await ws.put(item('c', 3), FGB);
    await ws.put(item('a', 1), FGB);
    await ws.put(item('b', 2), FGB);
    ws.close();
    const again = await openWorkspace(factory, null);
    expect((await again.list()).items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });

  it('updates metadata only', async () => {
    const ws = await openWorkspace(new IDBFactory(), null);
    await ws.put(item('a', 1), FGB);
    const changed = {
      ...item('a', 5),
      name: 'Renommée',
      opacity: 0.3,
      visible: false,
      colour: [0, 121, 140] as WorkspaceItem['colour'],
      featureCount: 999,
    };
    expect(await ws.update(changed)).toBe(true);
    expect(await ws.get('a')).toEqual({ ...item('a', 5), name: 'Renommée', opacity: 0.3, visible: false, colour: [0, 121, 140] });
    expect(await ws.update({ id: 'a', order: 7 })).toBe(true);
    expect((await ws.get('a'))?.order).toBe(7);
    expect(await ws.update({ id: 'absent', name: 'x' })).toBe(false);
    await expect(ws.update({ id: 'a', opacity: 2 })).rejects.toMatchObject({ code: 'inconnu' });
    expect((await ws.get('a'))?.opacity).toBe(0.3);
    expect([...(await ws.getData('a'))!]).toEqual([...FGB]);
  });

  it('removes an item from both stores, and clears everything', async () => {
    const factory = new IDBFactory();
    const ws = await openWorkspace(factory, null);
    await ws.put(item('a', 1), FGB);
    await ws.put(item('b', 2), FGB);
    await ws.remove('a');
    expect(await rawKeys(factory)).toEqual({ items: ['b'], donnees: ['b'] });
    await ws.clear();
    expect(await rawKeys(factory)).toEqual({ items: [], donnees: [] });
    expect(await ws.list()).toEqual({ items: [], problems: [] });
  });

  it('skips and reports corrupt records and items whose data is missing', async () => {
    const factory = new IDBFactory();
    const ws = await openWorkspace(factory, null);
    await ws.put(item('a', 1), FGB);
    await rawPut(factory, 'items', { id: 'cassee', name: 'Cassée', colour: 'rouge' });
    await rawPut(factory, 'items', item('orpheline', 2));
    await rawPut(factory, 'items', { ...item('z', 3), kind: 'autre' });
    await rawPut(factory, 'donnees', 'pas des octets', 'z');
    const { items, problems } = await ws.list();
    expect(items.map((i) => i.id)).toEqual(['a']);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/illisible \(« Cassée », champ « kind »\) : il a été ignoré/);
    expect(problems[1]).toMatch(/Les données de « Couche orpheline » manquent/);
    await expect(ws.get('cassee')).rejects.toMatchObject({ code: 'corrompu' });
    await expect(ws.getData('z')).rejects.toMatchObject({ code: 'corrompu' });
  });
});

describe('workspace store failures', () => {
  /** Makes the browser's write of the data fail at commit, as a full disk does. */
  function failWrites(storeName: string, inRequest: boolean) {
    const original = IDBObjectStore.prototype.put;
    return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (this.name !== storeName) return original.call(this, value, key);
      if (!inRequest) throw new DOMException('Quota dépassé', 'QuotaExceededError');
      // Asynchronous failure: the request errors and the transaction aborts with its error.
      const raw = (this as unknown as { _rawObjectStore: { storeRecord: () => void } })._rawObjectStore;
      raw.storeRecord = () => {
        throw new DOMException('Quota dépassé', 'QuotaExceededError');
      };
      try {
        return original.call(this, value, key);
      } finally {
        delete (raw as { storeRecord?: unknown }).storeRecord; // back to the prototype's method
      }
    });
  }

  it.each([
    ['inside the transaction', true],
    ['synchronously', false],
  ])('reports a full disk (%s) and writes no half layer', async (_label, inRequest) => {
    const factory = new IDBFactory();
    const ws = await openWorkspace(factory, FULL_DISK);
    await ws.put(item('a', 1), FGB);
    failWrites('donnees', inRequest);
    const failure = await ws.put(item('b', 2), FGB).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(WorkspaceStorageError);
    const error = failure as WorkspaceStorageError;
    expect(error.code).toBe('quota');
    expect(error.message).toContain("L'espace de stockage du navigateur pour ce site est plein (52 Mo utilisés sur 53 Mo autorisés)");
    expect(error.message).toContain("La couche « Couche b » n'a pas été enregistrée ; le reste de l'espace de travail est intact");
    expect(error.message).toContain("Supprimez des résultats d'analyse ou d'anciens imports");
    vi.restoreAllMocks();
    expect(await rawKeys(factory)).toEqual({ items: ['a'], donnees: ['a'] });
    expect((await ws.list()).items).toEqual([item('a', 1)]);
    expect([...(await ws.getData('a'))!]).toEqual([...FGB]);
  });

  it('says the workspace lasts for the session only when IndexedDB is refused', async () => {
    const refusing = {
      open: () => {
        throw new DOMException('refusé', 'InvalidStateError');
      },
    } as unknown as IDBFactory;
    const error = await openWorkspace(refusing, null).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'indisponible' });
    expect((error as Error).message).toMatch(/cette session seulement et ne survivra pas à un rechargement/);

    const factory = new IDBFactory(); // a newer schema than ours: open fails with VersionError
    await new Promise((resolve) => (factory.open(WORKSPACE_DB_NAME, 5).onsuccess = (e) => resolve((e.target as IDBOpenDBRequest).result.close())));
    await expect(openWorkspace(factory, null)).rejects.toMatchObject({ code: 'indisponible' });
  });

  it('recognises quota errors from every browser', () => {
    expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError(new DOMException('x', 'AbortError'), new DOMException('x', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'Error', code: 22 })).toBe(true);
    expect(isQuotaError(new DOMException('x', 'AbortError'), null)).toBe(false);
    expect(isQuotaError(new Error('autre'))).toBe(false);
  });

  it('estimates usage and asks for persistence when the browser can', async () => {
    const ws = await openWorkspace(new IDBFactory(), FULL_DISK);
    expect(await ws.estimate()).toEqual({ usage: 52_400_000, quota: 53_000_000 });
    expect(await ws.persist()).toBe(true);
    const bare = await openWorkspace(new IDBFactory(), null);
    expect(await bare.estimate()).toBeNull();
    expect(await bare.persist()).toBe(false);
  });
});
