// Which report card is open and which thematic layers, sublayers and legend classes are shown, kept
// together because opening a card changes the layers: the card is shown in focus (its declared layers
// and the context, nothing else: src/app/state/focus.ts), « Afficher toutes les couches » adds back
// what the reader had, and closing the card restores that. Leaving a presentation restores the view
// it started from. The address follows the rules of addressVisibility (docs/cards.md).
import { useCallback, useState } from 'react';
import type { BuiltCard } from '../../../layers/cards';
import { findCard, type CardsState } from '../data/cards';
import { addressVisibility, focusVisibility, isFocused, withCardLayers } from './focus';
import { classFilterFromUrl, defaultVisibility, visibilityFromUrl, type Visibility } from './visibility';
import type { UrlState } from './url-state';

interface Focus {
  /** The view before the first card was opened, restored when the card closes (null: keep the view). */
  restore: Visibility | null;
}

interface ViewState {
  cardId: string | null;
  visibility: Visibility;
  focus: Focus | null;
  /** A card to show in focus once cards.json is read (the legend filter the address gave it). */
  pending: { classes?: Record<string, string> } | null;
  /** The view a presentation started from, restored when it ends. */
  beforeShow: Pick<ViewState, 'cardId' | 'visibility' | 'focus'> | null;
  presenting: boolean;
}

const toggled = (set: Set<string>, id: string, on: boolean): Set<string> => {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
};

const snapshot = (s: ViewState): ViewState['beforeShow'] => ({ cardId: s.cardId, visibility: s.visibility, focus: s.focus });

const explicitLayers = (url: UrlState): boolean => !!(url.layers || url.sublayers);

/** The state an address gives, the current one being `s` (its focus memory may carry over). */
function fromAddress(s: ViewState | null, url: UrlState): ViewState {
  const presenting = !!url.present?.presentation;
  const base = {
    presenting: s?.presenting ?? presenting,
    // A presentation started while the atlas runs remembers the view it replaced (one opened by a link
    // has none); an address without presentation ends that memory: the address decides.
    beforeShow: presenting && s ? (s.beforeShow ?? (s.presenting ? null : snapshot(s))) : null,
  };
  if (url.card && !explicitLayers(url)) {
    const classes = classFilterFromUrl(url);
    const restore = s ? (s.focus?.restore ?? s.visibility) : visibilityFromUrl({ ...url, card: undefined, classes: undefined });
    return {
      ...base,
      cardId: url.card,
      visibility: s?.visibility ?? defaultVisibility(),
      focus: { restore },
      pending: { classes },
    };
  }
  // An address with its own layer lists is the view: it keeps no memory of an earlier one.
  return { ...base, cardId: url.card ?? null, visibility: visibilityFromUrl(url), focus: null, pending: null };
}

export function useVisibilityState(initialUrl: UrlState, cards: CardsState, presenting: boolean) {
  const [s, setS] = useState<ViewState>(() => fromAddress(null, initialUrl));
  const card: BuiltCard | null = findCard(cards, s.cardId);

  // Adjusted during render (no effect): the focused view is drawn in the same frame as the card.
  if (s.pending && card) {
    const classes = s.pending.classes;
    setS({ ...s, visibility: { ...focusVisibility(card), ...(classes && { classes }) }, pending: null });
  }
  if (presenting !== s.presenting) {
    if (presenting) setS({ ...s, presenting, beforeShow: s.beforeShow ?? snapshot(s) });
    else setS({ ...s, ...(s.beforeShow ?? {}), presenting, pending: null, beforeShow: null });
  }

  /** The reader opens a card (panel, search, feature sheet) or closes it (null). */
  const setCardId = useCallback(
    (id: string | null) =>
      setS((v) => {
        if (!id) return { ...v, cardId: null, visibility: v.focus?.restore ?? v.visibility, focus: null, pending: null };
        const restore = v.focus?.restore ?? v.visibility;
        return { ...v, cardId: id, focus: { restore }, pending: {} };
      }),
    [],
  );

  /** « Afficher toutes les couches »: the reader's own layers come back, the card's stay. */
  const showAll = useCallback(() => {
    if (!card) return;
    setS((v) => ({ ...v, visibility: withCardLayers(v.focus?.restore ?? defaultVisibility(), card) }));
  }, [card]);
  /** Back to the card's layers only. */
  const focusCard = useCallback(() => {
    if (!card) return;
    setS((v) => ({ ...v, visibility: focusVisibility(card) }));
  }, [card]);

  const setVisibility = useCallback(
    (change: (v: Visibility) => Visibility) => setS((v) => ({ ...v, visibility: change(v.visibility), pending: null })),
    [],
  );
  const toggleLayer = useCallback(
    (layerId: string, on: boolean) => setVisibility((v) => ({ ...v, layers: toggled(v.layers, layerId, on) })),
    [setVisibility],
  );
  const toggleSublayer = useCallback(
    (sublayerId: string, on: boolean) => setVisibility((v) => ({ ...v, sublayers: toggled(v.sublayers, sublayerId, on) })),
    [setVisibility],
  );
  /** Shows a sublayer and its layer (a feature chosen in search or a table must be visible). */
  const showSublayer = useCallback(
    (layerId: string, sublayerId: string) =>
      setVisibility((v) => ({ ...v, layers: new Set(v.layers).add(layerId), sublayers: new Set(v.sublayers).add(sublayerId) })),
    [setVisibility],
  );
  /** The legend filter: only `classId` of the sublayer is drawn; null (or the same class again) draws them all. */
  const toggleClass = useCallback(
    (sublayerId: string, classId: string | null) =>
      setVisibility((v) => {
        const { [sublayerId]: current, ...others } = v.classes ?? {};
        const classes = classId && classId !== current ? { ...others, [sublayerId]: classId } : others;
        return { layers: v.layers, sublayers: v.sublayers, ...(Object.keys(classes).length > 0 && { classes }) };
      }),
    [setVisibility],
  );
  const followAddress = useCallback((url: UrlState) => setS((v) => fromAddress(v, url)), []);

  const focused = !!card && !s.pending && isFocused(s.visibility, card);
  return {
    card,
    cardId: s.cardId,
    setCardId,
    visibility: s.visibility,
    /** The visibility part of the address (see addressVisibility). */
    address: addressVisibility(s.visibility, card, !!s.pending),
    focus: { card, focused, showAll, focusCard },
    toggleLayer,
    toggleSublayer,
    showSublayer,
    toggleClass,
    followAddress,
  };
}

export type CardFocus = ReturnType<typeof useVisibilityState>['focus'];
