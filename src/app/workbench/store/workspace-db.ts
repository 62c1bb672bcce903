// The planner's workspace in IndexedDB: item metadata in 'items', the layer's FlatGeobuf bytes in
// 'donnees' (same key). Browser only (window or worker). Every write that touches both stores is
// one transaction, so a failed write (full disk, tab closed) never leaves half a layer behind.
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { WorkspaceItem } from '../../../core/types';
import { corruptError, isQuotaError, quotaError, unavailableError, unknownError, WorkspaceStorageError, type StorageUsage } from './errors';
import { invalidField, recordLabel } from './validate';

export { WorkspaceStorageError, type WorkspaceStorageErrorCode, type StorageUsage } from './errors';

import { WORKSPACE_DB_NAME } from '../../state/workspace-saved';
export { WORKSPACE_DB_NAME };
const DB_VERSION = 1;

interface WorkspaceSchema extends DBSchema {
  items: { key: string; value: WorkspaceItem };
  /** FlatGeobuf bytes; ArrayBuffer accepted on read (older writers, other tabs). */
  donnees: { key: string; value: Uint8Array | ArrayBuffer };
}
type Store = StoreNames<WorkspaceSchema>;
type Tx<S extends Store[], M extends IDBTransactionMode> = IDBPTransaction<WorkspaceSchema, S, M>;

/** What the workspace may change after creation; the rest describes the data and stays. */
export type WorkspaceItemPatch = Pick<WorkspaceItem, 'id'> & Partial<Pick<WorkspaceItem, 'name' | 'colour' | 'opacity' | 'order' | 'visible'>>;

export interface WorkspaceListing {
  /** Valid items that have their data, by drawing order (low first). */
  items: WorkspaceItem[];
  /** One French sentence per skipped record (unreadable, or its data missing). */
  problems: string[];
}

export interface Workspace {
  list(): Promise<WorkspaceListing>;
  /** null when absent; throws WorkspaceStorageError 'corrompu' when the record is unreadable. */
  get(id: string): Promise<WorkspaceItem | null>;
  /** null when absent; throws WorkspaceStorageError 'corrompu' when the stored value is not bytes. */
  getData(id: string): Promise<Uint8Array | null>;
  /** Item and data in one transaction: on failure neither is written. */
  put(item: WorkspaceItem, data: Uint8Array): Promise<void>;
  /** Metadata only (name, colour, opacity, order, visible); false when the item no longer exists. */
  update(patch: WorkspaceItemPatch): Promise<boolean>;
  remove(id: string): Promise<void>;
  clear(): Promise<void>;
  estimate(): Promise<StorageUsage | null>;
  /** Asks the browser not to evict the workspace under storage pressure; true when granted. */
  persist(): Promise<boolean>;
  close(): void;
}

export type StorageManagerLike = Pick<StorageManager, 'estimate' | 'persist'>;

function defaultStorageManager(): StorageManagerLike | null {
  return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null;
}

function defaultFactory(): IDBFactory | undefined {
  // Accessing indexedDB can itself throw (SecurityError on some blocked-storage settings).
  try {
    return typeof indexedDB === 'undefined' ? undefined : indexedDB;
  } catch {
    return undefined;
  }
}

function openRaw(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(WORKSPACE_DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('items')) db.createObjectStore('items', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('donnees')) db.createObjectStore('donnees');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** A structured clone of a view would store its whole underlying buffer: keep only the bytes. */
function tightBytes(data: Uint8Array): Uint8Array {
  return data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();
}

const noop = (): void => undefined;
/** Marks a request's promise as observed: if a later request throws synchronously, the aborted
 * transaction rejects it, and that must not become an unhandled rejection. */
const observed = <T>(p: Promise<T>): Promise<T> => {
  p.catch(noop);
  return p;
};

function compareItems(a: WorkspaceItem, b: WorkspaceItem): number {
  return a.order - b.order || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/**
 * Opens (creating on first use) the workspace database. Throws WorkspaceStorageError
 * 'indisponible' when IndexedDB is missing or refuses to open (private browsing, blocked storage):
 * the caller then keeps the workspace in memory for the session.
 */
export async function openWorkspace(
  factory: IDBFactory | undefined = defaultFactory(),
  storage: StorageManagerLike | null = defaultStorageManager(),
): Promise<Workspace> {
  if (!factory) throw unavailableError(new Error('IndexedDB absent'));
  let raw: IDBDatabase;
  try {
    raw = await openRaw(factory);
  } catch (error) {
    throw unavailableError(error);
  }
  // Let a future version of the app upgrade the schema instead of being blocked by this tab.
  raw.onversionchange = () => raw.close();
  const db = wrap(raw) as unknown as IDBPDatabase<WorkspaceSchema>;

  async function estimate(): Promise<StorageUsage | null> {
    if (!storage) return null;
    try {
      const e = await storage.estimate();
      return { usage: e.usage ?? 0, quota: e.quota ?? 0 };
    } catch {
      return null;
    }
  }

  async function toStorageError(error: unknown, txError: unknown, action: string, itemName: string | null): Promise<WorkspaceStorageError> {
    if (error instanceof WorkspaceStorageError) return error;
    if (isQuotaError(error, txError)) return quotaError(itemName, await estimate(), error);
    const abort = error instanceof DOMException && error.name === 'AbortError';
    return unknownError(action, abort && txError ? txError : error);
  }

  /** Runs `body` in one transaction; resolves once it has committed, else aborts it and throws. */
  async function transact<S extends Store[], M extends IDBTransactionMode, T>(
    stores: S,
    mode: M,
    action: string,
    itemName: string | null,
    body: (tx: Tx<S, M>) => Promise<T>,
  ): Promise<T> {
    let tx: Tx<S, M>;
    try {
      tx = db.transaction(stores, mode);
    } catch (error) {
      throw await toStorageError(error, null, action, itemName);
    }
    const done = observed(tx.done);
    try {
      const result = await body(tx);
      await done;
      return result;
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already aborted or committed: nothing to undo.
      }
      throw await toStorageError(error, tx.error, action, itemName);
    }
  }

  return {
    async list() {
      const [keys, values, dataKeys] = await transact(['items', 'donnees'], 'readonly', "Lecture de l'espace de travail", null, (tx) =>
        Promise.all([
          observed(tx.objectStore('items').getAllKeys()),
          observed(tx.objectStore('items').getAll()),
          observed(tx.objectStore('donnees').getAllKeys()),
        ]),
      );
      const withData = new Set<string>(dataKeys);
      const items: WorkspaceItem[] = [];
      const problems: string[] = [];
      values.forEach((value: unknown, i) => {
        const field = invalidField(value);
        if (field !== null) {
          problems.push(`Un élément de l'espace de travail est illisible (${recordLabel(value, keys[i])}, champ « ${field} ») : il a été ignoré.`);
        } else if (!withData.has(keys[i])) {
          problems.push(`Les données de « ${(value as WorkspaceItem).name} » manquent dans l'espace de travail : la couche est ignorée.`);
        } else items.push(value as WorkspaceItem);
      });
      return { items: items.sort(compareItems), problems };
    },

    async get(id) {
      const value: unknown = await transact(['items'], 'readonly', "Lecture de l'espace de travail", null, (tx) => tx.objectStore('items').get(id));
      if (value === undefined) return null;
      const field = invalidField(value);
      if (field !== null) throw corruptError(`l'élément ${recordLabel(value, id)} a un champ « ${field} » invalide`);
      return value as WorkspaceItem;
    },

    async getData(id) {
      const value: unknown = await transact(['donnees'], 'readonly', "Lecture de l'espace de travail", null, (tx) =>
        tx.objectStore('donnees').get(id),
      );
      if (value === undefined) return null;
      if (value instanceof Uint8Array) return value;
      if (value instanceof ArrayBuffer) return new Uint8Array(value);
      throw corruptError(`les données de l'élément « ${id} » ne sont pas un fichier FlatGeobuf`);
    },

    async put(item, data) {
      const action = `Enregistrement de « ${item.name} »`;
      const field = invalidField(item);
      if (field !== null) throw new WorkspaceStorageError('inconnu', `${action} : champ « ${field} » invalide, rien n'a été enregistré.`);
      const bytes = tightBytes(data);
      await transact(['items', 'donnees'], 'readwrite', action, item.name, (tx) =>
        Promise.all([observed(tx.objectStore('items').put(item)), observed(tx.objectStore('donnees').put(bytes, item.id))]),
      );
    },

    async update(patch) {
      return transact(['items'], 'readwrite', 'Mise à jour de l’espace de travail', patch.name ?? null, async (tx) => {
        const store = tx.objectStore('items');
        const current: unknown = await store.get(patch.id);
        if (current === undefined) return false;
        const next = { ...(current as WorkspaceItem) };
        if (patch.name !== undefined) next.name = patch.name;
        if (patch.colour !== undefined) next.colour = patch.colour;
        if (patch.opacity !== undefined) next.opacity = patch.opacity;
        if (patch.order !== undefined) next.order = patch.order;
        if (patch.visible !== undefined) next.visible = patch.visible;
        const field = invalidField(next);
        if (field !== null)
          throw new WorkspaceStorageError(
            'inconnu',
            `Mise à jour de ${recordLabel(next, patch.id)} : champ « ${field} » invalide, rien n'a été modifié.`,
          );
        await store.put(next);
        return true;
      });
    },

    async remove(id) {
      await transact(['items', 'donnees'], 'readwrite', 'Suppression dans l’espace de travail', null, (tx) =>
        Promise.all([observed(tx.objectStore('items').delete(id)), observed(tx.objectStore('donnees').delete(id))]),
      );
    },

    async clear() {
      await transact(['items', 'donnees'], 'readwrite', "Vidage de l'espace de travail", null, (tx) =>
        Promise.all([observed(tx.objectStore('items').clear()), observed(tx.objectStore('donnees').clear())]),
      );
    },

    estimate,

    async persist() {
      if (!storage) return false;
      try {
        return await storage.persist();
      } catch {
        return false;
      }
    },

    close() {
      db.close();
    },
  };
}
