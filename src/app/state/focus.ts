// What a report card is about, as a visibility: the layers and sublayers its links declare, plus the
// context every map keeps (communes and the territory's outline). The card panel, the report's deck
// (« fiche » slides) and the story (#recit) all read this one function, so a card, its slide and its
// chapter show the same map.
import { findSublayer } from '../../../layers/index';
import type { BuiltCard } from '../../../layers/cards';
import type { Visibility } from './visibility';

/** Context layer and sublayers kept in every focused view: they locate, they do not tell. */
export const CONTEXT_LAYER = 'communes';
export const CONTEXT_SUBLAYERS = ['communes', 'territoire'] as const;

/** Sublayer ids a card declares through its links (each once, in the card's order). */
export function cardSublayers(card: Pick<BuiltCard, 'links'>): string[] {
  return [...new Set(card.links.map((link) => link.sublayer))].filter((id) => findSublayer(id) !== undefined);
}

/** The visibility of a card in focus: its declared sublayers (and their layers) plus the context. */
export function focusVisibility(card: Pick<BuiltCard, 'links'>): Visibility {
  const layers = new Set<string>([CONTEXT_LAYER]);
  const sublayers = new Set<string>(CONTEXT_SUBLAYERS);
  for (const id of cardSublayers(card)) {
    const found = findSublayer(id);
    if (!found) continue;
    layers.add(found.layer.id);
    sublayers.add(id);
  }
  return { layers, sublayers };
}
