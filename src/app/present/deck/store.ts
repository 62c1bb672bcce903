// Decks of this browser in IndexedDB (idb, as the workspace). Not localStorage: a deck with a few
// dozen slides and their notes is tens of kilobytes, localStorage is synchronous (it would block
// typing in the editor) and its ~5 MB are shared with every preference of the site. A database of
// its own keeps the workspace's schema versions independent.
import { openDB, type IDBPDatabase } from 'idb';
import type { Deck } from '../../../core/deck/types';

export const DECKS_DB_NAME = 'atlas-lens-lievin-presentations';
const STORE = 'jeux';

export interface DeckStore {
  /** 'base' when persisted, 'memoire' when IndexedDB is unavailable (decks last for the session). */
  readonly kind: 'base' | 'memoire';
  list(): Promise<Deck[]>;
  put(deck: Deck): Promise<void>;
  remove(id: string): Promise<void>;
}

const byRecent = (a: Deck, b: Deck): number => b.updatedAt.localeCompare(a.updatedAt) || a.title.localeCompare(b.title);

export async function openDeckStore(): Promise<DeckStore> {
  let db: IDBPDatabase;
  try {
    db = await openDB(DECKS_DB_NAME, 1, {
      upgrade(database) {
        if (!database.objectStoreNames.contains(STORE)) database.createObjectStore(STORE, { keyPath: 'id' });
      },
    });
  } catch {
    // Private browsing or blocked storage: keep working for this session.
    return memoryDeckStore();
  }
  return {
    kind: 'base',
    list: async () => ((await db.getAll(STORE)) as Deck[]).sort(byRecent),
    put: async (deck) => {
      await db.put(STORE, deck);
    },
    remove: (id) => db.delete(STORE, id),
  };
}

export function memoryDeckStore(): DeckStore {
  const decks = new Map<string, Deck>();
  return {
    kind: 'memoire',
    list: async () => [...decks.values()].sort(byRecent),
    put: async (deck) => {
      decks.set(deck.id, structuredClone(deck));
    },
    remove: async (id) => {
      decks.delete(id);
    },
  };
}
