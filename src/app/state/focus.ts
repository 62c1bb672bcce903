// What a report card is about, as a visibility: the layers and sublayers its links declare, plus the
// context every map keeps (communes and the territory's outline). The card panel, the report's deck
// (« fiche » slides) and the story (#recit) all read this one function, so a card, its slide and its
// chapter show the same map.
import { findSublayer } from '../../../layers/index';
import type { BuiltCard } from '../../../layers/cards';
import { sameSet, visibilityToUrl, type Visibility } from './visibility';
import type { UrlState } from './url-state';

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
  for (const link of card.links) {
    const found = findSublayer(link.sublayer);
    if (!found) continue;
    layers.add(found.layer.id);
    sublayers.add(link.sublayer);
  }
  return { layers, sublayers };
}

/** The card's view is its focus: the same layers and sublayers (the legend's class filter aside). */
export function isFocused(v: Visibility, card: Pick<BuiltCard, 'links'>): boolean {
  const focus = focusVisibility(card);
  return sameSet(v.layers, focus.layers) && sameSet(v.sublayers, focus.sublayers);
}

/** « Afficher toutes les couches »: what the reader had, plus the card's layers (shown in full). */
export function withCardLayers(had: Visibility, card: Pick<BuiltCard, 'links'>): Visibility {
  const focus = focusVisibility(card);
  const classes = Object.fromEntries(Object.entries(had.classes ?? {}).filter(([id]) => !focus.sublayers.has(id)));
  return {
    layers: new Set([...had.layers, ...focus.layers]),
    sublayers: new Set([...had.sublayers, ...focus.sublayers]),
    ...(Object.keys(classes).length > 0 && { classes }),
  };
}

/**
 * What the address carries of the visibility. A card in focus: no layer lists (`#fiche=x` alone
 * reproduces the focused view). A card open on another view: the lists in full, even when they equal
 * the defaults, since without them the address would mean the focus. No card: what differs from the
 * defaults. The legend's class filter is always written.
 */
export function addressVisibility(
  v: Visibility,
  card: Pick<BuiltCard, 'links'> | null,
  focusPending: boolean,
): Pick<UrlState, 'layers' | 'sublayers' | 'classes'> {
  const url = visibilityToUrl(v, !!card);
  if (focusPending || (card && isFocused(v, card))) return { classes: url.classes };
  return url;
}
