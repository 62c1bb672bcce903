// Pure operations on decks (every edit returns a new deck) and the link between a slide and the
// view state of the app (the URL state a slide restores, and the view a slide saves).
import type { Bounds } from '../../../../layers/types';
import type { BasemapId } from '../../../core/map-style/basemaps';
import type { Camera, Selection, UrlState } from '../../state/url-state';
import type { Visibility } from '../../state/visibility';
import { DECK_LIMITS, type Deck, type SavedView, type Slide } from '../../../core/deck/types';

/** Ids match the address's id syntax ([a-z0-9-]). */
export function newId(prefix: string): string {
  const bytes = new Uint8Array(6);
  globalThis.crypto.getRandomValues(bytes);
  return `${prefix}-${[...bytes]
    .map((b) => b.toString(36).padStart(2, '0'))
    .join('')
    .slice(0, 10)}`;
}

export function createDeck(title: string, now = new Date().toISOString()): Deck {
  return { id: newId('jeu'), title: title.slice(0, DECK_LIMITS.title), slides: [], createdAt: now, updatedAt: now };
}

const touched = (deck: Deck, slides: Slide[], now: string): Deck => ({ ...deck, slides, updatedAt: now });

/** Inserts at `at` (default: the end); the deck keeps at most DECK_LIMITS.slides slides. */
export function addSlide(deck: Deck, slide: Slide, at = deck.slides.length, now = new Date().toISOString()): Deck {
  if (deck.slides.length >= DECK_LIMITS.slides) return deck;
  const slides = [...deck.slides];
  slides.splice(Math.max(0, Math.min(at, slides.length)), 0, slide);
  return touched(deck, slides, now);
}

/** Moves slide `index` by `delta` places (-1 up, +1 down); out of range moves do nothing. */
export function moveSlide(deck: Deck, index: number, delta: number, now = new Date().toISOString()): Deck {
  const target = index + delta;
  if (index < 0 || index >= deck.slides.length || target < 0 || target >= deck.slides.length) return deck;
  const slides = [...deck.slides];
  const [slide] = slides.splice(index, 1);
  slides.splice(target, 0, slide);
  return touched(deck, slides, now);
}

export function removeSlide(deck: Deck, index: number, now = new Date().toISOString()): Deck {
  if (index < 0 || index >= deck.slides.length) return deck;
  return touched(
    deck,
    deck.slides.filter((_, i) => i !== index),
    now,
  );
}

export function editSlide(deck: Deck, index: number, patch: { title?: string; note?: string }, now = new Date().toISOString()): Deck {
  const slide = deck.slides[index];
  if (!slide) return deck;
  const next: Slide = {
    ...slide,
    ...(patch.title !== undefined && { title: patch.title.slice(0, DECK_LIMITS.title) }),
    ...(patch.note !== undefined && { note: patch.note.slice(0, DECK_LIMITS.note) }),
  };
  return touched(
    deck,
    deck.slides.map((s, i) => (i === index ? next : s)),
    now,
  );
}

export function renameDeck(deck: Deck, title: string, now = new Date().toISOString()): Deck {
  return { ...deck, title: title.slice(0, DECK_LIMITS.title), updatedAt: now };
}

/** A copy with new ids (the default deck is copied to be edited). */
export function copyDeck(deck: Deck, title: string, now = new Date().toISOString()): Deck {
  return { ...createDeck(title, now), slides: deck.slides.map((s) => ({ ...s, id: newId('diapo') })) };
}

/** Slide number (from 1) kept inside the deck. */
export function clampSlide(n: number, deck: Pick<Deck, 'slides'>): number {
  return Math.min(Math.max(1, Math.round(n) || 1), Math.max(1, deck.slides.length));
}

export interface ViewSnapshot {
  camera?: Camera;
  visibility: Visibility;
  basemap: BasemapId;
  selection?: Selection | null;
  card?: string | null;
  imported?: string[];
}

/** The current view as a slide's saved view: explicit layer lists, so defaults may change later. */
export function captureView(v: ViewSnapshot): SavedView {
  const view: SavedView = { layers: [...v.visibility.layers], sublayers: [...v.visibility.sublayers], basemap: v.basemap };
  if (v.camera) view.camera = { zoom: round(v.camera.zoom, 2), lat: round(v.camera.lat, 5), lon: round(v.camera.lon, 5) };
  if (v.selection) view.selection = { ...v.selection };
  if (v.card) view.card = v.card;
  if (v.imported?.length) view.imported = [...v.imported];
  return view;
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));

export function viewSlide(title: string, view: SavedView, note = ''): Slide {
  return { id: newId('diapo'), kind: 'vue', title: title.slice(0, DECK_LIMITS.title), note, view };
}

export function cardSlide(card: string, title: string, note = ''): Slide {
  return { id: newId('diapo'), kind: 'fiche', card, title: title.slice(0, DECK_LIMITS.title), note };
}

/** How the camera moves to a slide: a centre and zoom, a box to frame, or the card's framing. */
export type SlideCamera = { center: [number, number]; zoom: number } | { bounds: Bounds } | null;

export interface SlideTarget {
  /** The view state to apply (as if this address were opened), without presentation parameters. */
  url: UrlState;
  camera: SlideCamera;
  /** Imported layers to show, when the slide says (undefined: leave them as they are). */
  imported?: string[];
}

export function slideTarget(slide: Slide): SlideTarget {
  if (slide.kind === 'fiche') return { url: { card: slide.card }, camera: null };
  const v = slide.view;
  const url: UrlState = { layers: v.layers, sublayers: v.sublayers, basemap: v.basemap };
  if (v.selection) url.selection = v.selection;
  if (v.card) url.card = v.card;
  // The camera travels in the address too: a card open on the view must not re-frame itself.
  if (v.camera) url.camera = v.camera;
  const camera: SlideCamera = v.camera ? { center: [v.camera.lon, v.camera.lat], zoom: v.camera.zoom } : v.bounds ? { bounds: v.bounds } : null;
  return { url, camera, imported: v.imported };
}
