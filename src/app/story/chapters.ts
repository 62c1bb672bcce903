// The story's chapters: one per report card, in the report's order, which is the order of the
// report's deck (src/app/present/deck/default-deck.ts reads the same reportOrder). What a chapter
// shows on the map is the card's focus (src/app/state/focus.ts, as in the card panel and the deck)
// framed on the card's features (as src/app/cards/useCardFraming.ts frames an opened card).
import type { BuiltCard, CardsFile } from '../../../layers/cards';
import type { Bounds } from '../../../layers/types';
import { reportOrder } from '../cards/report-order';
import { cardFeatures, featuresBounds } from '../cards/card-features';
import type { LayerData } from '../data/useLayerData';
import { CONTEXT_LAYER, CONTEXT_SUBLAYERS, focusVisibility } from '../state/focus';
import type { Visibility } from '../state/visibility';

export const storyChapters = (file: CardsFile): BuiltCard[] => reportOrder(file.cards);

/** The element id of a chapter (its section), and of its heading. */
export const chapterElementId = (cardId: string): string => `chapitre-${cardId}`;
export const chapterHeadingId = (cardId: string): string => `chapitre-${cardId}-titre`;

/** Before the first chapter: the territory and its communes only. */
export const OPENING_VISIBILITY: Visibility = { layers: new Set([CONTEXT_LAYER]), sublayers: new Set(CONTEXT_SUBLAYERS) };

export function chapterVisibility(card: BuiltCard | null): Visibility {
  return card ? focusVisibility(card) : OPENING_VISIBILITY;
}

/**
 * Where the map looks for a chapter: the bounds of the card's features once loaded; the territory
 * for a card without geometry (its text says so) and before the first chapter.
 */
export function chapterBounds(card: BuiltCard | null, data: LayerData, territory: Bounds): Bounds {
  return (card && featuresBounds(cardFeatures(card, data))) ?? territory;
}

/**
 * How many of its features the map shows per sublayer the card declares (the first link of a
 * sublayer, as the card panel counts them); a sublayer without loaded geometry is absent.
 */
export function chapterCounts(card: BuiltCard, data: LayerData): Map<string, number> {
  const counts = new Map<string, number>();
  for (const l of cardFeatures(card, data)) if (!counts.has(l.sublayerId)) counts.set(l.sublayerId, l.features.length);
  return counts;
}
