// Decks of slides for meetings. A slide is a report card or a saved view of the map. Isomorphic
// (no DOM): the model, the file format and the link codec are tested in Node.
import type { Bounds } from '../../../layers/types';
import type { BasemapId } from '../map-style/basemaps';
import type { Camera, Selection } from '../view';

/** What a "saved view" slide restores: the same things a permalink carries. */
export interface SavedView {
  camera?: Camera;
  /** Framing used when there is no camera (e.g. the whole territory, whatever the screen). */
  bounds?: Bounds;
  layers: string[];
  sublayers: string[];
  basemap: BasemapId;
  /** Highlighted (selected) feature. */
  selection?: Selection;
  /** Report card open beside the map (its features get a halo). */
  card?: string;
  /** Imported layers of the workspace shown (ids of this browser only). */
  imported?: string[];
}

export type Slide =
  | { id: string; kind: 'fiche'; card: string; title: string; note: string }
  | { id: string; kind: 'vue'; title: string; note: string; view: SavedView };

export interface Deck {
  id: string;
  title: string;
  slides: Slide[];
  createdAt: string;
  updatedAt: string;
}

/** The default deck, rebuilt from cards.json: it cannot be edited (a copy can). */
export const DEFAULT_DECK_ID = 'rapport';

/** Limits of the file format, checked on import (schema) and in the editor (maxLength). */
export const DECK_LIMITS = { title: 200, note: 2000, slides: 200, ids: 100 } as const;

/** Marker of a deck file: a JSON file of something else is refused with a clear message. */
export const DECK_FILE_TYPE = 'atlas-lens-lievin/jeu-de-diapositives';
export const DECK_FILE_VERSION = 1;

export interface DeckFile {
  type: typeof DECK_FILE_TYPE;
  version: typeof DECK_FILE_VERSION;
  deck: Omit<Deck, 'id' | 'createdAt' | 'updatedAt'> & Partial<Pick<Deck, 'createdAt' | 'updatedAt'>>;
}
